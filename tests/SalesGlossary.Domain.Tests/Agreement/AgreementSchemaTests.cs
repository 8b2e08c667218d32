using System.Text.Json.Nodes;
using SalesGlossary.Domain.Agreement;

namespace SalesGlossary.Domain.Tests.Agreement;

/// <summary>The agreement's JSON schema names exactly the properties the reader accepts, at every depth.</summary>
public class AgreementSchemaTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(ServiceLevelAgreement.JsonSchema)!;

    [Fact]
    public void JsonSchema_DescribesExactlyThePropertiesTheReaderAccepts()
    {
        var differences = new List<string>();
        Compare(typeof(AgreementDocument), Schema, "$", differences);
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public void Compare_NoticesAPropertyTheSchemaLacks()
    {
        // The check itself can fail: a schema without the document's 'commitments' is reported.
        var trimmed = Schema.DeepClone();
        trimmed["properties"]!.AsObject().Remove("commitments");
        var differences = new List<string>();
        Compare(typeof(AgreementDocument), trimmed, "$", differences);
        Assert.Contains(differences, d => d.Contains("commitments", StringComparison.Ordinal));
    }

    private static void Compare(Type type, JsonNode node, string path, List<string> differences)
    {
        node = Resolve(node);
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            if (node["items"] is { } items)
            {
                Compare(type.GetGenericArguments()[0], items, path + "[]", differences);
            }

            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            if (node["additionalProperties"] is JsonObject values)
            {
                Compare(type.GetGenericArguments()[1], values, path + ".*", differences);
            }

            return;
        }

        if (type.Assembly != typeof(ServiceLevelAgreement).Assembly || type.IsEnum)
        {
            return;
        }

        var refused = type.GetProperties().Where(p => p.IsDefined(typeof(RefusedPropertyAttribute), false)).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var accepted = AgreementLoader.DocumentProperties(type).Where(p => !refused.Contains(p.Key)).ToDictionary(StringComparer.Ordinal);
        var described = node["properties"]?.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var name in accepted.Keys.Where(k => !described.Contains(k)))
        {
            differences.Add($"{path}.{name}: the reader accepts it, the schema does not describe it");
        }

        foreach (var name in described.Where(k => !accepted.ContainsKey(k)))
        {
            differences.Add($"{path}.{name}: the schema describes it, the reader refuses it");
        }

        foreach (var (name, propertyType) in accepted.Where(p => described.Contains(p.Key)))
        {
            Compare(propertyType, node["properties"]![name]!, path + "." + name, differences);
        }
    }

    private static JsonNode Resolve(JsonNode node) =>
        node["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal)
            ? Resolve(reference[2..].Split('/').Aggregate(Schema, (n, step) => n[step]!))
            : node;
}
