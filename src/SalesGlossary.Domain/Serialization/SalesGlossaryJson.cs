using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain.Serialization;

/// <summary>Provides the System.Text.Json settings with which every type of the library round-trips.</summary>
/// <remarks>
/// The settings use camelCase property names, read property names ignoring case, write smart enums and plain enums by name and
/// leave <see langword="null"/> values out. They are read-only: copy them with
/// <c>new JsonSerializerOptions(SalesGlossaryJson.Options)</c> to change anything.
/// </remarks>
public static class SalesGlossaryJson
{
    /// <summary>Gets the shared, read-only serializer options of the library.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = false,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Skip,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.Converters.Add(new SmartEnumJsonConverterFactory());
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
