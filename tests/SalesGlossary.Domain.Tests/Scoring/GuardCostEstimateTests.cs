
namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// The cost model's exact estimate (fixed work and work per item of the lead's data) for each kind of construct it
/// prices, so that a change to how any construct is counted fails here.
/// </summary>
public class GuardCostEstimateTests
{
    private static RuleCost Cost(string expression, string scope = "lead", ScoringLimits? limits = null) =>
        Assert.Single(LeadScoringModel.Load(ModelJson.WithRule(expression, "{\"points\": 10, \"scope\": \"" + scope + "\"}"), limits).RuleCosts);

    private static string Rejection(string expression, string scope = "lead", ScoringLimits? limits = null) =>
        Assert.Single(Assert.Throws<DefinitionValidationException>(
            () => LeadScoringModel.Load(ModelJson.WithRule(expression, "{\"points\": 10, \"scope\": \"" + scope + "\"}"), limits)).Problems).Message;

    [Theory]
    [InlineData("lead.Country == \"DE\"", "lead", 0L, 0L)]
    [InlineData("lead.Activities.Count() > 1", "lead", 0L, 1L)]
    [InlineData("lead.Activities.Any(a => a.Type == \"Demo\")", "lead", 0L, 1L)]
    [InlineData("lead.Activities.Count(a => a.Type == \"Demo\") > 1 && lead.Activities.Any(a => a.Url == null)", "lead", 0L, 2L)]
    [InlineData("lead.Email.Contains(\"@\")", "lead", 0L, 1L)]
    [InlineData("lead.Email.Contains(\"acme\")", "lead", 0L, 4L)]
    [InlineData("lead.Email.IndexOf(\"acme\") >= 0", "lead", 0L, 4L)]
    [InlineData("lead.Email.StartsWith(\"mary\")", "lead", 4L, 1L)]
    [InlineData("lead.Email.EndsWith(\".de\")", "lead", 3L, 1L)]
    [InlineData("\"acme.de\".Contains(lead.Country)", "lead", 0L, 7L)]
    [InlineData("(lead.Email + \"x\").Length > 3", "lead", 1L, 1L)]
    [InlineData("lead.Email.ToLower() == \"x\"", "lead", 0L, 1L)]
    [InlineData("(lead.Country ?? \"none\").Length > 0", "lead", 0L, 0L)]
    [InlineData("new[] { \"DE\", \"AT\", \"CH\" }.Any(c => c == lead.Country)", "lead", 3L, 0L)]
    [InlineData("new[] { \"DE\", \"AT\", \"CH\" }.Contains(lead.Country)", "lead", 0L, 0L)]
    [InlineData("new[] { \"DE\", \"AT\" }.Any(c => c.Contains(\"E\"))", "lead", 6L, 0L)]
    [InlineData("lead.Activities.Take(3).Any(a => a.Type == \"Demo\")", "lead", 3L, 1L)]
    [InlineData("new[] { 1, 2, 3, 4 }.Take(2).Any(x => x == lead.Employees)", "lead", 6L, 0L)]
    [InlineData("new[] { 1, 2 }.Take(5).Any(x => x == lead.Employees)", "lead", 4L, 0L)]
    [InlineData("lead.Activities.Take(0).Any(a => a.Type == \"Demo\")", "lead", 0L, 1L)]
    [InlineData("lead.Activities.Where(a => a.Type == \"Demo\").Any(a => a.Url == null)", "lead", 0L, 2L)]
    [InlineData("lead.Activities.Any(a => a.Url != null && a.Url.Any(c => c == '?'))", "lead", 0L, 2L)]
    [InlineData("lead.Activities.Select(a => a.Type).Any(t => (t + \"!\").Length > 3)", "lead", 0L, 4L)]
    [InlineData("lead.Unsubscribed ? lead.Activities.Count() > 1 : lead.Email.Contains(\"ab\")", "lead", 0L, 2L)]
    public void Estimate_EachConstruct_HasItsExactFixedWorkAndWorkPerItem(string expression, string scope, long fixedWork, long perItem)
    {
        var cost = Cost(expression, scope);

        Assert.Equal((fixedWork, perItem), (cost.FixedWork, cost.WorkPerItem));
        Assert.Equal(fixedWork + (perItem * 10_000), cost.WorkAtLimits);
    }

