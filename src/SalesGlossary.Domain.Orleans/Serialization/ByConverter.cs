namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class ByConverter(IServiceProvider services) : IConverter<By, JsonSurrogate>
{
    private readonly AgreementTerms terms = AgreementTerms.Of(services);

    public By ConvertFromSurrogate(in JsonSurrogate surrogate) => terms.From<By>(surrogate);

    public JsonSurrogate ConvertToSurrogate(in By value) => AgreementTerms.Write(value);
}
