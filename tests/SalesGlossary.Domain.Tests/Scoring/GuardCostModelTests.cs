
namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>The cost model at load: every accepted rule is linear in the lead's data, with its estimate exposed.</summary>
public class GuardCostModelTests
{
    private static LeadScoringModel<LeadFacts, LeadActivity> Load(string expression, string scope = "lead", ScoringLimits? limits = null) =>
        LeadScoringModel.Load(ModelJson.WithRule(expression, "{\"points\": 10, \"scope\": \"" + scope + "\"}"), limits);

    private static string Rejection(string expression, string scope = "lead", ScoringLimits? limits = null) =>
        Assert.Single(Assert.Throws<DefinitionValidationException>(() => Load(expression, scope, limits)).Problems).Message;

    [Theory]
    [InlineData("lead.Country == \"DE\"", "lead", 0L)]
    [InlineData("lead.Activities.Any(a => a.Type == \"Demo\")", "lead", 1L)]
    [InlineData("lead.Activities.Any(a => a.Url != null && a.Url.Any(c => c == '?'))", "lead", 1L)]
    [InlineData("activity.Type == \"PageView\" && lead.Country == \"DE\"", "activity", 1L)]
    [InlineData("new[] { \"DE\", \"AT\", \"CH\" }.Any(c => c == lead.Country)", "lead", 0L)]
    public void Load_LinearRule_IsAcceptedWithItsEstimate(string expression, string scope, long perItemAtLeast)
    {
        var cost = Assert.Single(Load(expression, scope).RuleCosts);

        Assert.Equal("R", cost.Rule);
        Assert.True(perItemAtLeast == 0 ? cost.WorkPerItem == 0 : cost.WorkPerItem >= perItemAtLeast, cost.ToString());
        Assert.Equal(cost.FixedWork + (cost.WorkPerItem * 1_000), cost.For(1_000));
    }

    [Fact]
    public void Load_SampleModel_IsLinearEverywhere()
    {
        var model = LeadScoringModel.LoadSample();

        Assert.Equal(model.Rules.Select(r => r.Name), model.RuleCosts.Select(c => c.Rule));
        Assert.All(model.RuleCosts, c => Assert.True(c.FixedWork < 1_000 && c.WorkPerItem < 1_000, c.ToString()));
    }

    [Theory]
    [InlineData("lead.Activities.Any(a => lead.Activities.Any(b => b.Type == a.Type))", "lead", "grows with the square of the lead's data")]
    [InlineData("lead.Activities.Count(a => a.Type == \"Demo\") > 1", "activity", "runs once per activity and each time loops over the lead's data")]
    [InlineData("activity.Type == \"x\" && lead.Activities.Any(Type == \"Demo\")", "activity", "grows with the square of the number of activities")]
    [InlineData("lead.Activities.Any(a => (lead.Email + \"x\").Length > 3)", "lead", "grows with the square")]
    public void Load_SuperlinearRule_IsRejectedWithTheReason(string expression, string scope, string expected)
    {
        var message = Rejection(expression, scope);

        Assert.StartsWith("Rule 'R' is rejected by the cost model: ", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExponentialTextFromConstants_IsRejected()
    {
        var doubling = "new[] { \"abcdefghij\" }" + string.Concat(Enumerable.Repeat(".Select(s => s + s)", 11)) + ".Any(s => s.Length > 0)";

        Assert.Contains("it can build a text of 20480 characters from its own constants; the limit is 10000", Rejection(doubling), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TextGrowingFasterThanTheLeadsText_IsRejected()
    {
        Assert.Contains("5 times as long as the lead's texts", Rejection("(lead.Email + lead.Email + lead.Email + lead.Email + lead.Email).Length > 0"), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TextRebuiltInChainedLoops_IsRejected()
    {
        var chained = "lead.Activities.Select(a => a.Type + a.Type + a.Type).Select(t => t + t).Any(t => t.Length > 0)";

        Assert.Contains("6 times as long as the lead's texts", Rejection(chained), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LoopOverTheLeadsOwnTexts_IsLinear()
    {
        var cost = Assert.Single(Load("lead.Activities.Select(a => a.Type).Any(t => (t + \"!\").Length > 3)").RuleCosts);

        Assert.Equal(0, cost.FixedWork);
        Assert.InRange(cost.WorkPerItem, 1, 10);
    }

    [Fact]
    public void Load_FixedWorkAboveTheBudget_IsRejected()
    {
        var items = string.Join(", ", Enumerable.Range(0, 1_000));
        var expression = $"new[] {{ {items} }}.Count(x => new[] {{ {items} }}.Contains(x + (lead.Employees ?? 0))) > 0";

        Assert.Contains("above the budget of 100000", Rejection(expression, limits: new ScoringLimits { MaxWorkPerRule = 100_000, MaxExpressionLength = 20_000, MaxTokensPerExpression = 5_000 }), StringComparison.Ordinal);
    }
    [Fact]
    public void WorkAtLimits_IsTheEstimateForTheLargestLeadTheLimitsDescribe()
    {
        var cost = Assert.Single(Load("lead.Activities.Count(a => a.Type == \"Demo\") > 1").RuleCosts);

        Assert.Equal(cost.For(10_000), cost.WorkAtLimits);
        var larger = Assert.Single(Load("lead.Activities.Count(a => a.Type == \"Demo\") > 1", limits: new ScoringLimits { MaxActivitiesPerLead = 50_000 }).RuleCosts);
        Assert.Equal(cost.For(50_000), larger.WorkAtLimits);
    }

    [Fact]
    public void WorkAtLimits_AtBelowAndAboveTheBudget()
    {
        const string Expression = "lead.Activities.Count(a => a.Type == \"Demo\") > 1";
        var cost = Assert.Single(Load(Expression).RuleCosts);
        var atLimits = cost.WorkAtLimits;
        Assert.InRange(atLimits, 10_000, 100_000);

        Assert.Equal(atLimits, Assert.Single(Load(Expression, limits: new ScoringLimits { MaxWorkPerRule = atLimits }).RuleCosts).WorkAtLimits);
        Assert.Single(Load(Expression, limits: new ScoringLimits { MaxWorkPerRule = atLimits + 1 }).RuleCosts);
        var message = Rejection(Expression, limits: new ScoringLimits { MaxWorkPerRule = atLimits - 1 });

        Assert.Equal(
            string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Rule 'R' is rejected by the cost model: at the model's own limits (lead data of 10000 items or characters: ScoringLimits.MaxActivitiesPerLead is 10000, ScoringLimits.MaxBuiltTextLength is 10000) one evaluation can do {atLimits} units of work ({cost.FixedWork} + {cost.WorkPerItem} × n), above the budget of {atLimits - 1} (ScoringLimits.MaxWorkPerRule): it would be stopped for such leads; do less work per item, or raise MaxWorkPerRule."),
            message);
    }
}
