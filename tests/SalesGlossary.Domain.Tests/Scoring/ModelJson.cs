using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>Builds small scoring model documents for tests.</summary>
internal static class ModelJson
{
    public static string WithRule(string expression, string properties = "{\"points\": 10}") =>
        "{\"WorkflowName\":\"test\",\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[{\"RuleName\":\"R\",\"Expression\":"
        + JsonSerializer.Serialize(expression) + ",\"Properties\":" + properties + "}]}";

    public static string WithRules(params string[] rules) =>
        "{\"WorkflowName\":\"test\",\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[" + string.Join(",", rules) + "]}";

    /// <summary>The sample model with one change applied to its JSON tree.</summary>
    public static string Sample(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(SalesGlossary.Domain.LeadScoringModel.SampleJson)!.AsObject();
        change(node);
        return node.ToJsonString();
    }
}
