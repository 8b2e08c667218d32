using System.Globalization;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// The scoring walk at each of its edges: windows and <c>asOf</c> to the tick, daily maximums per UTC day, grades at
/// their thresholds, the highest score a model can give, rules that fail (alone, in a fused chunk, nested) and the
/// argument checks of the model, the loader and the scorer.
/// </summary>
public class ScoringWalkEdgeTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static LeadFacts WithActivities(params DateTimeOffset[] at) =>
        new() { Id = "L", Activities = [.. at.Select((t, i) => new LeadActivity { Type = "T" + i.ToString(CultureInfo.InvariantCulture), OccurredAt = t })] };

    private static string WithSettings(string settings, params string[] rules) =>
        ModelJson.WithRules(rules).Replace("{\"Version\":\"1\"}", "{\"Version\":\"1\"," + settings + "}", StringComparison.Ordinal);

    [Fact]
    public void Window_CountsAnActivityExactlyAtItsEnd_AndNotOneTickLater()
    {
        var model = LeadScoringModel.Load(ModelJson.WithRule("true", "{\"points\":2,\"group\":\"engagement\",\"windowDays\":2.5}"));
        var end = AsOf.AddDays(-2.5);

        var score = model.Score(WithActivities(end.AddTicks(-1), end, end.AddTicks(1)), AsOf);

        Assert.Equal([2, 1], score.Contributions.Select(c => c.ActivityIndex!.Value));
        Assert.Equal(4m, score.Total);
    }

    [Fact]
    public void AsOf_CountsAnActivityAtThatTick_AndNotOneTickLater()
    {
        var model = LeadScoringModel.Load(ModelJson.WithRule("true", "{\"points\":2,\"group\":\"engagement\"}"));

        var score = model.Score(WithActivities(AsOf.AddTicks(1), AsOf), AsOf);

        Assert.Equal(1, Assert.Single(score.Contributions).ActivityIndex);
        Assert.Equal(2m, score.Total);
    }

    [Fact]
    public void ActivityRules_SeeEachActivity_AndLeadRulesOnlyTheLead()
    {
        var json = ModelJson.WithRules(
            "{\"RuleName\":\"Fit\",\"Expression\":\"lead.Id == \\\"L\\\"\",\"Properties\":{\"points\":1}}",
            "{\"RuleName\":\"PerActivity\",\"Expression\":\"lead.Id == \\\"L\\\"\",\"Properties\":{\"points\":1,\"scope\":\"activity\"}}");
        var model = LeadScoringModel.Load(json);

        var score = model.Score(WithActivities(AsOf, AsOf.AddDays(-1), AsOf.AddDays(-2)), AsOf);

        Assert.Equal(["Fit", "PerActivity", "PerActivity", "PerActivity"], score.Contributions.Select(c => c.Rule));
        Assert.Equal(ScoringScope.Lead, model.Rules[0].Scope);
        Assert.Equal(ScoringScope.Activity, model.Rules[1].Scope);
        Assert.Equal(4m, score.Total);
        Assert.Equal(1m, model.Score(new LeadFacts { Id = "L" }, AsOf).Total);
    }

    [Fact]
    public void DailyMaximum_CountsPerUtcDay_AndPerRule()
    {
        var json = ModelJson.WithRules(
            "{\"RuleName\":\"Capped\",\"Expression\":\"true\",\"Properties\":{\"points\":1,\"group\":\"engagement\",\"maxPerDay\":1}}",
            "{\"RuleName\":\"Free\",\"Expression\":\"true\",\"Properties\":{\"points\":10,\"group\":\"engagement\"}}");
        var midnight = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

        // 00:00 and 00:00 + 1 tick are one day; 23:59:59.9999999 the day before is another, and 01:00+02:00 on 1 March is
        // 23:00 UTC on 28 February: its day too.
        var score = LeadScoringModel.Load(json).Score(
            WithActivities(midnight, midnight.AddTicks(1), midnight.AddTicks(-1), new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.FromHours(2))),
            AsOf);

        Assert.Equal(
            ["Capped|1|1", "Capped|0|0", "Capped|2|1", "Capped|3|0", "Free|1|10", "Free|0|10", "Free|2|10", "Free|3|10"],
            score.Contributions.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Rule}|{c.ActivityIndex}|{c.Points}")));
        Assert.Equal("+1 points, over the daily maximum of 1 on 2026-03-01: 0", score.Contributions[1].Explanation);
        Assert.Equal("+1 points, over the daily maximum of 1 on 2026-02-28: 0", score.Contributions[3].Explanation);
        Assert.Equal(42m, score.Total);
    }

    [Theory]
    [InlineData(3, 2, 0, "A1")]
    [InlineData(3, 1, 1, "A2")]
    [InlineData(3, 0, 2, "A2")]
    [InlineData(3, 0, 1, "A3")]
    [InlineData(2, 2, 0, "B1")]
    [InlineData(2, 1, 0, "B2")]
    [InlineData(2, 0, 0, "B3")]
    [InlineData(1, 2, 0, "C1")]
    [InlineData(1, 0, 2, "C2")]
    [InlineData(0, 0, 0, "C3")]
    public void Grade_IsDecidedAtEachThreshold_FromItsValueUp(int employees, int visits, int calls, string grade)
    {
        // fit by employees: 0 → 0, 1 → 4.99, 2 → 5 (B), 3 → 10 (A); engagement: visits 4 each, calls 3.99 each:
        // 8 is 1, 7.98 and 4 are 2, 3.99 is 3.
        var json = WithSettings(
            "\"Grades\":{\"Fit\":{\"A\":10,\"B\":5},\"Engagement\":{\"1\":8,\"2\":4}}",
            "{\"RuleName\":\"F1\",\"Expression\":\"lead.Employees >= 1\",\"Properties\":{\"points\":4.99}}",
            "{\"RuleName\":\"F2\",\"Expression\":\"lead.Employees >= 2\",\"Properties\":{\"points\":0.01}}",
            "{\"RuleName\":\"F3\",\"Expression\":\"lead.Employees >= 3\",\"Properties\":{\"points\":5}}",
            "{\"RuleName\":\"Visit\",\"Expression\":\"activity.Type == \\\"Visit\\\"\",\"Properties\":{\"points\":4,\"group\":\"engagement\"}}",
            "{\"RuleName\":\"Call\",\"Expression\":\"activity.Type == \\\"Call\\\"\",\"Properties\":{\"points\":3.99,\"group\":\"engagement\"}}");
        var lead = new LeadFacts
        {
            Id = "L",
            Employees = employees,
            Activities =
            [
                .. Enumerable.Range(0, visits).Select(i => new LeadActivity { Type = "Visit", OccurredAt = AsOf.AddHours(-i) }),
                .. Enumerable.Range(0, calls).Select(i => new LeadActivity { Type = "Call", OccurredAt = AsOf.AddHours(-i) }),
            ],
        };

        var score = LeadScoringModel.Load(json).Score(lead, AsOf);

        Assert.Equal(grade, score.Grade!.ToString());
        Assert.Equal(grade[..1], score.Grade.Fit);
        Assert.Equal(grade[1] - '0', score.Grade.Engagement);
    }

    [Fact]
    public void Grade_OfAModelWithoutAnEngagementGroup_GradesEngagementAsZero_AndFitLikewise()
    {
        var fitOnly = WithSettings(
            "\"Grades\":{\"Fit\":{\"A\":10,\"B\":5},\"Engagement\":{\"1\":8,\"2\":-1}}",
            "{\"RuleName\":\"F\",\"Expression\":\"true\",\"Properties\":{\"points\":10}}");
        var engagementOnly = WithSettings(
            "\"Grades\":{\"Fit\":{\"A\":10,\"B\":-1},\"Engagement\":{\"1\":8,\"2\":4}}",
            "{\"RuleName\":\"E\",\"Expression\":\"true\",\"Properties\":{\"points\":8,\"group\":\"engagement\"}}");

        Assert.Equal("A2", LeadScoringModel.Load(fitOnly).Score(new LeadFacts { Id = "L" }, AsOf).Grade!.ToString());
        Assert.Equal("B1", LeadScoringModel.Load(engagementOnly).Score(WithActivities(AsOf), AsOf).Grade!.ToString());
    }

    [Fact]
    public void Grade_IsTheSameValue_ForTheSameGrade()
    {
        var model = LeadScoringModel.LoadSample();
        var first = model.Score(new LeadFacts { Id = "a" }, AsOf).Grade!;
        var second = model.Score(new LeadFacts { Id = "b" }, AsOf).Grade!;

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal("C3", first.ToString());
    }

    [Theory]
    [InlineData("", null)] // an uncapped group with a positive activity rule: unbounded
    [InlineData("\"TotalCap\":25", "25")] // ...unless the total is capped
    [InlineData("\"GroupCaps\":{\"fit\":12,\"engagement\":20}", "32")] // fit: min(12, 10 + 8); engagement: its cap
    [InlineData("\"GroupCaps\":{\"fit\":12,\"engagement\":20},\"TotalCap\":25", "25")]
    [InlineData("\"GroupCaps\":{\"fit\":30,\"engagement\":20},\"TotalCap\":100", "38")] // fit: min(30, 18)
    [InlineData("\"GroupCaps\":{\"fit\":18,\"engagement\":0.5}", "18.5")]
    public void MaximumScore_AddsEachGroupsReachableMost_AndCapsTheTotal(string settings, string? expected)
    {
        var json = WithSettings(
            settings,
            "{\"RuleName\":\"A\",\"Expression\":\"true\",\"Properties\":{\"points\":10}}",
            "{\"RuleName\":\"B\",\"Expression\":\"true\",\"Properties\":{\"points\":8}}",
            "{\"RuleName\":\"Minus\",\"Expression\":\"true\",\"Properties\":{\"points\":-3}}",
            "{\"RuleName\":\"E\",\"Expression\":\"true\",\"Properties\":{\"points\":1,\"group\":\"engagement\"}}")
            .Replace("\"Version\":\"1\",}", "\"Version\":\"1\"}", StringComparison.Ordinal);

        Assert.Equal(expected is null ? null : decimal.Parse(expected, CultureInfo.InvariantCulture), LeadScoringModel.Load(json).MaximumScore);
    }

    [Fact]
    public void MaximumScore_OfLeadRulesAndNegativeActivityRules_IsTheSumOfPositivePoints()
    {
        var json = ModelJson.WithRules(
            "{\"RuleName\":\"A\",\"Expression\":\"true\",\"Properties\":{\"points\":10}}",
            "{\"RuleName\":\"Minus\",\"Expression\":\"true\",\"Properties\":{\"points\":-3}}",
            "{\"RuleName\":\"Bounce\",\"Expression\":\"true\",\"Properties\":{\"points\":-5,\"group\":\"engagement\"}}",
            "{\"RuleName\":\"Other\",\"Expression\":\"true\",\"Properties\":{\"points\":2.5,\"group\":\"other\",\"scope\":\"lead\"}}");

        Assert.Equal(12.5m, LeadScoringModel.Load(json).MaximumScore);
    }

    [Fact]
    public void AFailingLeadRule_IsReported_AndTheOtherRulesOfItsChunkStillCount()
    {
        var json = ModelJson.WithRules(
            "{\"RuleName\":\"Before\",\"Expression\":\"true\",\"Properties\":{\"points\":1}}",
            "{\"RuleName\":\"Title\",\"Expression\":\"lead.JobTitle.Length > 3\",\"Properties\":{\"points\":100}}",
            "{\"RuleName\":\"After\",\"Expression\":\"lead.Id == \\\"L\\\"\",\"Properties\":{\"points\":2}}",
            "{\"RuleName\":\"Not\",\"Expression\":\"lead.Id == \\\"X\\\"\",\"Properties\":{\"points\":4}}");

        var score = LeadScoringModel.Load(json).Score(new LeadFacts { Id = "L" }, AsOf);

        Assert.Equal(["Before", "After"], score.Contributions.Select(c => c.Rule));
        Assert.Equal(3m, score.Total);
        var error = Assert.Single(score.Errors);
        Assert.Equal("Title", error.Rule);
        Assert.Null(error.ActivityIndex);
        Assert.StartsWith("NullReferenceException: ", error.Message, StringComparison.Ordinal);
        Assert.Equal("Title: " + error.Message, error.ToString());
        Assert.False(score.IsComplete);
        Assert.Equal("test 1 as of 2026-03-01T12:00:00.0000000+00:00: 3; fit 3; 2 contributions; 1 rule errors, first: " + error, score.ToString());
    }

    [Fact]
    public void AFailingActivityRule_IsReportedWithTheActivity_InsideItsWindowOnly()
    {
        var json = ModelJson.WithRules(
            "{\"RuleName\":\"Page\",\"Expression\":\"activity.Url.Length > 1\",\"Properties\":{\"points\":5,\"group\":\"engagement\",\"windowDays\":10}}",
            "{\"RuleName\":\"Any\",\"Expression\":\"true\",\"Properties\":{\"points\":1,\"group\":\"engagement\"}}");
        var lead = new LeadFacts
        {
            Id = "L",
            Activities =
            [
                new LeadActivity { Type = "Old", OccurredAt = AsOf.AddDays(-11) },
                new LeadActivity { Type = "Visit", OccurredAt = AsOf.AddDays(-1), Url = "/pricing" },
                new LeadActivity { Type = "Open", OccurredAt = AsOf.AddDays(-2) },
            ],
        };

        var score = LeadScoringModel.Load(json).Score(lead, AsOf);

        // The activity outside Page's window is not evaluated by it, so it fails nowhere.
        var error = Assert.Single(score.Errors);
        Assert.Equal("Page", error.Rule);
        Assert.Equal(2, error.ActivityIndex);
        Assert.Equal("Page [activity 2]: " + error.Message, error.ToString());
        Assert.Equal(["Page|1", "Any|1", "Any|2", "Any|0"], score.Contributions.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Rule}|{c.ActivityIndex}")));
        Assert.Equal(8m, score.Total);
    }

    [Theory]
    [InlineData("And", "true", "true", true)]
    [InlineData("And", "true", "false", false)]
    [InlineData("And", "false", "true", false)]
    [InlineData("Or", "false", "true", true)]
    [InlineData("Or", "true", "false", true)]
    [InlineData("Or", "false", "false", false)]
    public void NestedRules_EvaluatedOneByOne_CombineTheirChildrenByTheirOperator(string op, string first, string second, bool matches)
    {
        // A failing sibling in the same chunk makes the walk evaluate every rule of the chunk on its own.
        var json = ModelJson.WithRules(
            "{\"RuleName\":\"Boom\",\"Expression\":\"lead.JobTitle.Length > 0\",\"Properties\":{\"points\":100}}",
            "{\"RuleName\":\"Nested\",\"Operator\":\"" + op + "\",\"Properties\":{\"points\":5},\"Rules\":["
            + "{\"RuleName\":\"Nested.First\",\"Expression\":\"" + first + "\"},"
            + "{\"RuleName\":\"Nested.Second\",\"Expression\":\"" + second + "\"}]}");

        var score = LeadScoringModel.Load(json).Score(new LeadFacts { Id = "L" }, AsOf);

        Assert.Equal(matches ? 5m : 0m, score.Total);
        Assert.Equal("Boom", Assert.Single(score.Errors).Rule);
    }

    [Theory]
    [InlineData("And", 0)]
    [InlineData("Or", 5)]
    public void NestedRules_AFailingChildCountsAsNotMatched_AndIsReportedByItsOwnName(string op, int total)
    {
        var json = ModelJson.WithRules(
            "{\"RuleName\":\"Nested\",\"Operator\":\"" + op + "\",\"Properties\":{\"points\":5},\"Rules\":["
            + "{\"RuleName\":\"Nested.Title\",\"Expression\":\"lead.JobTitle.Length > 0\"},"
            + "{\"RuleName\":\"Nested.Id\",\"Expression\":\"lead.Id == \\\"L\\\"\"}]}");

        var score = LeadScoringModel.Load(json).Score(new LeadFacts { Id = "L" }, AsOf);

        Assert.Equal(total, score.Total);
        Assert.Equal("Nested.Title", Assert.Single(score.Errors).Rule);
    }

    [Fact]
    public void ReadingTheActivitiesFails_IsReportedForTheLead_AndTheLeadRulesStillCount()
    {
        var json = ModelJson.WithRules(
            "{\"RuleName\":\"Fit\",\"Expression\":\"true\",\"Properties\":{\"points\":3}}",
            "{\"RuleName\":\"Touch\",\"Expression\":\"true\",\"Properties\":{\"points\":1,\"group\":\"engagement\"}}");
        var model = LeadScoringModel.LoadFor<LeadFacts, LeadActivity>(json, _ => throw new InvalidOperationException("no access"), a => a.OccurredAt);

        var score = model.Score(new LeadFacts { Id = "L" }, AsOf);

        var error = Assert.Single(score.Errors);
        Assert.Null(error.Rule);
        Assert.Null(error.ActivityIndex);
        Assert.Equal("Reading the lead's activities failed: InvalidOperationException: no access", error.Message);
        Assert.Equal("lead: Reading the lead's activities failed: InvalidOperationException: no access", error.ToString());
        Assert.Equal(3m, score.Total);
    }

    [Fact]
    public void AnIntegratorsNullActivityList_ScoresTheLeadRulesOnly()
    {
        var json = ModelJson.WithRules(
            "{\"RuleName\":\"Fit\",\"Expression\":\"true\",\"Properties\":{\"points\":3}}",
            "{\"RuleName\":\"Touch\",\"Expression\":\"true\",\"Properties\":{\"points\":1,\"group\":\"engagement\"}}");
        var model = LeadScoringModel.LoadFor<LeadFacts, LeadActivity>(json, _ => null, a => a.OccurredAt);

        var score = model.Score(new LeadFacts { Id = "L" }, AsOf);

        Assert.Equal(3m, score.Total);
        Assert.Empty(score.Errors);
    }

    [Fact]
    public void AnIntegratorsActivityList_IsReadThroughItsAccessors_InListOrderAtTheSameInstant()
    {
        var json = ModelJson.WithRule("true", "{\"points\":1,\"group\":\"engagement\",\"maxPerDay\":1}");
        var model = LeadScoringModel.LoadFor<LeadFacts, LeadActivity>(json, l => [.. l.Activities], a => a.OccurredAt.AddDays(-1));

        var score = model.Score(WithActivities(AsOf, AsOf, AsOf.AddDays(1), AsOf.AddDays(1).AddTicks(1)), AsOf);

        // The accessor moves each activity a day back: the one a day ahead now counts, one tick later does not.
        Assert.Equal([2, 0, 1], score.Contributions.Select(c => c.ActivityIndex!.Value));
        Assert.Equal([1m, 1m, 0m], score.Contributions.Select(c => c.Points));
    }

    [Fact]
    public void MoreActivitiesThanTheLimit_ScoresTheNewest_AndSaysSo()
    {
        var json = ModelJson.WithRule("true", "{\"points\":1,\"group\":\"engagement\"}");
        var model = LeadScoringModel.Load(json, new ScoringLimits { MaxActivitiesPerLead = 2 });

        var three = model.Score(WithActivities(AsOf.AddDays(-3), AsOf.AddDays(-1), AsOf.AddDays(-2), AsOf.AddDays(1)), AsOf);
        var two = model.Score(WithActivities(AsOf.AddDays(-3), AsOf.AddDays(-1), AsOf.AddDays(1)), AsOf);

        Assert.Equal([1, 2], three.Contributions.Select(c => c.ActivityIndex!.Value));
        Assert.Equal("lead: The lead has 3 activities; only the newest 2 were scored (the limit).", Assert.Single(three.Errors).ToString());
        Assert.Empty(two.Errors);
        Assert.Equal(2m, two.Total);
    }

    [Fact]
    public void ANullActivity_IsRefused_NamingItsIndex()
    {
        var model = LeadScoringModel.Load(ModelJson.WithRule("true", "{\"points\":1,\"group\":\"engagement\"}"));
        var lead = new LeadFacts { Id = "L", Activities = [new LeadActivity { Type = "A", OccurredAt = AsOf }, null!] };

        var error = Assert.Throws<ArgumentException>(() => model.Score(lead, AsOf));

        Assert.Equal("lead", error.ParamName);
        Assert.Contains("The activity at index 1 of ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArgumentChecks_NameTheArgument()
    {
        var model = LeadScoringModel.Load(ModelJson.WithRule("true"));

        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => LeadScoringModel.Load(null!)).ParamName);
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => LeadScoringModel.LoadFor<LeadFacts, LeadActivity>(null!, l => l.Activities, a => a.OccurredAt)).ParamName);
        Assert.Equal("activities", Assert.Throws<ArgumentNullException>(() => LeadScoringModel.LoadFor<LeadFacts, LeadActivity>("{}", null!, a => a.OccurredAt)).ParamName);
        Assert.Equal("occurredAt", Assert.Throws<ArgumentNullException>(() => LeadScoringModel.LoadFor<LeadFacts, LeadActivity>("{}", l => l.Activities, null!)).ParamName);
        Assert.Equal("lead", Assert.Throws<ArgumentNullException>(() => model.Score(null!, AsOf)).ParamName);
        Assert.Equal("lead", Assert.Throws<ArgumentNullException>(() => model.Score(null!, AsOf, CancellationToken.None)).ParamName);
        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() => new LeadScorer<LeadFacts, LeadActivity>(null!)).ParamName);
        Assert.Equal("newModel", Assert.Throws<ArgumentNullException>(() => new LeadScorer<LeadFacts, LeadActivity>(model).Publish(null!)).ParamName);
    }

    [Fact]
    public void Score_WithACancelledToken_ReturnsNoScore_AndWithALiveOneScoresAsWithout()
    {
        var model = LeadScoringModel.Load(ModelJson.WithRule("true"));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => model.Score(new LeadFacts { Id = "L" }, AsOf, cancelled.Token));
        Assert.Equal(10m, model.Score(new LeadFacts { Id = "L" }, AsOf, CancellationToken.None).Total);
    }

    [Fact]
    public void Scorer_ScoresWithTheModelPublishedLast_AndPublishReturnsTheOneItReplaced()
    {
        var first = LeadScoringModel.Load(ModelJson.WithRule("true"));
        var second = LeadScoringModel.Load(ModelJson.WithRule("true", "{\"points\":20}").Replace("\"Version\":\"1\"", "\"Version\":\"2\"", StringComparison.Ordinal));
        var scorer = new LeadScorer<LeadFacts, LeadActivity>(first);

        Assert.Same(first, scorer.Model);
        Assert.Equal("1", scorer.Score(new LeadFacts { Id = "L" }, AsOf).ModelVersion);
        Assert.Same(first, scorer.Publish(second));
        Assert.Same(second, scorer.Model);
        var score = scorer.Score(new LeadFacts { Id = "L" }, AsOf);
        Assert.Equal("2", score.ModelVersion);
        Assert.Equal(20m, score.Total);
    }

    [Fact]
    public void PointsAndCapsFinerThanHundredths_AreRefused_WithTheirPathsAndWords()
    {
        var json = WithSettings(
            "\"TotalCap\":10.001,\"GroupCaps\":{\"fit\":5.125}",
            "{\"RuleName\":\"Ok\",\"Expression\":\"true\",\"Properties\":{\"points\":1.25}}",
            "{\"RuleName\":\"Fine\",\"Expression\":\"true\",\"Properties\":{\"points\":1.005}}");

        var error = Assert.Throws<DefinitionValidationException>(() => LeadScoringModel.Load(json));

        Assert.Equal(
            [
                "$.Rules[1].Properties.points: Rule 'Fine' has 1.005 points; points are counted in hundredths, so use at most two decimals.",
                "$.ScoringModel.GroupCaps.fit: The cap of group 'fit' is 5.125; caps are counted in hundredths, so use at most two decimals.",
                "$.ScoringModel.TotalCap: The total cap is 10.001; caps are counted in hundredths, so use at most two decimals.",
            ],
            error.Problems.Select(p => p.ToString()));
        Assert.Equal("scoring model 'test'", error.Definition);
    }

    [Fact]
    public void DisabledRules_AreNotPartOfTheModel_AndTheRestKeepTheirOrder()
    {
        var json = ModelJson.WithRules(
            "{\"RuleName\":\"A\",\"Expression\":\"true\",\"Properties\":{\"points\":1}}",
            "{\"RuleName\":\"Off\",\"Enabled\":false,\"Expression\":\"true\",\"Properties\":{\"points\":100}}",
            "{\"RuleName\":\"B\",\"Expression\":\"true\",\"Properties\":{\"points\":2}}");

        var model = LeadScoringModel.Load(json);
        var score = model.Score(new LeadFacts { Id = "L" }, AsOf);

        Assert.Equal(["A", "B"], model.Rules.Select(r => r.Name));
        Assert.Equal(2, model.RuleCosts.Count);
        Assert.Equal(["A", "B"], score.Contributions.Select(c => c.Rule));
        Assert.Equal(3m, score.Total);
        Assert.Equal(3m, model.MaximumScore);
    }

    [Fact]
    public void MaximumScore_CountsAnActivityRuleOfZeroPointsAsBounded()
    {
        var json = ModelJson.WithRules(
            "{\"RuleName\":\"A\",\"Expression\":\"true\",\"Properties\":{\"points\":4}}",
            "{\"RuleName\":\"Seen\",\"Expression\":\"true\",\"Properties\":{\"points\":0,\"group\":\"engagement\"}}");

        Assert.Equal(4m, LeadScoringModel.Load(json).MaximumScore);
    }
}
