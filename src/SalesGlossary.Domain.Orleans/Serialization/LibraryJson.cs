using System.Text.Json;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Orleans.Serialization;

internal static class LibraryJson
{
    public static JsonSurrogate To<T>(T value) => new() { Json = JsonSerializer.Serialize(value, SalesGlossaryJson.Options) };

    public static T From<T>(in JsonSurrogate surrogate)
        where T : class =>
        SalesGlossaryJson.Read<T>(surrogate.Json);
}
