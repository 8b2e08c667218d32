namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class LeadFactsConverter : IConverter<LeadFacts, JsonSurrogate>
{
    public LeadFacts ConvertFromSurrogate(in JsonSurrogate surrogate) => LibraryJson.From<LeadFacts>(surrogate);

    public JsonSurrogate ConvertToSurrogate(in LeadFacts value) => LibraryJson.To(value);
}
