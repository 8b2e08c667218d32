using System.Diagnostics;
using SalesGlossary.Domain.Scoring;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>The run-time work budget and cancellation: safe to run in the test host, because the budget stops the rules.</summary>
public class GuardBudgetTests
{
    private static readonly DateTimeOffset Now = Generators.ScoringNow;

    private static LeadFacts Lead(int activities, string? email = "mary@acme.de") =>
        new("L-7", email, "VP Sales", "Sales", "Software", 450, null, "DE", "Web", false, false,
            [.. Enumerable.Range(0, activities).Select(i => new LeadActivity("PageView", Now.AddMinutes(-i), "/pricing"))]);

    private static LeadScoringModel<LeadFacts, LeadActivity> Load(string expression, ScoringLimits? limits = null, string scope = "lead") =>
        LeadScoringModel.Load(ModelJson.WithRule(expression, "{\"points\": 10, \"scope\": \"" + scope + "\"}"), limits);

    [Fact]
    public void Score_RuleOverTheBudget_IsStoppedWithAClearRuleError()
    {
        var model = Load("lead.Activities.Count(a => a.Type == \"PageView\") > 0", new ScoringLimits { MaxWorkPerRule = 1_000 });

        var score = model.Score(Lead(5_000), Now);

        var error = Assert.Single(score.Errors);
        Assert.Equal("R", error.Rule);
        Assert.StartsWith("The rule was stopped after 1,000 units of work", error.Message, StringComparison.Ordinal);
        Assert.Equal(0m, score.Total);
    }

    [Fact]
    public void Score_RuleWithinTheBudget_ScoresAsBefore()
    {
        var model = Load("lead.Activities.Count(a => a.Type == \"PageView\") > 0", new ScoringLimits { MaxWorkPerRule = 1_000 });

        var score = model.Score(Lead(999), Now);

        Assert.Empty(score.Errors);
        Assert.Equal(10m, score.Total);
    }

    [Fact]
    public void ScoreTotals_RuleOverTheBudget_CountsTheLeadIncomplete()
    {
        var model = Load("lead.Activities.Any(a => a.Url == \"/never\")", new ScoringLimits { MaxWorkPerRule = 1_000 });
        var leads = new[] { Lead(10), Lead(2_000), Lead(10) };
        var totals = new decimal[3];

        var summary = model.ScoreTotals(leads, Now, totals);

        Assert.Equal(1, summary.Incomplete);
        Assert.Equal(totals.Select(_ => 0m), totals);
    }

    [Fact]
    public void Score_TextBuiltPastTheBudget_IsStopped()
    {
        var model = Load("(lead.Email + lead.Email + lead.Email).Length > 0", new ScoringLimits { MaxWorkPerRule = 1_000 });

        var score = model.Score(Lead(0, new string('x', 2_000)), Now);

        Assert.Contains("units of work", Assert.Single(score.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_SimpleRule_CarriesNoMeter()
    {
        var model = Load("lead.Country == \"DE\" && lead.Employees > 100", new ScoringLimits { MaxWorkPerRule = 1_000 });

        Assert.Equal(10m, model.Score(Lead(0), Now).Total);
    }

    [Fact]
    public void Score_CancelledInsideALongRule_StopsPromptly()
    {
        var limits = new ScoringLimits { MaxWorkPerRule = ScoringLimits.HardMaxWorkPerRule };
        var model = Load("lead.Activities.Count(a => lead.Activities.Count(b => b.Type == a.Type) > 0) < 0", limits);
        var lead = Lead(10_000);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() => model.Score(lead, Now, cancellation.Token));

        // Uncancelled, the rule takes 10^8 steps (seconds); here it must stop soon after the token fires.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "stopped after " + watch.Elapsed);
    }

    [Fact]
    public void ScoreTotals_CancelledInsideALongRule_ThrowsOperationCanceled()
    {
        var limits = new ScoringLimits { MaxWorkPerRule = ScoringLimits.HardMaxWorkPerRule };
        var model = Load("lead.Activities.Count(a => lead.Activities.Count(b => b.Type == a.Type) > 0) < 0", limits);
        var leads = new[] { Lead(10_000), Lead(10_000) };
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.ThrowsAny<OperationCanceledException>(() =>
            model.ScoreTotals(leads, Now, new decimal[2], null, new BulkScoringOptions { MaxDegreeOfParallelism = 1 }, cancellation.Token));
    }

    [Fact]
    public void Score_NullActivity_IsAnArgumentErrorNamingTheLead()
    {
        var model = Load("activity.Type == \"PageView\"", scope: "activity");
        var lead = Lead(2) with { Activities = [new LeadActivity("PageView", Now), null!] };

        var error = Assert.Throws<ArgumentException>(() => model.Score(lead, Now));
        Assert.Equal("The activity at index 1 of lead 'L-7' is null; remove it or replace it before scoring. (Parameter 'lead')", error.Message);
        Assert.Throws<ArgumentException>(() => model.ScoreTotals([lead], Now, new decimal[1]));
    }

    [Fact]
    public void Score_IntegerOverflowInARule_IsARuleError()
    {
        var model = Load("lead.Employees * 2147483647 < 0");

        var score = model.Score(Lead(0), Now);

        Assert.Equal(0m, score.Total);
        Assert.StartsWith("OverflowException", Assert.Single(score.Errors).Message, StringComparison.Ordinal);
    }
}
