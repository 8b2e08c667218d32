namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class ConnectAttemptConverter(IServiceProvider services) : IConverter<ConnectAttempt, JsonSurrogate>
{
    private readonly AgreementTerms terms = AgreementTerms.Of(services);

    public ConnectAttempt ConvertFromSurrogate(in JsonSurrogate surrogate) => terms.From<ConnectAttempt>(surrogate);

    public JsonSurrogate ConvertToSurrogate(in ConnectAttempt value) => AgreementTerms.Write(value);
}
