namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class DealTransitionConverter : IConverter<DealTransition, JsonSurrogate>
{
    public DealTransition ConvertFromSurrogate(in JsonSurrogate surrogate) => LibraryJson.From<DealTransition>(surrogate);

    public JsonSurrogate ConvertToSurrogate(in DealTransition value) => LibraryJson.To(value);
}
