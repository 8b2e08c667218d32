using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SalesGlossary.Domain.Tests.Scoring;

public class BulkScoringTests
{
    private static readonly DateTimeOffset Now = Generators.ScoringNow;

    /// <summary>The sample model, a variant with tight caps and no total cap, and one whose rules can fail at run time.</summary>
    private static readonly LeadScoringModel<LeadFacts, LeadActivity>[] Models =
    [
        LeadScoringModel.LoadSample(),
        LeadScoringModel.Load(ModelJson.Sample(model =>
        {
            var settings = model["ScoringModel"]!.AsObject();
            settings["Version"] = "tight";
            settings.Remove("TotalCap");
            settings["GroupCaps"] = new JsonObject { ["fit"] = 30, ["engagement"] = 12.5m };
        })),
        LeadScoringModel.Load(ModelJson.Sample(model =>
        {
            model["ScoringModel"]!["Version"] = "fragile";
            var rules = model["Rules"]!.AsArray();
            rules.Add(JsonNode.Parse("{\"RuleName\":\"LongTitle\",\"Expression\":\"lead.JobTitle.Length > 12\",\"Properties\":{\"points\":7}}"));
            rules.Add(JsonNode.Parse("{\"RuleName\":\"UrlDepth\",\"Expression\":\"activity.Url.Length > 8\",\"Properties\":{\"points\":3,\"group\":\"engagement\",\"windowDays\":20}}"));
        })),
    ];

    private static Gen<LeadScoringModel<LeadFacts, LeadActivity>> AnyModel() => Gen.Elements(Models);

    [Property(MaxTest = 60)]
    public Property ScoreTotals_EqualsSingleScores_ForEveryParallelismAndBatchSize() =>
        Prop.ForAll(
            AnyModel().ToArbitrary(),
            Gen.ArrayOf(Generators.Leads()).ToArbitrary(),
            Gen.Choose(1, 4).Zip(Gen.Choose(1, 50)).ToArbitrary(),
            (model, leads, shape) =>
            {
                var (parallelism, batchSize) = shape;
                var totals = new decimal[leads.Length];
                var matches = new ulong[leads.Length * model.MatchWordsPerLead];
                var summary = model.ScoreTotalsParallel(leads, Now, totals, matches, new BulkScoringOptions { MaxDegreeOfParallelism = parallelism, BatchSize = batchSize });
                var singles = leads.Select(l => model.Score(l, Now)).ToArray();
                var ruleNames = model.Rules.Select(r => r.Name).ToArray();
                return totals.SequenceEqual(singles.Select(s => s.Total)).Label("totals equal single scores")
                    .And((summary.Scored == leads.Length && summary.Incomplete == singles.Count(s => !s.IsComplete)).Label("summary counts"))
                    .And(Enumerable.Range(0, leads.Length).All(i =>
                        ruleNames.Select((_, r) => model.RuleMatched(matches, i, r)).SequenceEqual(
                            ruleNames.Select(n => singles[i].Contributions.Any(c => c.Rule == n)))).Label("matched rules equal the contributions"));
            });

    [Property(MaxTest = 40)]
    public Property SpanAndStreamingPaths_EqualSingleScores() =>
        Prop.ForAll(AnyModel().ToArbitrary(), Gen.ArrayOf(Generators.Leads()).ToArbitrary(), Gen.Choose(1, 40).ToArbitrary(), (model, leads, batchSize) =>
        {
            var expected = leads.Select(l => model.Score(l, Now)).ToArray();
            var totals = new decimal[leads.Length];
            model.ScoreTotals(leads.AsSpan(), Now, totals.AsSpan());
            var streamed = model.ScoreEach(leads, Now).ToArray();
            var streamedAsync = model.ScoreEachAsync(leads.ToAsyncEnumerable(), Now, new BulkScoringOptions { BatchSize = batchSize, MaxDegreeOfParallelism = 2 })
                .ToArrayAsync().AsTask().GetAwaiter().GetResult();
            return totals.SequenceEqual(expected.Select(s => s.Total)).Label("span")
                .And(streamed.Select(s => (s.Lead, s.Total, s.IsComplete)).SequenceEqual(leads.Zip(expected, (l, s) => (l, s.Total, s.IsComplete))).Label("enumerable"))
                .And(streamedAsync.Select(s => (s.Lead, s.Total, s.IsComplete, s.ModelVersion)).SequenceEqual(leads.Zip(expected, (l, s) => (l, s.Total, s.IsComplete, model.Version))).Label("async stream"));
        });

