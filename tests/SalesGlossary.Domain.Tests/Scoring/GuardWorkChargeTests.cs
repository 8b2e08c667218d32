
namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// Text searches and collection operations without a lambda are charged: by the cost model at load and by the work
/// meter before they run. Safe in the test host, because the meter stops the work before it is done.
/// </summary>
public class GuardWorkChargeTests
{
    private static readonly DateTimeOffset Now = Generators.ScoringNow;

    private static LeadFacts Lead(string title, string department = "Sales", int activities = 1) =>
        new LeadFacts
        {
            Id = "L-7",
            Email = "mary@acme.de",
            JobTitle = title,
            Department = department,
            Industry = "Software",
            Employees = 450,
            Country = "DE",
            LeadSource = "Web",
            Activities = [.. Enumerable.Range(0, activities).Select(i => new LeadActivity { Type = "PageView", OccurredAt = Now.AddMinutes(-i), Url = "/pricing" })],
        };

    private static LeadScoringModel<LeadFacts, LeadActivity> Load(string expression, ScoringLimits? limits = null) =>
        LeadScoringModel.Load(ModelJson.WithRule(expression, "{\"points\": 10}"), limits);

    private static string Rejection(string expression, ScoringLimits? limits = null) =>
        Assert.Single(Assert.Throws<DefinitionValidationException>(() => Load(expression, limits)).Problems).Message;

