using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain.Tests.Agreement;

/// <summary>The published JSON schema of the agreement describes exactly the keys the reader knows, compared with the reader's own document shape, in both directions and at every depth.</summary>
public class AgreementSchemaTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(ServiceLevelAgreement.JsonSchema)!.AsObject();

    /// <summary>Keys the reader knows only to refuse them with guidance (the schema rightly leaves them out).</summary>
    private static readonly HashSet<string> RefusedWithGuidance = ["$.commitments.sales"];

    [Fact]
    public void JsonSchema_DescribesEveryKeyTheReaderKnows_AndNoOther()
    {
        var problems = new List<string>();
        Compare(typeof(AgreementDocument), Schema, "$", problems);
        Assert.Empty(problems);
    }

    [Fact]
    public void JsonSchema_Comparison_FailsWhenTheReaderKnowsAKeyTheSchemaLacks()
    {
        var trimmed = JsonNode.Parse(ServiceLevelAgreement.JsonSchema)!.AsObject();
        trimmed["properties"]!.AsObject().Remove("vocabulary");
        var problems = new List<string>();
        Compare(typeof(AgreementDocument), trimmed, "$", problems);
        Assert.Contains("$.vocabulary: the reader knows it, the schema does not describe it.", problems);
    }

    [Fact]
    public void DefaultAgreement_ValidatesAgainstTheKnownShape_AndDefinesNoVocabulary()
    {
        Assert.Empty(ServiceLevelAgreement.Default.Vocabulary.AddedStages);
        Assert.Equal(LeadStatusNames, ServiceLevelAgreement.Default.Vocabulary.LeadStatuses.Select(s => s.Name));
    }

    private static readonly string[] LeadStatusNames = ["New", "Open", "InProgress", "AttemptedToContact", "Connected", "OpenDeal", "Unqualified", "BadTiming", "ReturnedNotReady"];

    private static JsonObject Resolve(JsonObject schema, JsonObject node)
    {
        if (node["$ref"] is JsonValue reference)
        {
            var name = reference.GetValue<string>().Split('/')[^1];
            return Resolve(schema, Schema["definitions"]![name]!.AsObject());
        }

        foreach (var key in new[] { "anyOf", "oneOf" })
        {
            if (node[key] is JsonArray branches)
            {
                foreach (var branch in branches)
                {
                    var resolved = Resolve(schema, branch!.AsObject());
                    if (resolved["type"]?.GetValue<string>() is "object" or "array")
                    {
                        return resolved;
                    }
                }
            }
        }

        return node;
    }

    private static void Compare(Type type, JsonObject node, string path, List<string> problems)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        node = Resolve(Schema, node);
        if (type == typeof(JsonElement) || type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type.Assembly != typeof(ServiceLevelAgreement).Assembly && !type.IsGenericType)
        {
            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            if (node["items"] is JsonObject items)
            {
                Compare(type.GetGenericArguments()[0], items, path + "[]", problems);
            }

            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            if (node["additionalProperties"] is JsonObject values)
            {
                Compare(type.GetGenericArguments()[1], values, path + ".*", problems);
            }

            return;
        }

        if (type.Assembly != typeof(ServiceLevelAgreement).Assembly)
        {
            return;
        }

        var known = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => p.PropertyType);
        var described = node["properties"] as JsonObject;
        if (described is null)
        {
            problems.Add(path + ": the schema describes no properties here.");
            return;
        }

        foreach (var (key, propertyType) in known)
        {
            if (described[key] is JsonObject property)
            {
                Compare(propertyType, property, path + "." + key, problems);
            }
            else if (!RefusedWithGuidance.Contains(path + "." + key))
            {
                problems.Add(path + "." + key + ": the reader knows it, the schema does not describe it.");
            }
        }

        foreach (var key in described.Select(p => p.Key).Where(k => !known.ContainsKey(k)))
        {
            problems.Add(path + "." + key + ": the schema describes it, the reader does not know it.");
        }
    }
}
