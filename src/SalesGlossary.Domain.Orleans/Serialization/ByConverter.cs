namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class ByConverter : IConverter<By, JsonSurrogate>
{
    public By ConvertFromSurrogate(in JsonSurrogate surrogate) => LibraryJson.From<By>(surrogate);

    public JsonSurrogate ConvertToSurrogate(in By value) => LibraryJson.To(value);
}