    [Theory]
    [InlineData("lead.JobTitle.Contains(lead.Department, StringComparison.OrdinalIgnoreCase)")]
    [InlineData("lead.JobTitle.IndexOf(lead.Department, StringComparison.Ordinal) >= 0")]
    [InlineData("lead.Activities.Any(a => a.Url.Contains(lead.JobTitle))")]
    public void Load_SearchOfLeadTextForLeadText_IsRejectedAsAProductOfLengths(string expression)
    {
        Assert.Contains("product of the two lengths", Rejection(expression), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SearchOfLeadTextInsideALoopOverLeadText_IsRejectedAsSuperlinear()
    {
        var needle = new string('x', 200);

        var message = Rejection("lead.JobTitle.Count(c => lead.JobTitle.Contains(\"" + needle + "\", StringComparison.OrdinalIgnoreCase)) > 0");

        Assert.Contains("square of the lead's data", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ConstantSearchesOverTheBudget_AreRejectedByTheirFixedWork()
    {
        var text = new string('a', 600);
        var needle = new string('a', 300) + "b";

        var message = Rejection("\"" + text + "\".Trim().Count(c => \"" + text + "\".Contains(\"" + needle + "\", StringComparison.OrdinalIgnoreCase)) > 0");

        Assert.Contains("fixed work alone", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_SearchOverTheBudget_IsStoppedBeforeItRuns()
    {
        // At the model's limits (texts of 1,000 characters) the search costs 201,000 units: accepted; a far longer text is stopped.
        var needle = new string('a', 200) + "b";
        var model = Load("lead.JobTitle.Contains(\"" + needle + "\", StringComparison.OrdinalIgnoreCase)", new ScoringLimits { MaxActivitiesPerLead = 1_000, MaxBuiltTextLength = 1_000 });

        var score = model.Score(Lead(new string('a', 200_000)), Now);

        var error = Assert.Single(score.Errors);
        Assert.StartsWith("The rule was stopped after 1,000,000 units of work", error.Message, StringComparison.Ordinal);
        Assert.True(WorkMeter.LastRuleWork > 1_000_000);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void Score_SearchAtTheBudget_ChargesTextTimesNeedleExactly(int titleLength, bool scores)
    {
        // A title of 200 characters times the needle's 5 is exactly the budget of 1,000 units: scored; one more character is not.
        var model = Load("lead.JobTitle.Contains(\"sales\", StringComparison.OrdinalIgnoreCase)",
            new ScoringLimits { MaxWorkPerRule = 1_000, MaxActivitiesPerLead = 200, MaxBuiltTextLength = 200 });

        var score = model.Score(Lead(new string('x', titleLength - 8) + "VP Sales"), Now);

        Assert.Equal(scores ? 10m : 0m, score.Total);
        Assert.Equal(scores, score.IsComplete);
        Assert.Equal(scores ? 0 : 1, model.ScoreTotals([Lead(new string('x', titleLength - 8) + "VP Sales")], Now, new decimal[1]).Incomplete);
    }

    [Theory]
    [InlineData(399, true)]
    [InlineData(400, false)]
    public void Score_SearchInsideALoopingRule_IsChargedWithTheLoopsSteps(int urlLength, bool scores)
    {
        // A rule that loops is metered on the thread: one unit for the lambda call plus the url times the needle's 5.
        // 1 + 5 × 399 = 1,996 units fit a budget of 2,000; 1 + 5 × 400 = 2,001 do not, in the walk and in the bulk path.
        var model = Load("lead.Activities.Any(a => a.Url.Contains(\"sales\", StringComparison.OrdinalIgnoreCase))",
            new ScoringLimits { MaxWorkPerRule = 2_000, MaxActivitiesPerLead = 1, MaxBuiltTextLength = 200 });
        LeadFacts Visited(string url) =>
            Lead("VP") with { Activities = [new LeadActivity { Type = "PageView", OccurredAt = Now, Url = url }] };
        var lead = Visited(new string('x', urlLength - 6) + "/sales");

        var score = model.Score(lead, Now);

        Assert.Equal(scores ? 10m : 0m, score.Total);
        Assert.Equal(scores, score.IsComplete);
        var totals = new decimal[2];
        var summary = model.ScoreTotals([lead, Visited("/sales")], Now, totals);
        Assert.Equal([scores ? 10m : 0m, 10m], totals);
        Assert.Equal(scores ? 0 : 1, summary.Incomplete);
    }

    [Theory]
    [InlineData(496, true)]
    [InlineData(497, false)]
    public void Score_ComparisonsAtTheBudget_ChargeBothLengthsEachExactly(int titleLength, bool scores)
    {
        // (title + 5) for Equals plus (title + 2) for StartsWith: 2 × 496 + 7 = 999 units fit a budget of 1,000; 2 × 497 + 7 = 1,001 do not.
        var model = Load("lead.JobTitle.Equals(lead.Department, StringComparison.OrdinalIgnoreCase) || lead.JobTitle.StartsWith(\"VP\")",
            new ScoringLimits { MaxWorkPerRule = 1_000, MaxActivitiesPerLead = 300, MaxBuiltTextLength = 300 });

        var score = model.Score(Lead("VP" + new string('x', titleLength - 2), "Sales"), Now);

        Assert.Equal(scores ? 10m : 0m, score.Total);
        Assert.Equal(scores, score.IsComplete);
    }

    [Fact]
    public void Score_SearchesPastTheLocalStride_SettleWithTheThreadsMeter()
    {
        // 3 searches of 1,500 characters for a 2-character needle: 9,000 units, past the local stride of 4,096, within the budget.
        var model = Load("lead.JobTitle.Contains(\"zz\") || lead.JobTitle.Contains(\"yy\") || lead.JobTitle.Contains(\"VP\")",
            new ScoringLimits { MaxWorkPerRule = 9_000, MaxActivitiesPerLead = 1_500, MaxBuiltTextLength = 1_500 });

        var score = model.Score(Lead(new string('x', 1_498) + "VP"), Now);

        Assert.Equal(10m, score.Total);
        Assert.Equal(3 * 1_500 * 2, WorkMeter.LastRuleWork);
        Assert.Equal(0m, model.Score(Lead(new string('x', 1_499) + "VP"), Now).Total);
    }

    [Fact]
    public void Score_DistinctWithoutALambda_IsChargedForEachItemItWalks()
    {
        // Select charges one step per activity; Distinct() reads them all again, Count() reads the one distinct url.
        var model = Load("lead.Activities.Select(a => a.Url).Distinct().Count() > 5", new ScoringLimits { MaxWorkPerRule = 1_000, MaxActivitiesPerLead = 100, MaxBuiltTextLength = 100 });

        Assert.Empty(model.Score(Lead("VP", activities: 400), Now).Errors);
        var stopped = model.Score(Lead("VP", activities: 600), Now);

        Assert.StartsWith("The rule was stopped after 1,000 units of work", Assert.Single(stopped.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NestedConstantLoopsOverALambdaFreeWalk_AreRejectedAtTheModelsLimits()
    {
        // 370 × 370 walks of the lead's activities: 136,900 units per activity, far above the budget for 10,000 activities.
        var text = new string('a', 370);

        var message = Rejection("\"" + text + "\".Trim().Count(c => \"" + text + "\".Trim().Count(d => lead.Activities.Count() > 5) > 0) > 0");

        Assert.Contains("at the model's own limits (lead data of 10000 items or characters", message, StringComparison.Ordinal);
        Assert.Contains("above the budget of 1000000 (ScoringLimits.MaxWorkPerRule)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_NestedConstantLoopsOverALambdaFreeWalk_AreStoppedByTheBudget()
    {
        // 30 × 30 walks of the lead's activities: accepted for leads of up to 30 items (27,000 units); a lead with 2,000
        // activities needs 1,800,000 and is stopped at run time.
        var text = new string('a', 30);
        var model = Load("\"" + text + "\".Trim().Count(c => \"" + text + "\".Trim().Count(d => lead.Activities.Count() > 5) > 0) > 0",
            new ScoringLimits { MaxActivitiesPerLead = 30, MaxBuiltTextLength = 30 });

        var score = model.Score(Lead("VP", activities: 2_000), Now);

        Assert.StartsWith("The rule was stopped after 1,000,000 units of work", Assert.Single(score.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lead.Activities.Select(a => a.Type).Contains(\"Demo\")")]
    [InlineData("lead.Activities.Select(a => a.Url).Distinct().Count() > 1")]
    [InlineData("lead.Activities.Count() > 1 && lead.Activities.Count() > 2")]
    public void Score_LambdaFreeWalks_AreChargedForTheItemsTheyRead(string expression)
    {
        var model = Load(expression, new ScoringLimits { MaxWorkPerRule = 1_000, MaxActivitiesPerLead = 100, MaxBuiltTextLength = 100 });

        var score = model.Score(Lead("VP", activities: 800), Now);

        Assert.StartsWith("The rule was stopped after 1,000 units of work", Assert.Single(score.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_RuleWithoutLoopsSearchesOrWalks_StaysUnmetered()
    {
        var model = Load("lead.Employees > 100 && lead.Country == \"DE\"");

        Assert.Equal(10m, model.Score(Lead("VP"), Now).Total);
        Assert.All(model.RuleCosts, c => Assert.Equal((0L, 0L), (c.FixedWork, c.WorkPerItem)));
    }
}
