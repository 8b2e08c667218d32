using Microsoft.Extensions.Logging;

namespace SalesGlossary.Domain.Extensions.Tests;

public sealed class LeadScoringServiceTests
{
    [Fact]
    public void Score_UsesTheLeadTypesModel_AndLogsAFailedLead()
    {
        using var files = new TestFiles();
        var path = files.Write("model.json", TestFiles.FragileModel("fragile-1"));
        using var harness = new Harness(o => o.ScoringModelFiles["sample-lead-scoring"] = path);

        var complete = harness.Scoring.Score("new-prospect", TestFiles.Lead("L-1"), Harness.Start);
        var failed = harness.Scoring.Score("new-prospect", TestFiles.Lead("L-2", title: null), Harness.Start);

        Assert.Equal("fragile-1", complete.ModelVersion);
        Assert.True(complete.IsComplete);
        Assert.False(failed.IsComplete);
        var entry = Assert.Single(harness.Logs.GetSnapshot(), r => r.Id.Name == "LeadRulesFailed");
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal("L-2", entry.GetStructuredStateValue("LeadId"));
        Assert.Equal("fragile-1", entry.GetStructuredStateValue("ModelVersion"));
        Assert.Contains("rule 'LongTitle'", entry.GetStructuredStateValue("FirstError"), StringComparison.Ordinal);
        Assert.Equal("0", entry.GetStructuredStateValue("Suppressed"));
    }

    [Fact]
    public void FailedLeads_AreLoggedAtMostOncePerInterval_WithTheLeadsInBetweenCounted()
    {
        using var files = new TestFiles();
        var path = files.Write("model.json", TestFiles.FragileModel("fragile-1"));
        using var harness = new Harness(o =>
        {
            o.ScoringModelFiles["sample-lead-scoring"] = path;
            o.FailedLeadLogInterval = TimeSpan.FromMinutes(1);
        });

        for (var i = 0; i < 5; i++)
        {
            harness.Scoring.Score("new-prospect", TestFiles.Lead("A-" + i, title: null), Harness.Start);
        }

        harness.Time.Advance(TimeSpan.FromSeconds(59));
        harness.Scoring.Score("new-prospect", TestFiles.Lead("B-0", title: null), Harness.Start);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        harness.Scoring.Score("new-prospect", TestFiles.Lead("C-0", title: null), Harness.Start);

        var entries = harness.Logs.GetSnapshot().Where(r => r.Id.Name == "LeadRulesFailed").ToArray();
        Assert.Equal(["A-0", "C-0"], entries.Select(e => e.GetStructuredStateValue("LeadId")));
        Assert.Equal(["0", "5"], entries.Select(e => e.GetStructuredStateValue("Suppressed")));
    }

    [Fact]
    public void ScoreTotals_LogsAnIncompleteRunOnce_WithItsCounts()
    {
        using var files = new TestFiles();
        var path = files.Write("model.json", TestFiles.FragileModel("fragile-2"));
        using var harness = new Harness(o => o.ScoringModelFiles["sample-lead-scoring"] = path);
        var leads = Enumerable.Range(0, 40).Select(i => TestFiles.Lead("L-" + i, i % 4 == 0 ? null : "Head of demand generation")).ToArray();
        var totals = new decimal[leads.Length];

        var summary = harness.Scoring.ScoreTotalsParallel("new-prospect", leads, Harness.Start, totals, new BulkScoringOptions { BatchSize = 8 });

        Assert.Equal(10, summary.Incomplete);
        var entry = Assert.Single(harness.Logs.GetSnapshot(), r => r.Id.Name == "BulkRunIncomplete");
        Assert.Equal("10", entry.GetStructuredStateValue("Incomplete"));
        Assert.Equal("40", entry.GetStructuredStateValue("Scored"));
        Assert.Equal(leads.Select(l => harness.Scoring.Score("new-prospect", l, Harness.Start).Total), totals);
    }

    [Fact]
    public void Score_UnknownLeadType_ListsTheKnownOnes()
    {
        using var harness = new Harness(_ => { });

        var error = Assert.Throws<ArgumentException>(() => harness.Scoring.Score("existing-custmer", TestFiles.Lead("L-1"), Harness.Start));

        Assert.Contains("'existing-customer'", error.Message, StringComparison.Ordinal);
    }
}
