using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// What each bulk path counts: leads, incomplete leads and budget stops, by model and mode. The instruments are
/// process-wide, so these tests run alone (after every parallel test) and each model has a name of its own.
/// </summary>
[Collection(nameof(TelemetryCollection))]
public sealed class BulkScoringTelemetryTests
{
    private static readonly DateTimeOffset Now = Generators.ScoringNow;

    /// <summary>A rule that fails for a lead without a job title, and one stopped by its budget for a lead with many activities.</summary>
    private static LeadScoringModel<LeadFacts, LeadActivity> Model(string name) =>
        LeadScoringModel.Load(
            ModelJson.WithRules(
                "{\"RuleName\":\"Long\",\"Expression\":\"lead.JobTitle.Length > 3\",\"Properties\":{\"points\":2}}",
                "{\"RuleName\":\"Views\",\"Expression\":\"lead.Activities.Count(a => a.Url == \\\"/pricing\\\") > 0\",\"Properties\":{\"points\":3}}")
                .Replace("\"WorkflowName\":\"test\"", "\"WorkflowName\":\"telemetry-bulk-" + name + "\"", StringComparison.Ordinal),
            new ScoringLimits { MaxWorkPerRule = 1_000, MaxActivitiesPerLead = 100, MaxBuiltTextLength = 100 });

    private static LeadFacts Lead(int index, string? title, int activities = 1) => new()
    {
        Id = "L-" + index.ToString(CultureInfo.InvariantCulture),
        JobTitle = title,
        Activities = [.. Enumerable.Range(0, activities).Select(i => new LeadActivity { Type = "PageView", OccurredAt = Now.AddMinutes(-i), Url = "/blog" })],
    };

    /// <summary>Five leads: one without a title (a rule error), one stopped by the budget, three complete.</summary>
    private static LeadFacts[] Leads() => [Lead(0, "VP Sales"), Lead(1, null), Lead(2, "Head of IT", 1_500), Lead(3, "CTO"), Lead(4, "Director")];

    [Fact]
    public void ScoreTotals_CountsTheRunOnce_WithItsIncompleteLeads_AndEachBudgetStop()
    {
        var model = Model("span");
        using var scored = Collector("salesglossary.scoring.leads");
        using var incomplete = Collector("salesglossary.scoring.incomplete_leads");
        using var stops = Collector("salesglossary.scoring.budget_stops");

        // Two rule errors that are not budget stops, and one that is.
        var summary = model.ScoreTotals([.. Leads(), Lead(5, null)], Now, new decimal[6]);

        Assert.Equal(3, summary.Incomplete);
        Assert.Equal([6L], Of(scored, model.Name, DomainTelemetry.Bulk).Select(m => m.Value));
        Assert.Equal([3L], Of(incomplete, model.Name, DomainTelemetry.Bulk).Select(m => m.Value));
        Assert.Equal([1L], Of(stops, model.Name, DomainTelemetry.Bulk).Select(m => m.Value));
    }

    [Fact]
    public void ScoreTotalsParallel_CountsAndTracesTheRunOnce()
    {
        var model = Model("parallel");
        using var scored = Collector("salesglossary.scoring.leads");
        using var incomplete = Collector("salesglossary.scoring.incomplete_leads");
        var activities = new List<Activity>();
        using var listener = Listen(activities);

        model.ScoreTotalsParallel(Leads(), Now, new decimal[5], null, new BulkScoringOptions { BatchSize = 2, MaxDegreeOfParallelism = 2 });

        Assert.Equal([5L], Of(scored, model.Name, DomainTelemetry.Bulk).Select(m => m.Value));
        Assert.Equal([2L], Of(incomplete, model.Name, DomainTelemetry.Bulk).Select(m => m.Value));
        var run = Assert.Single(activities, a => Equals(a.GetTagItem(DomainTelemetry.ModelTag), model.Name));
        Assert.Equal(
            ("salesglossary.scoring.bulk", DomainTelemetry.Bulk, 5L, 2L, "1"),
            (run.OperationName, run.GetTagItem(DomainTelemetry.ModeTag), run.GetTagItem("salesglossary.scoring.leads"), run.GetTagItem("salesglossary.scoring.incomplete_leads"), run.GetTagItem("salesglossary.scoring.model.version")));
    }

    [Fact]
    public void ScoreEach_CountsTheLeadsStreamed_AndTheIncompleteOnes()
    {
        var model = Model("each");
        using var scored = Collector("salesglossary.scoring.leads");
        using var incomplete = Collector("salesglossary.scoring.incomplete_leads");

        var results = model.ScoreEach(Leads(), Now).ToArray();

        Assert.Equal([true, false, false, true, true], results.Select(r => r.IsComplete));
        Assert.Equal([5L], Of(scored, model.Name, DomainTelemetry.Stream).Select(m => m.Value));
        Assert.Equal([2L], Of(incomplete, model.Name, DomainTelemetry.Stream).Select(m => m.Value));
    }

    [Fact]
    public async Task ScoreEachAsync_CountsAndTracesEachBatch()
    {
        var model = Model("async");
        using var scored = Collector("salesglossary.scoring.leads");
        using var incomplete = Collector("salesglossary.scoring.incomplete_leads");
        var activities = new List<Activity>();
        using var listener = Listen(activities);

        await model.ScoreEachAsync(Leads().ToAsyncEnumerable(), Now, new BulkScoringOptions { BatchSize = 2, MaxDegreeOfParallelism = 1 }).ToArrayAsync();

        Assert.Equal([2L, 2L, 1L], Of(scored, model.Name, DomainTelemetry.Stream).Select(m => m.Value));
        Assert.Equal([1L, 1L], Of(incomplete, model.Name, DomainTelemetry.Stream).Select(m => m.Value));
        var batches = activities.Where(a => Equals(a.GetTagItem(DomainTelemetry.ModelTag), model.Name)).ToArray();
        Assert.Equal([(2L, 1L), (2L, 1L), (1L, 0L)], batches.Select(a => ((long)a.GetTagItem("salesglossary.scoring.leads")!, (long)a.GetTagItem("salesglossary.scoring.incomplete_leads")!)));
        Assert.All(batches, a => Assert.Equal(DomainTelemetry.Stream, a.GetTagItem(DomainTelemetry.ModeTag)));
    }

    private static MetricCollector<long> Collector(string instrument) => DomainTelemetryTests.Collector(instrument);

    private static CollectedMeasurement<long>[] Of(MetricCollector<long> collector, string model, string mode) => DomainTelemetryTests.Of(collector, model, mode);

    private static ActivityListener Listen(List<Activity> stopped) => DomainTelemetryTests.Listen(stopped);
}