    /// <summary>An activity rule's total counts one step per activity; its estimate at the limits is that of one evaluation.</summary>
    [Theory]
    [InlineData("activity.Type == \"PageView\"", 0L, 1L, 0L)]
    [InlineData("activity.Type == \"PageView\" && lead.Country == \"DE\"", 0L, 1L, 0L)]
    [InlineData("activity.Url.Contains(\"pricing\")", 0L, 8L, 70000L)]
    [InlineData("activity.Url.StartsWith(\"/p\")", 0L, 4L, 10002L)]
    [InlineData("activity.Url.Any(c => c == '?')", 0L, 2L, 10000L)]
    public void Estimate_ActivityRule_CountsOneStepPerActivityAndPricesOneEvaluationAtTheLimits(string expression, long fixedWork, long perItem, long atLimits)
    {
        var cost = Cost(expression, "activity");

        Assert.Equal((fixedWork, perItem, atLimits), (cost.FixedWork, cost.WorkPerItem, cost.WorkAtLimits));
    }

    [Fact]
    public void Estimate_TextFourTimesTheLeadsText_IsAcceptedAtTheGrowthLimit()
    {
        var cost = Cost("(lead.Email + lead.Email + lead.Email + lead.Email).Length > 0");

        Assert.Equal((0L, 9L), (cost.FixedWork, cost.WorkPerItem)); // 2 + 3 + 4 characters per character of the email, built by three concatenations
        Assert.Equal("Rule 'R' is rejected by the cost model: it can build a text 5 times as long as the lead's texts it reads; at most 4 times is accepted.",
            Rejection("(lead.Email + lead.Email + lead.Email + lead.Email + lead.Email).Length > 0"));
    }

    [Fact]
    public void Estimate_TextBuiltFromConstants_AtBelowAndAboveMaxBuiltTextLength()
    {
        const string Expression = "(\"abc\" + \"de\").Length == (lead.Employees ?? 0)";

        Assert.Equal((5L, 0L), (Cost(Expression, limits: new ScoringLimits { MaxBuiltTextLength = 5 }) is var atLimit ? (atLimit.FixedWork, atLimit.WorkPerItem) : default));
        Assert.Equal(5L, Cost(Expression, limits: new ScoringLimits { MaxBuiltTextLength = 6 }).FixedWork);
        Assert.Equal("Rule 'R' is rejected by the cost model: it can build a text of 5 characters from its own constants; the limit is 4 (ScoringLimits.MaxBuiltTextLength).",
            Rejection(Expression, limits: new ScoringLimits { MaxBuiltTextLength = 4 }));
    }

    [Fact]
    public void Estimate_FixedWork_AtBelowAndAboveMaxWorkPerRule()
    {
        // 500 + 501 loop steps over constant arrays: a fixed work of 1,001 units.
        var expression = "new[] { " + string.Join(", ", Enumerable.Range(0, 500)) + " }.Any(x => x == lead.Employees) || new[] { "
            + string.Join(", ", Enumerable.Range(0, 501)) + " }.Any(x => x == lead.Employees)";
        ScoringLimits Limits(long work) => new() { MaxWorkPerRule = work, MaxExpressionLength = 20_000, MaxTokensPerExpression = 5_000 };

        Assert.Equal((1_001L, 0L, 1_001L), Cost(expression, limits: Limits(1_001)) is var atLimit ? (atLimit.FixedWork, atLimit.WorkPerItem, atLimit.WorkAtLimits) : default);
        Assert.Equal(1_001L, Cost(expression, limits: Limits(1_002)).FixedWork);
        Assert.Equal("Rule 'R' is rejected by the cost model: its fixed work alone is 1001 units per evaluation, above the budget of 1000 (ScoringLimits.MaxWorkPerRule): it would fail for every lead.",
            Rejection(expression, limits: Limits(1_000)));
    }

    [Fact]
    public void Estimate_SearchOfTheLeadsTextForTheLeadsText_IsRejected()
    {
        Assert.StartsWith("Rule 'R' is rejected by the cost model: it searches the lead's text for another of the lead's texts (",
            Rejection("lead.Email.Contains(lead.Country)"), StringComparison.Ordinal);
        Assert.Contains("so its work grows with the product of the two lengths; search for a fixed text instead",
            Rejection("lead.Email.IndexOf(lead.Country) > 0"), StringComparison.Ordinal);
        Assert.Equal((0L, 2L), (Cost("lead.Email.StartsWith(lead.Country)").FixedWork, Cost("lead.Email.StartsWith(lead.Country)").WorkPerItem));
    }

    [Fact]
    public void Estimate_ActivityRuleLoopingOverTheLead_NamesTheLoopedData()
    {
        Assert.Equal(
            "Rule 'R' is rejected by the cost model: it runs once per activity and each time loops over the lead's data (lead.Activities), so its work grows with the square of the number of activities; loop over the lead's data in a lead rule, or read only 'activity' here.",
            Rejection("lead.Activities.Count(a => a.Type == \"Demo\") > 1", "activity"));
        Assert.Contains("loops over the lead's data (the lead's data), so", Rejection("lead.Activities.Count() > 1", "activity"), StringComparison.Ordinal);
    }
}
