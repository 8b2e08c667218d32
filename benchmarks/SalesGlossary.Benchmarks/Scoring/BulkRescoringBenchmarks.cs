using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SalesGlossary.Domain;

namespace SalesGlossary.Benchmarks.Scoring;

/// <summary>
/// Rescoring generated leads with the sample model (21 rules: negatives, group and total caps, decay, windows, daily
/// maximums; 0–8 activities per lead), per lead. The baseline is the model written by hand the way a careful C# developer
/// would (integer hundredths, no decimal, no LINQ); setup checks that it and both RulesEngine scorers give exactly the
/// library's totals. The RulesEngine scorers run on the first <see cref="EngineLeads"/> leads (they are ~100× slower).
/// </summary>
[MemoryDiagnoser]
[JsonExporterAttribute.Full]
[MarkdownExporterAttribute.GitHub]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class BulkRescoringBenchmarks
{
    public const int Leads = 100_000;
    public const int EngineLeads = 2_000;
    public const int ExplainedLeads = 20_000;

    private LeadFacts[] leads = [];
    private decimal[] totals = [];
    private ulong[] matches = [];
    private LeadScoringModel<LeadFacts, LeadActivity> model = null!;
    private NaiveRulesEngineScorer naive = null!;
    private NaiveRulesEngineScorer usedWell = null!;
    private BulkScoringOptions parallel = null!;

    [GlobalSetup]
    public void Setup()
    {
        leads = BenchmarkLeads.Create(Leads);
        totals = new decimal[Leads];
        model = LeadScoringModel.LoadSample();
        matches = new ulong[Leads * model.MatchWordsPerLead];
        naive = new NaiveRulesEngineScorer();
        usedWell = new NaiveRulesEngineScorer(split: true);
        parallel = new BulkScoringOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };

        // The benchmark is only meaningful if every path computes the same totals.
        model.ScoreTotals(leads.AsSpan(), BenchmarkLeads.AsOf, totals.AsSpan());
        for (var i = 0; i < Leads; i++)
        {
            var hand = HandWrittenSampleModel.Score(leads[i], BenchmarkLeads.AsOf) / 100m;
            if (hand != totals[i] || (i % 250 == 0 && (naive.Score(leads[i], BenchmarkLeads.AsOf) / 100m != totals[i] || usedWell.Score(leads[i], BenchmarkLeads.AsOf) / 100m != totals[i])))
            {
                throw new InvalidOperationException($"Lead {i}: library {totals[i]}, hand-written {hand}: the paths disagree.");
            }
        }
    }

    [Benchmark(OperationsPerInvoke = EngineLeads)]
    public long NaiveRulesEngine()
    {
        var sum = 0L;
        for (var i = 0; i < EngineLeads; i++)
        {
            sum += naive.Score(leads[i], BenchmarkLeads.AsOf);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = EngineLeads)]
    public long RulesEngineUsedWell()
    {
        var sum = 0L;
        for (var i = 0; i < EngineLeads; i++)
        {
            sum += usedWell.Score(leads[i], BenchmarkLeads.AsOf);
        }

        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Leads)]
    public long HandWritten()
    {
        var sum = 0L;
        foreach (var lead in leads)
        {
            sum += HandWrittenSampleModel.Score(lead, BenchmarkLeads.AsOf);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Leads)]
    public decimal HandWrittenDecimal()
    {
        var sum = 0m;
        foreach (var lead in leads)
        {
            sum += HandWrittenSampleModel.ScoreDecimal(lead, BenchmarkLeads.AsOf);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Leads)]
    public long LibraryBulk() => model.ScoreTotals(leads.AsSpan(), BenchmarkLeads.AsOf, totals.AsSpan()).Scored;

    [Benchmark(OperationsPerInvoke = Leads)]
    public long LibraryBulkParallel() => model.ScoreTotalsParallel(leads, BenchmarkLeads.AsOf, totals, null, parallel).Scored;

    [Benchmark(OperationsPerInvoke = Leads)]
    public long LibraryBulkMatchedRules() => model.ScoreTotals(leads.AsSpan(), BenchmarkLeads.AsOf, totals.AsSpan(), matches.AsSpan()).Scored;

    [Benchmark(OperationsPerInvoke = ExplainedLeads)]
    public decimal LibraryExplainedScore()
    {
        var sum = 0m;
        for (var i = 0; i < ExplainedLeads; i++)
        {
            sum += model.Score(leads[i], BenchmarkLeads.AsOf).Total;
        }

        return sum;
    }
}
