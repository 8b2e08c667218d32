using System.Text.Json.Nodes;

namespace SalesGlossary.Domain.Extensions.Tests;

/// <summary>A temporary directory holding model files that tests edit; deleted with everything in it.</summary>
internal sealed class TestFiles : IDisposable
{
    public TestFiles() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "salesglossary-tests-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string text)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>The sample model at another version, optionally with one rule added.</summary>
    public static string Model(string version, string? extraRule = null)
    {
        var node = JsonNode.Parse(LeadScoringModel.SampleJson)!.AsObject();
        node["ScoringModel"]!["Version"] = version;
        if (extraRule is not null)
        {
            node["Rules"]!.AsArray().Add(JsonNode.Parse(extraRule));
        }

        return node.ToJsonString();
    }

    /// <summary>A model whose new rule reaches for reflection: the load must refuse it.</summary>
    public static string HostileModel() =>
        Model("hostile", "{\"RuleName\":\"Reflect\",\"Expression\":\"lead.GetType().Assembly != null\",\"Properties\":{\"points\":5}}");

    /// <summary>A model with a rule that fails at run time for leads without a job title.</summary>
    public static string FragileModel(string version) =>
        Model(version, "{\"RuleName\":\"LongTitle\",\"Expression\":\"lead.JobTitle.Length > 12\",\"Properties\":{\"points\":7}}");

    public static LeadFacts Lead(string id, string? title = "VP Marketing") =>
        new LeadFacts { Id = id, Email = id + "@example.com", JobTitle = title, Department = "Marketing", Industry = "Software", Employees = 250, AnnualRevenue = 10_000_000m, Country = "DE", LeadSource = "Webinar", Activities = [] };
}
