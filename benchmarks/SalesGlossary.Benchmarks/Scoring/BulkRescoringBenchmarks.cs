using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SalesGlossary.Domain.Scoring;

namespace SalesGlossary.Benchmarks.Scoring;

/// <summary>
/// Rescoring 100,000 leads with the sample model (21 rules: negatives, group and total caps, decay, windows, daily
/// maximums; 0–8 activities per lead). Every method scores the same leads; times are per lead.
/// </summary>
[MemoryDiagnoser]
[JsonExporterAttribute.Full]
[MarkdownExporterAttribute.GitHub]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class BulkRescoringBenchmarks
{
    public const int Leads = 100_000;

    private LeadFacts[] leads = [];
    private decimal[] totals = [];
    private ulong[] matches = [];
    private LeadScoringModel<LeadFacts, LeadActivity> model = null!;
    private NaiveRulesEngineScorer naive = null!;
    private BulkScoringOptions parallel = null!;

    [GlobalSetup]
    public void Setup()
    {
        leads = BenchmarkLeads.Create(Leads);
        totals = new decimal[Leads];
        model = LeadScoringModel.LoadSample();
        matches = new ulong[Leads * model.MatchWordsPerLead];
        naive = new NaiveRulesEngineScorer();
        parallel = new BulkScoringOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };

        // The benchmark is only meaningful if every path computes the same totals.
        model.ScoreTotals(leads.AsSpan(), BenchmarkLeads.AsOf, totals.AsSpan());
        for (var i = 0; i < Leads; i++)
        {
            var hand = HandWrittenSampleModel.Score(leads[i], BenchmarkLeads.AsOf);
            if (hand != totals[i] || (i % 500 == 0 && naive.Score(leads[i], BenchmarkLeads.AsOf) != totals[i]))
            {
                throw new InvalidOperationException($"Lead {i}: library {totals[i]}, hand-written {hand}: the paths disagree.");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Leads)]
    public decimal NaiveRulesEngine()
    {
        var sum = 0m;
        foreach (var lead in leads)
        {
            sum += naive.Score(lead, BenchmarkLeads.AsOf);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Leads)]
    public decimal HandWritten()
    {
        var sum = 0m;
        foreach (var lead in leads)
        {
            sum += HandWrittenSampleModel.Score(lead, BenchmarkLeads.AsOf);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Leads)]
    public long LibraryBulk() => model.ScoreTotals(leads.AsSpan(), BenchmarkLeads.AsOf, totals.AsSpan()).Scored;

    [Benchmark(OperationsPerInvoke = Leads)]
    public long LibraryBulkParallel() => model.ScoreTotals(leads, BenchmarkLeads.AsOf, totals, null, parallel).Scored;

    [Benchmark(OperationsPerInvoke = Leads)]
    public long LibraryExplained() => model.ScoreTotals(leads.AsSpan(), BenchmarkLeads.AsOf, totals.AsSpan(), matches.AsSpan()).Scored;
}