    [Fact]
    public async Task Cancellation_YieldsOnlyCompleteResults_ThenStops()
    {
        var model = Models[0];
        var leads = Generators.Leads().Sample(300, 20).ToArray();
        using var cancel = new CancellationTokenSource();
        var received = new List<ScoredLead<LeadFacts>>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var scored in model.ScoreEachAsync(leads.ToAsyncEnumerable(), Now, new BulkScoringOptions { BatchSize = 20 }, cancel.Token))
            {
                received.Add(scored);
                if (received.Count == 30)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.InRange(received.Count, 30, 40);
        Assert.All(received.Select((s, i) => (s, i)), x => Assert.Equal(model.Score(leads[x.i], Now).Total, x.s.Total));
    }

    [Fact]
    public void Cancellation_OfAnArrayRun_ReturnsNoSummary()
    {
        var model = Models[0];
        var leads = Generators.Leads().Sample(200, 20).ToArray();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            model.ScoreTotalsParallel(leads, Now, new decimal[leads.Length], null, new BulkScoringOptions { BatchSize = 10 }, cancel.Token));
    }

    [Fact]
    public void Progress_IsReportedPerBatch_UpToTheTotal()
    {
        var model = Models[0];
        var leads = Generators.Leads().Sample(95, 20).ToArray();
        var reports = new List<BulkScoringProgress>();
        var progress = new SynchronousProgress(reports);

        model.ScoreTotalsParallel(leads, Now, new decimal[leads.Length], null, new BulkScoringOptions { BatchSize = 10, MaxDegreeOfParallelism = 1, Progress = progress });

        Assert.Equal(Enumerable.Range(1, 10).Select(i => new BulkScoringProgress(Math.Min(i * 10, 95), 95)), reports);
    }

    [Fact]
    public void Destinations_TooShort_AreRejectedWithTheSizes()
    {
        var model = Models[0];
        var leads = Generators.Leads().Sample(3, 10).ToArray();
        var error = Assert.Throws<ArgumentException>(() => model.ScoreTotals(leads.AsSpan(), Now, new decimal[2].AsSpan()));
        Assert.Equal("The totals destination holds 2 values but there are 3 leads. (Parameter 'totals')", error.Message);
        var words = Assert.Throws<ArgumentException>(() => model.ScoreTotals(leads.AsSpan(), Now, new decimal[3].AsSpan(), new ulong[2].AsSpan()));
        Assert.Equal("The matched-rules destination holds 2 words but 3 leads need 3 (1 per lead). (Parameter 'matchedRules')", words.Message);
        var options = Assert.Throws<DefinitionValidationException>(() => model.ScoreTotalsParallel(leads, Now, new decimal[3], null, new BulkScoringOptions { BatchSize = 0 }));
        Assert.Equal("$.batchSize: The batch size must be between 1 and 1000000; it is 0.", options.Problems.Single().ToString());
    }

    [Fact]
    public async Task Publishing_DuringAStreamingRun_ScoresEachLeadWithExactlyOneModel()
    {
        var scorer = new LeadScorer<LeadFacts, LeadActivity>(Models[0]);
        var leads = Generators.Leads().Sample(200, 20).ToArray();
        var seen = new List<ScoredLead<LeadFacts>>();

        await foreach (var scored in scorer.ScoreEachAsync(leads.ToAsyncEnumerable(), Now, new BulkScoringOptions { BatchSize = 25 }))
        {
            seen.Add(scored);
            if (seen.Count % 50 == 0)
            {
                scorer.Publish(Models[seen.Count / 50 % 2]);
            }
        }

        Assert.Equal(leads.Length, seen.Count);
        Assert.Equal(["1.0.0", "tight"], seen.Select(s => s.ModelVersion).Distinct().Order(StringComparer.Ordinal));
        Assert.All(seen, s => Assert.Equal(Models.Single(m => m.Version == s.ModelVersion).Score(s.Lead, Now).Total, s.Total));
        Assert.All(seen.Chunk(25), batch => Assert.Single(batch.Select(s => s.ModelVersion).Distinct()));
    }

    private sealed class SynchronousProgress(List<BulkScoringProgress> reports) : IProgress<BulkScoringProgress>
    {
        public void Report(BulkScoringProgress value) => reports.Add(value);
    }
}
