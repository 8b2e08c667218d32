using System.Globalization;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// One explained score read word for word: the order of contributions, each explanation (plain points, decay, daily
/// maximum, group cap, total cap), the groups, the grade, the hand-raises and every log line the records write.
/// </summary>
public class ExplainTextTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private const string Settings = """
        "Version": "3", "TotalCap": 25, "GroupCaps": { "fit": 12 }, "Grades": { "Fit": { "A": 10, "B": 5 }, "Engagement": { "1": 8, "2": 4 } }
        """;

    private static readonly string Json = Model(Settings);

    private static string Model(string settings) => "{ \"WorkflowName\": \"explain\", \"ScoringModel\": {" + settings + "}, \"Rules\": [" + Rules + "] }";

    private const string Rules = """
            { "RuleName": "FitBig", "Expression": "lead.Employees >= 100", "Properties": { "points": 10, "group": "fit" } },
            { "RuleName": "FitCountry", "Expression": "lead.Country == \"DE\"", "Properties": { "points": 8, "group": "fit" } },
            { "RuleName": "Negative", "Expression": "lead.Unsubscribed", "Properties": { "points": -3, "group": "fit" } },
            { "RuleName": "Visit", "Expression": "activity.Type == \"PageView\"", "Properties": { "points": 4, "group": "engagement", "maxPerDay": 2 } },
            { "RuleName": "Demo", "Expression": "activity.Type == \"Demo\"",
              "Properties": { "points": 6, "group": "engagement", "handRaise": true, "decay": { "percent": 50, "everyDays": 10 } } }
        """;

    private static LeadFacts Lead() => new()
    {
        Id = "L",
        Employees = 150,
        Country = "DE",
        Unsubscribed = true,
        Activities =
        [
            new LeadActivity { Type = "PageView", OccurredAt = AsOf.AddHours(-1) },
            new LeadActivity { Type = "PageView", OccurredAt = AsOf.AddHours(-2) },
            new LeadActivity { Type = "PageView", OccurredAt = AsOf.AddHours(-3) },
            new LeadActivity { Type = "Demo", OccurredAt = AsOf.AddDays(-5) },
            new LeadActivity { Type = "Demo", OccurredAt = AsOf.AddDays(-15) },
            new LeadActivity { Type = "PageView", OccurredAt = AsOf.AddDays(1) },
            new LeadActivity { Type = "PageView", OccurredAt = AsOf.AddDays(-1).AddHours(-1) },
        ],
    };

    [Fact]
    public void Score_ListsEveryContribution_InRuleOrder_NewestActivityFirst_WithItsWords()
    {
        var score = LeadScoringModel.Load(Json).Score(Lead(), AsOf);

        Assert.Equal(
            [
                "FitBig||10|10|10|+10 points",
                "FitCountry||8|8|5|+8 points; capped by the group 'fit' cap of 12: +8 → +5",
                "Negative||-3|-3|-3|-3 points",
                "Visit|0|4|4|4|+4 points",
                "Visit|1|4|4|4|+4 points",
                "Visit|2|4|0|0|+4 points, over the daily maximum of 2 on 2026-03-01: 0",
                "Visit|6|4|4|4|+4 points",
                "Demo|3|6|4.5|1|+6 × (1 − 50 % × 5 days / 10 days, at least 0) = +4.5; capped by the total cap of 25: +4.5 → +1",
                "Demo|4|6|1.5|0|+6 × (1 − 50 % × 15 days / 10 days, at least 0) = +1.5; capped by the total cap of 25: +1.5 → 0",
            ],
            score.Contributions.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Rule}|{c.ActivityIndex}|{c.ConfiguredPoints}|{c.DecayedPoints}|{c.Points}|{c.Explanation}")));
        Assert.Equal(
            [null, null, null, AsOf.AddHours(-1), AsOf.AddHours(-2), AsOf.AddHours(-3), AsOf.AddDays(-1).AddHours(-1), AsOf.AddDays(-5), AsOf.AddDays(-15)],
            score.Contributions.Select(c => c.ActivityAt));
        Assert.Equal(["fit", "fit", "fit", "engagement", "engagement", "engagement", "engagement", "engagement", "engagement"], score.Contributions.Select(c => c.Group));
    }

    [Fact]
    public void Score_GroupsGradeHandRaisesAndTotal_AreExact()
    {
        var score = LeadScoringModel.Load(Json).Score(Lead(), AsOf);

        Assert.Equal(25m, score.Total);
        Assert.Equal("25", score.Total.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(["fit 12 (raw 15, cap 12)", "engagement 13 (raw 18)"], score.Groups.Select(g => g.ToString()));
        Assert.Equal((decimal?)12m, score.Groups[0].Cap);
        Assert.Null(score.Groups[1].Cap);
        Assert.Equal("A1", score.Grade!.ToString());
        Assert.Equal(["Demo"], score.HandRaises);
        Assert.Empty(score.Errors);
        Assert.True(score.IsComplete);
        Assert.Equal("explain", score.Model);
        Assert.Equal("3", score.ModelVersion);
        Assert.Equal(AsOf, score.AsOf);
        Assert.Equal(12m, score.GroupTotal("fit"));
        Assert.Equal(13m, score.GroupTotal("engagement"));
        Assert.Equal(0m, score.GroupTotal("FIT"));
        Assert.Equal(0m, score.GroupTotal("none"));
        Assert.Same(score, score.EnsureConsistent());
    }

    [Fact]
    public void Score_LogLines_AreWordForWord()
    {
        var score = LeadScoringModel.Load(Json).Score(Lead(), AsOf);

        Assert.Equal("explain 3 as of 2026-03-01T12:00:00.0000000+00:00: 25 (A1); fit 12, engagement 13; 9 contributions; complete", score.ToString());
        Assert.Equal("FitBig: +10 fit (configured 10; +10 points)", score.Contributions[0].ToString());
        Assert.Equal("Negative: -3 fit (configured -3; -3 points)", score.Contributions[2].ToString());
        Assert.Equal("Visit [activity 2]: +0 engagement (configured 4; +4 points, over the daily maximum of 2 on 2026-03-01: 0)", score.Contributions[5].ToString());
    }

    [Fact]
    public void Score_WithoutCapsOrGrades_KeepsEveryPoint_AndHasNoGrade()
    {
        var model = LeadScoringModel.Load(Model("\"Version\": \"3\""));

        var score = model.Score(Lead(), AsOf);

        Assert.Null(model.Grades);
        Assert.Null(model.TotalCap);
        Assert.Empty(model.GroupCaps);
        Assert.Null(score.Grade);
        Assert.Equal(33m, score.Total);
        Assert.Equal([10m, 8m, -3m, 4m, 4m, 0m, 4m, 4.5m, 1.5m], score.Contributions.Select(c => c.Points));
        Assert.DoesNotContain(score.Contributions, c => c.Explanation.Contains("capped", StringComparison.Ordinal));
        Assert.Equal(["fit 15 (raw 15)", "engagement 18 (raw 18)"], score.Groups.Select(g => g.ToString()));
        Assert.Equal("explain 3 as of 2026-03-01T12:00:00.0000000+00:00: 33; fit 15, engagement 18; 9 contributions; complete", score.ToString());
    }

    [Fact]
    public void Score_AGroupCap_TrimsTheLastPositiveContributionOfItsGroup_SkippingNegativeOnesAndOtherGroups()
    {
        // The fit group sums to 12 - 3 + 5 = 14 over a cap of 11: the last positive contribution (Late, 5) gives up 3;
        // the negative one before it is never "trimmed" upwards.
        var json = ModelJson.WithRules(
            "{\"RuleName\":\"Early\",\"Expression\":\"true\",\"Properties\":{\"points\":12}}",
            "{\"RuleName\":\"Minus\",\"Expression\":\"true\",\"Properties\":{\"points\":-3}}",
            "{\"RuleName\":\"Late\",\"Expression\":\"true\",\"Properties\":{\"points\":5}}",
            "{\"RuleName\":\"Other\",\"Expression\":\"true\",\"Properties\":{\"points\":7,\"group\":\"other\",\"scope\":\"lead\"}}")
            .Replace("{\"Version\":\"1\"}", "{\"Version\":\"1\",\"GroupCaps\":{\"fit\":11}}", StringComparison.Ordinal);

        var score = LeadScoringModel.Load(json).Score(new LeadFacts { Id = "L" }, AsOf);

        Assert.Equal([12m, -3m, 2m, 7m], score.Contributions.Select(c => c.Points));
        Assert.Equal("+5 points; capped by the group 'fit' cap of 11: +5 → +2", score.Contributions[2].Explanation);
        Assert.Equal("+7 points", score.Contributions[3].Explanation);
        Assert.Equal(18m, score.Total);
        Assert.Equal(["fit 11 (raw 14, cap 11)", "other 7 (raw 7)"], score.Groups.Select(g => g.ToString()));
    }

    [Fact]
    public void Score_ACapLargerThanTheLastContribution_TrimsSeveral_LastFirst()
    {
        // 4 + 3 + 2 = 9 over a total cap of 3.5: Late and Mid go to 0, Early to 3.5.
        var json = ModelJson.WithRules(
            "{\"RuleName\":\"Early\",\"Expression\":\"true\",\"Properties\":{\"points\":4}}",
            "{\"RuleName\":\"Mid\",\"Expression\":\"true\",\"Properties\":{\"points\":3}}",
            "{\"RuleName\":\"Late\",\"Expression\":\"true\",\"Properties\":{\"points\":2}}")
            .Replace("{\"Version\":\"1\"}", "{\"Version\":\"1\",\"TotalCap\":3.5}", StringComparison.Ordinal);

        var score = LeadScoringModel.Load(json).Score(new LeadFacts { Id = "L" }, AsOf);

        Assert.Equal(
            [
                "+4 points; capped by the total cap of 3.5: +4 → +3.5",
                "+3 points; capped by the total cap of 3.5: +3 → 0",
                "+2 points; capped by the total cap of 3.5: +2 → 0",
            ],
            score.Contributions.Select(c => c.Explanation));
        Assert.Equal(3.5m, score.Total);
        Assert.Equal("fit 3.5 (raw 9)", score.Groups[0].ToString());
    }

    [Fact]
    public void Score_AGroupCapThenTheTotalCap_BothNoted_OnTheSameContribution()
    {
        // fit: 6 + 6 = 12, cap 10 → Second 6 → 4; total 10 + other 5 = 15, cap 8 → Other 5 → 0, then Second 4 → 2:
        // both notes on one contribution.
        var json = ModelJson.WithRules(
            "{\"RuleName\":\"First\",\"Expression\":\"true\",\"Properties\":{\"points\":6}}",
            "{\"RuleName\":\"Second\",\"Expression\":\"true\",\"Properties\":{\"points\":6}}",
            "{\"RuleName\":\"Other\",\"Expression\":\"true\",\"Properties\":{\"points\":5,\"group\":\"other\",\"scope\":\"lead\"}}")
            .Replace("{\"Version\":\"1\"}", "{\"Version\":\"1\",\"TotalCap\":8,\"GroupCaps\":{\"fit\":10}}", StringComparison.Ordinal);

        var score = LeadScoringModel.Load(json).Score(new LeadFacts { Id = "L" }, AsOf);

        Assert.Equal([6m, 2m, 0m], score.Contributions.Select(c => c.Points));
        Assert.Equal("+6 points; capped by the group 'fit' cap of 10: +6 → +4; capped by the total cap of 8: +4 → +2", score.Contributions[1].Explanation);
        Assert.Equal("+5 points; capped by the total cap of 8: +5 → 0", score.Contributions[2].Explanation);
        Assert.Equal(["fit 8 (raw 12, cap 10)", "other 0 (raw 5)"], score.Groups.Select(g => g.ToString()));
        Assert.Equal(8m, score.Total);
        Assert.Same(score, score.EnsureConsistent());
    }

    [Fact]
    public void Score_ACapNeverNotesAContributionThatCountsNothing()
    {
        // 5 + 2 + 0 (over the daily maximum) = 7 over a total cap of 4: the zero is passed over, Visit 2 → 0, Fit 5 → 4.
        var json = ModelJson.WithRules(
            "{\"RuleName\":\"Fit\",\"Expression\":\"true\",\"Properties\":{\"points\":5}}",
            "{\"RuleName\":\"Visit\",\"Expression\":\"true\",\"Properties\":{\"points\":2,\"group\":\"engagement\",\"maxPerDay\":1}}")
            .Replace("{\"Version\":\"1\"}", "{\"Version\":\"1\",\"TotalCap\":4}", StringComparison.Ordinal);
        var lead = new LeadFacts
        {
            Id = "L",
            Activities = [new LeadActivity { Type = "A", OccurredAt = AsOf.AddHours(-1) }, new LeadActivity { Type = "B", OccurredAt = AsOf.AddHours(-2) }],
        };

        var score = LeadScoringModel.Load(json).Score(lead, AsOf);

        Assert.Equal(
            [
                "+5 points; capped by the total cap of 4: +5 → +4",
                "+2 points; capped by the total cap of 4: +2 → 0",
                "+2 points, over the daily maximum of 1 on 2026-03-01: 0",
            ],
            score.Contributions.Select(c => c.Explanation));
        Assert.Equal(4m, score.Total);
    }

    [Fact]
    public void Score_TotalExactlyAtItsCap_TrimsNothing()
    {
        var json = ModelJson.WithRules(
            "{\"RuleName\":\"A\",\"Expression\":\"true\",\"Properties\":{\"points\":4}}",
            "{\"RuleName\":\"B\",\"Expression\":\"true\",\"Properties\":{\"points\":6}}")
            .Replace("{\"Version\":\"1\"}", "{\"Version\":\"1\",\"TotalCap\":10,\"GroupCaps\":{\"fit\":10}}", StringComparison.Ordinal);

        var score = LeadScoringModel.Load(json).Score(new LeadFacts { Id = "L" }, AsOf);

        Assert.Equal(["+4 points", "+6 points"], score.Contributions.Select(c => c.Explanation));
        Assert.Equal(10m, score.Total);
        Assert.Equal("fit 10 (raw 10, cap 10)", score.Groups[0].ToString());
    }

    [Fact]
    public void Score_DecayWords_ShowFractionalPercentPeriodAndAge_AndNegativePoints()
    {
        var json = ModelJson.WithRule(
            "activity.Type == \"Visit\"",
            "{\"points\":-2.5,\"group\":\"engagement\",\"decay\":{\"percent\":12.5,\"everyDays\":7.25}}");
        var lead = new LeadFacts
        {
            Id = "L",
            Activities =
            [
                new LeadActivity { Type = "Visit", OccurredAt = AsOf.AddHours(-36) },
                new LeadActivity { Type = "Visit", OccurredAt = AsOf },
            ],
        };

        var score = LeadScoringModel.Load(json).Score(lead, AsOf);

        // Age 0 earns the full points and is described with its age 0; -2.5 × (1 − 0.125 × 1.5 / 7.25) = -2.4353… → -2.44.
        Assert.Equal(
            [
                "-2.5 × (1 − 12.5 % × 0 days / 7.25 days, at least 0) = -2.5",
                "-2.5 × (1 − 12.5 % × 1.5 days / 7.25 days, at least 0) = -2.44",
            ],
            score.Contributions.Select(c => c.Explanation));
        Assert.Equal([1, 0], score.Contributions.Select(c => c.ActivityIndex!.Value));
        Assert.Equal(-4.94m, score.Total);
        Assert.Equal("R [activity 0]: -2.44 engagement (configured -2.5; -2.5 × (1 − 12.5 % × 1.5 days / 7.25 days, at least 0) = -2.44)", score.Contributions[1].ToString());
    }

    [Fact]
    public void Score_DecayedToNothing_StillListsTheMatch_WithZero()
    {
        var json = ModelJson.WithRule("true", "{\"points\":3,\"group\":\"engagement\",\"decay\":{\"percent\":100,\"everyDays\":2}}");
        var lead = new LeadFacts { Id = "L", Activities = [new LeadActivity { Type = "Any", OccurredAt = AsOf.AddDays(-2) }] };

        var score = LeadScoringModel.Load(json).Score(lead, AsOf);

        var contribution = Assert.Single(score.Contributions);
        Assert.Equal("+3 × (1 − 100 % × 2 days / 2 days, at least 0) = 0", contribution.Explanation);
        Assert.Equal(0m, contribution.DecayedPoints);
        Assert.Equal(0m, score.Total);
    }

    [Fact]
    public void Score_HandRaise_IsNamedOnce_InTheOrderFound_AndOnlyWhenMatched()
    {
        var json = ModelJson.WithRules(
            "{\"RuleName\":\"Talk\",\"Expression\":\"activity.Type == \\\"Call\\\"\",\"Properties\":{\"points\":1,\"group\":\"engagement\",\"handRaise\":true}}",
            "{\"RuleName\":\"Ask\",\"Expression\":\"lead.JobTitle == \\\"Buyer\\\"\",\"Properties\":{\"points\":1,\"handRaise\":true}}",
            "{\"RuleName\":\"Plain\",\"Expression\":\"true\",\"Properties\":{\"points\":1}}");
        var model = LeadScoringModel.Load(json);
        var calls = new LeadFacts
        {
            Id = "L",
            JobTitle = "Buyer",
            Activities = [new LeadActivity { Type = "Call", OccurredAt = AsOf }, new LeadActivity { Type = "Call", OccurredAt = AsOf.AddHours(-1) }],
        };

        // Lead rules are walked before activities: Ask is found first.
        Assert.Equal(["Ask", "Talk"], model.Score(calls, AsOf).HandRaises);
        Assert.Empty(model.Score(new LeadFacts { Id = "L" }, AsOf).HandRaises);
        Assert.Equal(["Ask"], model.Score(new LeadFacts { Id = "L", JobTitle = "Buyer" }, AsOf).HandRaises);
    }

    [Fact]
    public void Score_ContributionsOfARule_AreNewestFirst_ThenInListOrderAtTheSameInstant()
    {
        var json = ModelJson.WithRule("true", "{\"points\":1,\"group\":\"engagement\"}");
        var lead = new LeadFacts
        {
            Id = "L",
            Activities =
            [
                new LeadActivity { Type = "A", OccurredAt = AsOf.AddDays(-3) },
                new LeadActivity { Type = "B", OccurredAt = AsOf.AddDays(-1) },
                new LeadActivity { Type = "C", OccurredAt = AsOf.AddDays(-1) },
                new LeadActivity { Type = "D", OccurredAt = AsOf.AddDays(-2) },
                new LeadActivity { Type = "E", OccurredAt = AsOf.AddDays(-1) },
            ],
        };

        var score = LeadScoringModel.Load(json).Score(lead, AsOf);

        Assert.Equal([1, 2, 4, 3, 0], score.Contributions.Select(c => c.ActivityIndex!.Value));
    }

    [Theory]
    [InlineData(20)]
    [InlineData(40)]
    public void Score_ManyActivities_AreOrderedNewestFirst_AndTheDailyMaximumKeepsTheNewestOfEachDay(int count)
    {
        // Beyond 16 activities and 32 matches the walk and the explanation sort differently; the order must not change.
        var json = ModelJson.WithRule("true", "{\"points\":1,\"group\":\"engagement\",\"maxPerDay\":3}");
        var random = new Random(count);
        var minutes = Enumerable.Range(0, count).Select(i => (i % 4 * 24 * 60) + random.Next(0, 600)).ToArray();
        minutes[^1] = minutes[0]; // a tie: list order decides
        var lead = new LeadFacts
        {
            Id = "L",
            Activities = [.. minutes.Select((m, i) => new LeadActivity { Type = "T" + i, OccurredAt = AsOf.AddHours(-1).AddMinutes(-m) })],
        };
        var expectedOrder = Enumerable.Range(0, count).OrderBy(i => minutes[i]).ThenBy(i => i).ToArray();
        var earning = expectedOrder.GroupBy(i => AsOf.AddHours(-1).AddMinutes(-minutes[i]).UtcDateTime.Date).SelectMany(g => g.Take(3)).ToHashSet();

        var score = LeadScoringModel.Load(json).Score(lead, AsOf);

        Assert.Equal(expectedOrder, score.Contributions.Select(c => c.ActivityIndex!.Value));
        Assert.Equal(expectedOrder.Select(i => earning.Contains(i) ? 1m : 0m), score.Contributions.Select(c => c.Points));
        Assert.Equal(earning.Count, score.Total);
    }
}
