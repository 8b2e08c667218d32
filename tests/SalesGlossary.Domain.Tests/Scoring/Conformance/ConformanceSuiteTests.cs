using System.Text.Json;
using System.Text.RegularExpressions;

namespace SalesGlossary.Domain.Tests.Scoring.Conformance;

/// <summary>
/// Runs the conformance suite in <c>conformance/scoring/cases</c> on both sinks of the scoring walk: the explained
/// <c>Score</c> and the summing bulk path. Set <c>SALESGLOSSARY_WRITE_CONFORMANCE=1</c> to rewrite the case files
/// from <see cref="ConformanceCases"/> (expected values from <see cref="ReferenceScorer"/>).
/// </summary>
public partial class ConformanceSuiteTests
{
    private static readonly string Root = FindRoot();
    private static readonly string CasesFolder = Path.Combine(Root, "conformance", "scoring", "cases");

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CasesFolder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Case_ExplainedScore_GivesTheExpectedOutcome(string name)
    {
        var (model, lead, asOf, expected) = Read(name);
        if (expected.TryGetProperty("rejectedAt", out var rejected))
        {
            var error = Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(model));
            foreach (var path in rejected.EnumerateArray())
            {
                Assert.Contains(error.Problems, p => p.Path == path.GetString());
            }

            return;
        }

        var score = LeadScoringModel.Load(model).Score(lead, asOf);
        Assert.Equal(expected.GetProperty("total").GetDecimal(), score.Total);
        Assert.Equal(
            [.. expected.GetProperty("groups").EnumerateArray().Select(g => (g.GetProperty("group").GetString(), g.GetProperty("raw").GetDecimal(), NullableDecimal(g.GetProperty("cap")), g.GetProperty("score").GetDecimal()))],
            score.Groups.Select(g => (g.Group, g.Raw, g.Cap, g.Score)));
        Assert.Equal(expected.GetProperty("grade").GetString(), score.Grade?.ToString());
        Assert.Equal(
            [.. expected.GetProperty("contributions").EnumerateArray().Select(c => (c.GetProperty("rule").GetString(), NullableInt(c.GetProperty("activityIndex")), c.GetProperty("decayedPoints").GetDecimal(), c.GetProperty("points").GetDecimal()))],
            score.Contributions.Select(c => (c.Rule, c.ActivityIndex, c.DecayedPoints, c.Points)));
        Assert.Equal([.. expected.GetProperty("handRaises").EnumerateArray().Select(h => h.GetString()!)], score.HandRaises);
        Assert.Equal(Errors(expected), ReferenceScorer.Canonical(score.Errors.Select(e => new ExpectedError(e.Rule, e.ActivityIndex))));
        Assert.Equal(score.Total, score.Contributions.Sum(c => c.Points));
        score.EnsureConsistent();
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Case_BulkTotals_GiveTheExpectedTotalMatchesAndCompleteness(string name)
    {
        var (json, lead, asOf, expected) = Read(name);
        if (expected.TryGetProperty("rejectedAt", out _))
        {
            return;
        }

        var model = LeadScoringModel.Load(json);
        var totals = new decimal[1];
        var matched = new ulong[model.MatchWordsPerLead];
        var summary = model.ScoreTotals([lead], asOf, totals, matched);

        Assert.Equal(expected.GetProperty("total").GetDecimal(), totals[0]);
        Assert.Equal(Errors(expected).Count == 0 ? 0 : 1, summary.Incomplete);
        var contributed = expected.GetProperty("contributions").EnumerateArray().Select(c => c.GetProperty("rule").GetString()).ToHashSet();
        for (var rule = 0; rule < model.Rules.Count; rule++)
        {
            Assert.Equal(contributed.Contains(model.Rules[rule].Name), model.RuleMatched(matched, 0, rule));
        }

        var streamed = Assert.Single(model.ScoreEach([lead], asOf));
        Assert.Equal((totals[0], summary.Incomplete == 0), (streamed.Total, streamed.IsComplete));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Case_GivesTheSameOutcome_UnderTurkishCultureOnTwoThreads(string name)
    {
        var (json, lead, asOf, expected) = Read(name);
        if (expected.TryGetProperty("rejectedAt", out _))
        {
            return;
        }

        var model = LeadScoringModel.Load(json);
        var results = new (decimal Score, decimal Bulk, int Errors)[2];
        var threads = Enumerable.Range(0, 2).Select(t => new Thread(() =>
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("tr-TR");
            var score = model.Score(lead, asOf);
            var totals = new decimal[1];
            model.ScoreTotals([lead], asOf, totals);
            results[t] = (score.Total, totals[0], score.Errors.Count);
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        var total = expected.GetProperty("total").GetDecimal();
        Assert.All(results, r => Assert.Equal((total, total, Errors(expected).Count), r));
    }

    [Fact]
    public void Cases_AreTheGeneratedSet_WithExpectedValuesFromTheIndependentReference()
    {
        var cases = ConformanceCases.All();
        var write = Environment.GetEnvironmentVariable("SALESGLOSSARY_WRITE_CONFORMANCE") == "1";
        if (write)
        {
            Directory.CreateDirectory(CasesFolder);
            foreach (var stale in Directory.GetFiles(CasesFolder, "*.json"))
            {
                File.Delete(stale);
            }
        }

        foreach (var c in cases)
        {
            var path = Path.Combine(CasesFolder, c.Name + ".json");
            var text = ConformanceCases.ToJson(c);
            if (write)
            {
                File.WriteAllText(path, text);
            }

            Assert.True(File.Exists(path), $"The case '{c.Name}' is missing; regenerate with SALESGLOSSARY_WRITE_CONFORMANCE=1.");
            Assert.Equal(text, File.ReadAllText(path));
        }

        Assert.Equal(cases.Count, Directory.GetFiles(CasesFolder, "*.json").Length);
        Assert.True(cases.Count >= 150, $"The suite has {cases.Count} cases; it needs at least 150.");
    }

    [Fact]
    public void Cases_ExerciseEveryRuleOfTheSemanticsDocument()
    {
        var document = File.ReadAllText(Path.Combine(Root, "docs", "scoring-semantics.md"));
        var rules = RuleId().Matches(document).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var covered = Directory.GetFiles(CasesFolder, "*.json")
            .SelectMany(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("covers").EnumerateArray().Select(c => c.GetString()!))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(rules.Count >= 30, $"Only {rules.Count} rule identifiers found in the document.");
        Assert.Empty(rules.Except(covered).Order(StringComparer.Ordinal));
        Assert.Empty(covered.Except(rules).Order(StringComparer.Ordinal));
    }

    private static (string Model, LeadFacts Lead, DateTimeOffset AsOf, JsonElement Expected) Read(string name)
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(CasesFolder, name + ".json"))).RootElement;
        return (
            root.GetProperty("model").GetRawText(),
            root.GetProperty("lead").Deserialize<LeadFacts>()!,
            DateTimeOffset.Parse(root.GetProperty("asOf").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            root.GetProperty("expected"));
    }

    private static IReadOnlyList<ExpectedError> Errors(JsonElement expected) =>
        [.. expected.GetProperty("errors").EnumerateArray().Select(e => new ExpectedError(e.GetProperty("rule").GetString(), NullableInt(e.GetProperty("activityIndex"))))];

    private static decimal? NullableDecimal(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDecimal();

    private static int? NullableInt(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetInt32();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SalesGlossary.Domain.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (SalesGlossary.Domain.sln) was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\*\*\[([a-z0-9.\-]+)\]\*\*")]
    private static partial Regex RuleId();
}
