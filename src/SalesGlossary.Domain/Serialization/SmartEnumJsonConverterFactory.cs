using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ardalis.SmartEnum;

namespace SalesGlossary.Domain.Serialization;

/// <summary>Converts every smart enum of the library (and any other <c>Ardalis.SmartEnum</c> type) to and from its name.</summary>
/// <remarks>
/// Values are written by <c>Name</c> (for example <c>"MarketingQualifiedLead"</c>) and read ignoring case. An unknown
/// name, or a token that is not a string, is a <see cref="JsonException"/> that names the bad value and lists the
/// allowed names. Smart enums also work as dictionary keys. Add the factory to your own
/// <see cref="JsonSerializerOptions"/>, or use <see cref="SalesGlossaryJson.Options"/>.
/// </remarks>
public sealed class SmartEnumJsonConverterFactory : JsonConverterFactory
{
    private readonly TermResolver? resolve;
    private readonly Func<Type, IReadOnlyList<string>?>? known;

    /// <summary>Initializes a factory that knows the library's shipped terms.</summary>
    public SmartEnumJsonConverterFactory()
    {
    }

    /// <summary>Initializes a factory that resolves names through an agreement's vocabulary first.</summary>
    internal SmartEnumJsonConverterFactory(TermResolver resolve, Func<Type, IReadOnlyList<string>?> known)
    {
        this.resolve = resolve;
        this.known = known;
    }

    /// <summary>Finds a term of a vocabulary type by name.</summary>
    internal delegate bool TermResolver(Type type, string name, out object? term);
    /// <summary>Gets a value indicating whether <paramref name="typeToConvert"/> is a smart enum.</summary>
    /// <param name="typeToConvert">The type to check.</param>
    /// <returns><see langword="true"/> for a type that derives from <c>SmartEnum&lt;TEnum, TValue&gt;</c>.</returns>
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert is not null && typeToConvert.IsSmartEnum(out var arguments) && arguments[0] == typeToConvert;

    /// <summary>Creates the converter for one smart enum type.</summary>
    /// <param name="typeToConvert">The smart enum type.</param>
    /// <param name="options">The serializer options (not used).</param>
    /// <returns>A converter that reads and writes the type by name.</returns>
    /// <exception cref="ArgumentException"><paramref name="typeToConvert"/> is not a smart enum.</exception>
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        if (typeToConvert is null || !typeToConvert.IsSmartEnum(out var arguments))
        {
            throw new ArgumentException("The type '" + typeToConvert + "' is not a smart enum.", nameof(typeToConvert));
        }

        var converterType = typeof(SmartEnumNameConverter<,>).MakeGenericType(arguments[0], arguments[1]);
        var names = known?.Invoke(typeToConvert);
        return (JsonConverter)Activator.CreateInstance(converterType, names is null ? null : resolve, names)!;
    }

    private sealed class SmartEnumNameConverter<TEnum, TValue> : JsonConverter<TEnum>
        where TEnum : SmartEnum<TEnum, TValue>
        where TValue : IEquatable<TValue>, IComparable<TValue>
    {
        private readonly TermResolver? resolve;
        private readonly string allowed;

        public SmartEnumNameConverter(TermResolver? resolve, IReadOnlyList<string>? names)
        {
            this.resolve = resolve;
            allowed = string.Join(", ", names ?? [.. SmartEnum<TEnum, TValue>.List.OrderBy(e => e.Value).Select(e => e.Name)]);
        }

        public override bool HandleNull => false;

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException(string.Format(
                    CultureInfo.InvariantCulture,
                    "Expected the name of a {0} as a JSON string but found {1}. Allowed names: {2}.",
                    typeof(TEnum).Name,
                    Describe(reader.TokenType),
                    allowed));
            }

            return FromName(reader.GetString());
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Name);

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            FromName(reader.GetString());

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.Name);

        private TEnum FromName(string? name)
        {
            if (name is not null && resolve is not null && resolve(typeof(TEnum), name, out var term) && term is TEnum defined)
            {
                return defined;
            }

            if (name is not null && SmartEnum<TEnum, TValue>.TryFromName(name, ignoreCase: true, out var result))
            {
                return result;
            }

            throw new JsonException(string.Format(
                CultureInfo.InvariantCulture,
                "'{0}' is not a {1}. Allowed names: {2}.",
                name,
                typeof(TEnum).Name,
                allowed));
        }

        private static string Describe(JsonTokenType token) => token switch
        {
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            _ => token.ToString(),
        };
    }
}
