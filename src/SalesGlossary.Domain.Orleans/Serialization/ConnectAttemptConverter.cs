namespace SalesGlossary.Domain.Orleans.Serialization;

[RegisterConverter]
internal sealed class ConnectAttemptConverter : IConverter<ConnectAttempt, JsonSurrogate>
{
    public ConnectAttempt ConvertFromSurrogate(in JsonSurrogate surrogate) => LibraryJson.From<ConnectAttempt>(surrogate);

    public JsonSurrogate ConvertToSurrogate(in ConnectAttempt value) => LibraryJson.To(value);
}
