using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.EntityFrameworkCore;

/// <summary>
/// Stores a value of the library as one JSON text column, written with <see cref="SalesGlossaryJson.Options"/> and read
/// back strictly through <see cref="SalesGlossaryJson.Read{T}(string, System.Text.Json.JsonSerializerOptions)"/>: a property the library adds to a stored type is kept
/// without a change of schema, and a malformed stored document fails the read with its JSON path.
/// </summary>
internal static class JsonColumn
{
    public static ValueConverter<T, string> Converter<T>(System.Text.Json.JsonSerializerOptions? options = null)
        where T : class
    {
        var settings = options ?? SalesGlossaryJson.Options;
        return new(value => System.Text.Json.JsonSerializer.Serialize(value, settings), json => SalesGlossaryJson.Read<T>(json, settings));
    }

    /// <summary>Like <see cref="Converter{T}(System.Text.Json.JsonSerializerOptions)"/>, and checks each value read with <paramref name="check"/>, which throws for a value that cannot be trusted.</summary>
    public static ValueConverter<T, string> Converter<T>(Func<T, T> check)
        where T : class =>
        new(value => System.Text.Json.JsonSerializer.Serialize(value, SalesGlossaryJson.Options), json => check(SalesGlossaryJson.Read<T>(json)));

    /// <summary>The stored values are immutable snapshots replaced as a whole, so a new instance is a change and the same instance is not.</summary>
    public static ValueComparer<T> Comparer<T>()
        where T : class =>
        new((a, b) => ReferenceEquals(a, b), v => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(v), v => v);
}
