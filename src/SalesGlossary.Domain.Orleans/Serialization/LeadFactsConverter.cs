namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class LeadFactsConverter(IServiceProvider services) : IConverter<LeadFacts, JsonSurrogate>
{
    private readonly AgreementTerms terms = AgreementTerms.Of(services);

    public LeadFacts ConvertFromSurrogate(in JsonSurrogate surrogate) => terms.From<LeadFacts>(surrogate);

    public JsonSurrogate ConvertToSurrogate(in LeadFacts value) => AgreementTerms.Write(value);
}
