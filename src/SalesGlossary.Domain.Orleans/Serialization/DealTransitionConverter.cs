namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class DealTransitionConverter(IServiceProvider services) : IConverter<DealTransition, JsonSurrogate>
{
    private readonly AgreementTerms terms = AgreementTerms.Of(services);

    public DealTransition ConvertFromSurrogate(in JsonSurrogate surrogate) => terms.From<DealTransition>(surrogate);

    public JsonSurrogate ConvertToSurrogate(in DealTransition value) => AgreementTerms.Write(value);
}
