using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>The run-time work budget and cancellation: safe to run in the test host, because the budget stops the rules.</summary>
public class GuardBudgetTests
{
    private static readonly DateTimeOffset Now = Generators.ScoringNow;

    private static LeadFacts Lead(int activities, string? email = "mary@acme.de") =>
        new LeadFacts
        {
            Id = "L-7",
            Email = email,
            JobTitle = "VP Sales",
            Department = "Sales",
            Industry = "Software",
            Employees = 450,
            Country = "DE",
            LeadSource = "Web",
            Activities = [.. Enumerable.Range(0, activities).Select(i => new LeadActivity { Type = "PageView", OccurredAt = Now.AddMinutes(-i), Url = "/pricing" })],
        };

    /// <summary>A linear rule with half a billion steps of fixed work (800³, within the hard maximum of tokens): seconds of work, stopped only by cancellation.</summary>
    private static readonly string BillionSteps = string.Format(
        System.Globalization.CultureInfo.InvariantCulture,
        "new[] {{ {0} }}.Count(x => new[] {{ {0} }}.Count(y => new[] {{ {0} }}.Count(z => z == x + y + (lead.Employees ?? 0)) > 0) > 0) < 0",
        string.Join(",", Enumerable.Range(0, 800)));

    private static readonly ScoringLimits BillionStepLimits = new()
    {
        MaxWorkPerRule = ScoringLimits.HardMaxWorkPerRule, MaxExpressionLength = ScoringLimits.HardMaxExpressionLength, MaxLambdaDepth = 3,
        MaxTokensPerExpression = ScoringLimits.HardMaxTokensPerExpression,
    };

    private static LeadScoringModel<LeadFacts, LeadActivity> Load(string expression, ScoringLimits? limits = null, string scope = "lead") =>
        LeadScoringModel.Load(ModelJson.WithRule(expression, "{\"points\": 10, \"scope\": \"" + scope + "\"}"), limits);

    [Fact]
    public void Score_RuleOverTheBudget_IsStoppedWithAClearRuleError()
    {
        var model = Load("lead.Activities.Count(a => a.Type == \"PageView\") > 0", new ScoringLimits { MaxWorkPerRule = 1_000, MaxActivitiesPerLead = 100, MaxBuiltTextLength = 100 });

        var score = model.Score(Lead(5_000), Now);

        var error = Assert.Single(score.Errors);
        Assert.Equal("R", error.Rule);
        Assert.StartsWith("The rule was stopped after 1,000 units of work", error.Message, StringComparison.Ordinal);
        Assert.Equal(0m, score.Total);
    }

    [Fact]
    public void Score_RuleWithinTheBudget_ScoresAsBefore()
    {
        var model = Load("lead.Activities.Count(a => a.Type == \"PageView\") > 0", new ScoringLimits { MaxWorkPerRule = 1_000, MaxActivitiesPerLead = 100, MaxBuiltTextLength = 100 });

        var score = model.Score(Lead(999), Now);

        Assert.Empty(score.Errors);
        Assert.Equal(10m, score.Total);
    }

    [Fact]
    public void ScoreTotals_RuleOverTheBudget_CountsTheLeadIncomplete()
    {
        var model = Load("lead.Activities.Any(a => a.Url == \"/never\")", new ScoringLimits { MaxWorkPerRule = 1_000, MaxActivitiesPerLead = 100, MaxBuiltTextLength = 100 });
        var leads = new[] { Lead(10), Lead(2_000), Lead(10) };
        var totals = new decimal[3];

        var summary = model.ScoreTotals(leads, Now, totals);

        Assert.Equal(1, summary.Incomplete);
        Assert.Equal(totals.Select(_ => 0m), totals);
    }

