namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class ContactStateConverter : IConverter<ContactState, JsonSurrogate>
{
    public ContactState ConvertFromSurrogate(in JsonSurrogate surrogate) => LibraryJson.From<ContactState>(surrogate);

    public JsonSurrogate ConvertToSurrogate(in ContactState value) => LibraryJson.To(value);
}
