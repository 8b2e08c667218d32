using System.Globalization;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// The walk over its fused chunks: each number of groups a chunk sums itself, models of more than 64 rules per scope,
/// a failing rule in a later chunk, and the activity part of the walk skipped when a model has no activity rules.
/// </summary>
public class ScoringChunkEdgeTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static string Rule(string name, string expression, decimal points, string group, string scope = "lead") =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"RuleName\":\"{name}\",\"Expression\":\"{expression}\",\"Properties\":{{\"points\":{points},\"group\":\"{group}\",\"scope\":\"{scope}\"}}}}");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void EachGroupOfLeadRules_GetsItsOwnSum(int groupCount)
    {
        // Group g has two rules that match (g + 1 and 0.5 × (g + 1)) and one that does not (100).
        var rules = Enumerable.Range(0, groupCount).SelectMany(g => new[]
        {
            Rule("Yes" + g, "true", g + 1, "g" + g),
            Rule("No" + g, "false", 100, "g" + g),
            Rule("Half" + g, "lead.Id == \\\"L\\\"", (g + 1) * 0.5m, "g" + g),
        }).ToArray();
        var model = LeadScoringModel.Load(ModelJson.WithRules(rules));

        var score = model.Score(new LeadFacts { Id = "L" }, AsOf);
        var totals = new decimal[1];
        model.ScoreTotals([new LeadFacts { Id = "L" }], AsOf, totals);

        Assert.Equal(
            Enumerable.Range(0, groupCount).Select(g => string.Create(CultureInfo.InvariantCulture, $"g{g} {(g + 1) * 3 / 2m}")),
            score.Groups.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Group} {g.Score}")));
        Assert.Equal(Enumerable.Range(1, groupCount).Sum(g => g * 1.5m), score.Total);
        Assert.Equal(score.Total, totals[0]);
        Assert.Equal(groupCount * 2, score.Contributions.Count);
    }

    [Fact]
    public void MoreThan64LeadRules_AreWalkedInEveryChunk_AndAFailureInALaterChunkIsFoundThere()
    {
        // 150 rules: rule i earns (i + 1) hundredths; rule 100 fails on the null job title; rule 70 never matches.
        var rules = Enumerable.Range(0, 150).Select(i => Rule(
            "R" + i.ToString(CultureInfo.InvariantCulture),
            i == 100 ? "lead.JobTitle.Length > 0" : i == 70 ? "false" : "true",
            (i + 1) / 100m,
            "fit")).ToArray();
        var model = LeadScoringModel.Load(ModelJson.WithRules(rules));

        var score = model.Score(new LeadFacts { Id = "L" }, AsOf);

        var expected = Enumerable.Range(0, 150).Where(i => i is not 100 and not 70).ToArray();
        Assert.Equal(expected.Select(i => "R" + i.ToString(CultureInfo.InvariantCulture)), score.Contributions.Select(c => c.Rule));
        Assert.Equal(expected.Sum(i => (i + 1) / 100m), score.Total);
        Assert.Equal("R100", Assert.Single(score.Errors).Rule);
    }

    [Fact]
    public void MoreThan64ActivityRules_AreWalkedInEveryChunk_AndAFailureInALaterChunkIsFoundThere()
    {
        // 70 activity rules: rule i earns i + 1 for an activity of type "A"; rule 66 fails on the null URL; rule 65 never matches.
        var rules = Enumerable.Range(0, 70).Select(i => Rule(
            "E" + i.ToString(CultureInfo.InvariantCulture),
            i == 66 ? "activity.Url.Length > 0" : i == 65 ? "false" : "activity.Type == \\\"A\\\"",
            i + 1,
            "engagement",
            "activity")).ToArray();
        var model = LeadScoringModel.Load(ModelJson.WithRules(rules));
        var lead = new LeadFacts
        {
            Id = "L",
            Activities = [new LeadActivity { Type = "A", OccurredAt = AsOf.AddDays(-1) }, new LeadActivity { Type = "B", OccurredAt = AsOf }],
        };

        var score = model.Score(lead, AsOf);

        var expected = Enumerable.Range(0, 70).Where(i => i is not 66 and not 65).ToArray();
        Assert.Equal(expected.Select(i => "E" + i.ToString(CultureInfo.InvariantCulture)), score.Contributions.Select(c => c.Rule));
        Assert.All(score.Contributions, c => Assert.Equal(0, c.ActivityIndex));
        Assert.Equal(expected.Sum(i => i + 1m), score.Total);
        Assert.Equal(["E66|1", "E66|0"], score.Errors.Select(e => e.Rule + "|" + e.ActivityIndex));
    }

    [Fact]
    public void AFailingActivityRule_AtTheFirstActivity_IsReportedWithIndex0()
    {
        var model = LeadScoringModel.Load(ModelJson.WithRule("activity.Url.Length > 0", "{\"points\":1,\"group\":\"engagement\"}"));

        var score = model.Score(new LeadFacts { Id = "L", Activities = [new LeadActivity { Type = "A", OccurredAt = AsOf }] }, AsOf);

        Assert.Equal("R [activity 0]: ", Assert.Single(score.Errors).ToString()[..16]);
    }

    [Fact]
    public void AModelWithoutActivityRules_NeverReadsTheActivities()
    {
        var json = ModelJson.WithRule("true");
        var limited = LeadScoringModel.Load(json, new ScoringLimits { MaxActivitiesPerLead = 1 });
        var failing = LeadScoringModel.LoadFor<LeadFacts, LeadActivity>(json, _ => throw new InvalidOperationException("not read"), a => a.OccurredAt);
        var lead = new LeadFacts
        {
            Id = "L",
            Activities = [new LeadActivity { Type = "A", OccurredAt = AsOf }, new LeadActivity { Type = "B", OccurredAt = AsOf }],
        };

        var first = limited.Score(lead, AsOf);
        var second = failing.Score(lead, AsOf);

        Assert.Empty(first.Errors);
        Assert.Empty(second.Errors);
        Assert.Equal(10m, first.Total);
        Assert.Equal(10m, second.Total);
    }

    [Fact]
    public void TheLibrarysOwnActivities_WithAnIntegratorsClock_ReadTheClock()
    {
        var json = ModelJson.WithRule("true", "{\"points\":1,\"group\":\"engagement\"}");
        var shifted = LeadScoringModel.LoadFor<LeadFacts, LeadActivity>(json, LeadScoringModel.OwnActivities, a => a.OccurredAt.AddDays(2));
        var reversed = LeadScoringModel.LoadFor<LeadFacts, LeadActivity>(json, l => [.. l.Activities.Reverse()], LeadScoringModel.OwnOccurredAt);
        var lead = new LeadFacts
        {
            Id = "L",
            Activities = [new LeadActivity { Type = "A", OccurredAt = AsOf.AddDays(-3) }, new LeadActivity { Type = "B", OccurredAt = AsOf.AddDays(-1) }],
        };

        // Shifted two days ahead, the activity of the day before is in the future; reversed, the indexes are the integrator's list's.
        Assert.Equal([0], shifted.Score(lead, AsOf).Contributions.Select(c => c.ActivityIndex!.Value));
        Assert.Equal([0, 1], reversed.Score(lead, AsOf).Contributions.Select(c => c.ActivityIndex!.Value));
        Assert.Equal([AsOf.AddDays(-1), AsOf.AddDays(-3)], reversed.Score(lead, AsOf).Contributions.Select(c => c.ActivityAt!.Value));
    }

    [Fact]
    public void InvalidLimits_AreRefusedAtLoad()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(ModelJson.WithRule("true"), new ScoringLimits { MaxActivitiesPerLead = -1 }));

        Assert.Contains(error.Problems, p => p.Path == "$.maxActivitiesPerLead");
    }

    [Fact]
    public void SampleAndSchema_ShipWithThePackage()
    {
        Assert.Contains("\"WorkflowName\": \"sample-lead-scoring\"", LeadScoringModel.SampleJson, StringComparison.Ordinal);
        Assert.Contains("\"$schema\"", LeadScoringModel.JsonSchema, StringComparison.Ordinal);
        Assert.Equal("sample-lead-scoring", LeadScoringModel.LoadSample().Name);
    }

    [Fact]
    public void MoreThan256ActivityRules_KeepTheirDailyMaximums_ScoreAfterScore()
    {
        // Past 256 rules the walk's per-rule day counts come from a shared pool: each score must start them afresh.
        var rules = Enumerable.Range(0, 260).Select(i => string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"RuleName\":\"E{i}\",\"Expression\":\"{(i % 2 == 0 ? "true" : "false")}\",\"Properties\":{{\"points\":1,\"group\":\"engagement\",\"maxPerDay\":1}}}}")).ToArray();
        var model = LeadScoringModel.Load(ModelJson.WithRules(rules));
        var lead = new LeadFacts
        {
            Id = "L",
            Activities = [new LeadActivity { Type = "A", OccurredAt = AsOf.AddHours(-1) }, new LeadActivity { Type = "B", OccurredAt = AsOf.AddHours(-2) }],
        };

        var first = model.Score(lead, AsOf);
        var second = model.Score(lead, AsOf);
        var other = model.Score(lead, AsOf.AddDays(1));

        Assert.Equal(130m, first.Total);
        Assert.Equal(130m, second.Total);
        Assert.Equal(130m, other.Total);
        Assert.Equal(260, second.Contributions.Count);
        Assert.Equal(130, second.Contributions.Count(c => c.Points == 1m && c.ActivityIndex == 0));
    }

    [Fact]
    public void MoreThan128Activities_AreAllScored_NewestFirst()
    {
        var json = ModelJson.WithRule("true", "{\"points\":0.5,\"group\":\"engagement\"}");
        var lead = new LeadFacts
        {
            Id = "L",
            Activities = [.. Enumerable.Range(0, 150).Select(i => new LeadActivity { Type = "T", OccurredAt = AsOf.AddMinutes(-((i * 37) % 150)) })],
        };

        var score = LeadScoringModel.Load(json).Score(lead, AsOf);

        Assert.Equal(75m, score.Total);
        Assert.Equal(Enumerable.Range(0, 150).OrderBy(i => (i * 37) % 150).ToArray(), score.Contributions.Select(c => c.ActivityIndex!.Value));
    }

    [Fact]
    public void MoreThan64Groups_AreEachScored_AndCapped()
    {
        var rules = Enumerable.Range(0, 70).Select(g => Rule("R" + g.ToString(CultureInfo.InvariantCulture), "true", g + 1, "g" + g.ToString(CultureInfo.InvariantCulture))).ToArray();
        var json = ModelJson.WithRules(rules).Replace("{\"Version\":\"1\"}", "{\"Version\":\"1\",\"GroupCaps\":{\"g69\":10}}", StringComparison.Ordinal);

        var score = LeadScoringModel.Load(json).Score(new LeadFacts { Id = "L" }, AsOf);

        Assert.Equal(70, score.Groups.Count);
        Assert.Equal(Enumerable.Range(1, 69).Sum() + 10m, score.Total);
        Assert.Equal("g69 10 (raw 70, cap 10)", score.Groups[69].ToString());
        Assert.Equal(10m, score.Contributions[69].Points);
        Assert.Same(score, score.EnsureConsistent());
    }
}