    [Fact]
    public void Score_TextBuiltPastTheBudget_IsStopped()
    {
        var model = Load("(lead.Email + lead.Email + lead.Email).Length > 0", new ScoringLimits { MaxWorkPerRule = 1_000, MaxActivitiesPerLead = 100, MaxBuiltTextLength = 100 });

        var score = model.Score(Lead(0, new string('x', 2_000)), Now);

        Assert.Contains("units of work", Assert.Single(score.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_SimpleRule_CarriesNoMeter()
    {
        var model = Load("lead.Country == \"DE\" && lead.Employees > 100", new ScoringLimits { MaxWorkPerRule = 1_000, MaxActivitiesPerLead = 100, MaxBuiltTextLength = 100 });

        Assert.Equal(10m, model.Score(Lead(0), Now).Total);
    }

    [Fact]
    public void Score_CancelledInsideALongRule_StopsPromptly()
    {
        var model = Load(BillionSteps, BillionStepLimits);
        var lead = Lead(0);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() => model.Score(lead, Now, cancellation.Token));

        // Uncancelled, the rule takes 10^9 steps (seconds); here it must stop soon after the token fires.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "stopped after " + watch.Elapsed);
    }

    [Fact]
    public void ScoreTotals_CancelledInsideALongRule_ThrowsOperationCanceled()
    {
        var model = Load(BillionSteps, BillionStepLimits);
        var leads = new[] { Lead(0), Lead(0) };
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.ThrowsAny<OperationCanceledException>(() =>
            model.ScoreTotalsParallel(leads, Now, new decimal[2], null, new BulkScoringOptions { MaxDegreeOfParallelism = 1 }, cancellation.Token));
    }

    [Fact]
    public void Score_IntegratorsOwnLeadType_IsMeteredToo()
    {
        var model = LeadScoringModel.LoadFor<GuardDocumentTests.LeadWithAttributes, LeadActivity>(
            ModelJson.WithRule("lead.Attributes.Keys.Count(k => k.StartsWith(\"x\")) > 0"),
            _ => [],
            a => a.OccurredAt,
            new ScoringLimits { MaxWorkPerRule = 1_000, MaxActivitiesPerLead = 100, MaxBuiltTextLength = 100 });
        var small = new GuardDocumentTests.LeadWithAttributes("a", Enumerable.Range(0, 10).ToDictionary(i => "x" + i, i => "v"));
        var large = new GuardDocumentTests.LeadWithAttributes("b", Enumerable.Range(0, 2_000).ToDictionary(i => "k" + i, i => "v"));

        Assert.Equal(10m, model.Score(small, Now).Total);
        Assert.StartsWith("The rule was stopped after 1,000 units", Assert.Single(model.Score(large, Now).Errors).Message, StringComparison.Ordinal);
        Assert.Equal(1, model.ScoreTotals([small, large], Now, new decimal[2]).Incomplete);
    }

    [Fact]
    public void Score_NullActivity_IsAnArgumentErrorNamingTheLead()
    {
        var model = Load("activity.Type == \"PageView\"", scope: "activity");
        var lead = Lead(2) with { Activities = [new LeadActivity { Type = "PageView", OccurredAt = Now }, null!] };

        var error = Assert.Throws<ArgumentException>(() => model.Score(lead, Now));
        Assert.Equal("The activity at index 1 of lead 'L-7' is null; remove it or replace it before scoring. (Parameter 'lead')", error.Message);
        Assert.Throws<ArgumentException>(() => model.ScoreTotals([lead], Now, new decimal[1]));
        Assert.Throws<ArgumentException>(() => model.ScoreTotalsParallel([lead, lead], Now, new decimal[2], null, null));
    }

    [Fact]
    public void Score_IntegerOverflowInARule_IsARuleError()
    {
        var model = Load("lead.Employees * 2147483647 < 0");

        var score = model.Score(Lead(0), Now);

        Assert.Equal(0m, score.Total);
        Assert.StartsWith("OverflowException", Assert.Single(score.Errors).Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 30)]
    public Property BudgetStops_AreTheSameInScoreAndInParallelBulk() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Frequency((3, Gen.Choose(0, 1_500)), (1, Gen.Choose(999, 1_001))), 8).ToArbitrary(), sizes =>
        {
            var model = LeadScoringModel.Load(
                ModelJson.WithRules(
                    "{\"RuleName\":\"Views\",\"Expression\":\"lead.Activities.Count(a => a.Type == \\\"PageView\\\") > 3\",\"Properties\":{\"points\":5}}",
                    "{\"RuleName\":\"Pricing\",\"Expression\":\"lead.Activities.Any(a => a.Url == \\\"/never\\\")\",\"Properties\":{\"points\":7}}",
                    "{\"RuleName\":\"Title\",\"Expression\":\"lead.JobTitle.ToLower() == \\\"vp sales\\\"\",\"Properties\":{\"points\":11}}",
                    "{\"RuleName\":\"Page\",\"Expression\":\"activity.Url.Any(c => c == 'p')\",\"Properties\":{\"points\":1,\"scope\":\"activity\"}}"),
                new ScoringLimits { MaxWorkPerRule = 1_000, MaxActivitiesPerLead = 100, MaxBuiltTextLength = 100 });
            var leads = sizes.Select(n => Lead(n)).ToArray();
            var totals = new decimal[leads.Length];

            var summary = model.ScoreTotalsParallel(leads, Now, totals, null, new BulkScoringOptions { MaxDegreeOfParallelism = 2, BatchSize = 1 });

            var scores = leads.Select(l => model.Score(l, Now)).ToArray();
            Assert.Equal(scores.Select(s => s.Total), totals);
            Assert.Equal(scores.Count(s => !s.IsComplete), summary.Incomplete);
            Assert.All(scores.Zip(sizes), p => Assert.Equal(p.Second > 1_000, p.First.Errors.Any(e => e.Message.StartsWith("The rule was stopped", StringComparison.Ordinal))));
        });

    [Fact]
    public async Task ScoreEachAsync_CancelledInsideALongRule_ThrowsOperationCanceled()
    {
        var model = Load(BillionSteps, BillionStepLimits);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var scored in model.ScoreEachAsync(Leads(), Now, null, cancellation.Token))
            {
                Assert.Fail("no lead can finish: " + scored.Total);
            }
        });

        static async IAsyncEnumerable<LeadFacts> Leads()
        {
            for (var i = 0; i < 3; i++)
            {
                await Task.Yield();
                yield return Lead(0);
            }
        }
    }
}
