using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SalesGlossary.Domain.Serialization;

/// <summary>Provides the System.Text.Json settings with which every type of the library round-trips.</summary>
/// <remarks>
/// The settings use camelCase property names, read property names ignoring case, write smart enums and plain enums by name and
/// leave <see langword="null"/> values out. Events (<see cref="DomainEvent"/> and its abstract kinds) are written and read polymorphically,
/// with the event's type name in camelCase in the property <c>$type</c>. They are read-only: copy them with
/// <c>new JsonSerializerOptions(SalesGlossaryJson.Options)</c> to change anything.
/// </remarks>
public static class SalesGlossaryJson
{
    /// <summary>Gets the shared, read-only serializer options of the library.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Reads a stored document (a contact's state, a ledger entry, any type of the library) and turns every way it can be malformed into one documented exception.</summary>
    /// <typeparam name="T">The type to read.</typeparam>
    /// <param name="json">The document.</param>
    /// <returns>The value; never <see langword="null"/>.</returns>
    /// <remarks>Use it for documents that crossed a trust boundary (a database, a file, a message); it reads with <see cref="Options"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">The document is not valid JSON, does not fit the type, is <c>null</c>, or its values are out of range; the problem names its JSON path.</exception>
    public static T Read<T>(string json)
        where T : class => Read<T>(json, Options);

    /// <summary>Reads a stored document with given settings, for example an agreement's <c>Vocabulary.JsonOptions</c> for documents that use the agreement's own terms, and turns every way it can be malformed into one documented exception.</summary>
    /// <typeparam name="T">The type to read.</typeparam>
    /// <param name="json">The document.</param>
    /// <param name="options">The settings to read with.</param>
    /// <returns>The value; never <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">The document is not valid JSON, does not fit the type, is <c>null</c>, names an unknown term, or its values are out of range; the problem names its JSON path.</exception>
    public static T Read<T>(string json, JsonSerializerOptions options)
        where T : class
    {
        Guard.NotNull(json);
        Guard.NotNull(options);
        string? path = "$";
        string message;
        var strict = new ValidationCollector();
        if (!StrictJson.Check(json, strict, StringComparer.OrdinalIgnoreCase, maxDepth: 64, allowComments: true))
        {
            // Duplicate keys, lone surrogates and malformed JSON, each with its path and line.
            strict.ThrowIfAny("stored " + typeof(T).Name);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(json, options);
            if (value is not null)
            {
                return value;
            }

            message = "The document is null; a " + typeof(T).Name + " is expected.";
        }
        catch (JsonException e)
        {
            path = e.Path ?? "$";
            message = e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].Trim();
        }
        catch (ArgumentException e)
        {
            message = "The document's text is invalid: " + e.Message;
        }
        catch (NotSupportedException e)
        {
            message = "The document does not fit a " + typeof(T).Name + ": " + e.Message;
        }

        throw new DefinitionValidationException("stored " + typeof(T).Name, [new ValidationProblem { Path = path, Message = message }]);
    }

    /// <summary>Makes every abstract event type polymorphic over the library's concrete events derived from it, each named by its type name in camelCase.</summary>
    private static void DescribeEvents(JsonTypeInfo info)
    {
        if (!typeof(DomainEvent).IsAssignableFrom(info.Type) || !info.Type.IsAbstract)
        {
            return;
        }

        var polymorphism = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "$type",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
        };
        foreach (var type in EventTypes.Where(info.Type.IsAssignableFrom))
        {
            polymorphism.DerivedTypes.Add(new JsonDerivedType(type, JsonNamingPolicy.CamelCase.ConvertName(type.Name)));
        }

        info.PolymorphismOptions = polymorphism;
    }

    private static readonly Type[] EventTypes = [.. typeof(DomainEvent).Assembly.GetTypes()
        .Where(t => t.IsPublic && !t.IsAbstract && typeof(DomainEvent).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)];

    /// <summary>Creates the library's settings with a smart-enum factory of the caller's (an agreement's vocabulary).</summary>
    internal static JsonSerializerOptions CreateOptions(SmartEnumJsonConverterFactory? smartEnums = null)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = false,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Skip,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DescribeEvents } };
        options.Converters.Add(smartEnums ?? new SmartEnumJsonConverterFactory());
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
