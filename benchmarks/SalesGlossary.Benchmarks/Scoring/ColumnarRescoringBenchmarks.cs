using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SalesGlossary.Domain.Arrow;
using SalesGlossary.Domain;

namespace SalesGlossary.Benchmarks.Scoring;

/// <summary>
/// Row path against columnar path, per lead, side by side in one run: the honest hand-written scorer (integer
/// hundredths, row by row) is the baseline; the library's row path (<c>ScoreTotals</c>); the columnar path on leads
/// already in columns (resident <see cref="ColumnarLeads"/>); the columnar path including the encoding of Arrow batches;
/// and the explained <c>Score</c>. Two models: the sample model (21 rules, 0–8 activities per lead) and twenty lead-only
/// rules. Setup checks that every path gives the same totals for every lead.
/// </summary>
[MemoryDiagnoser]
[JsonExporterAttribute.Full]
[MarkdownExporterAttribute.GitHub]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class ColumnarRescoringBenchmarks
{
    public const int Leads = 100_000;
    public const int ExplainedLeads = 10_000;

    private LeadFacts[] leads = [];
    private decimal[] totals = [];
    private long[] hundredths = [];
    private LeadScoringModel<LeadFacts, LeadActivity> model = null!;
    private ColumnarScoringModel columnar = null!;
    private LeadRecordBatches batches = null!;
    private ColumnarLeads resident = null!;

    [Params("SampleModel", "LeadOnly20")]
    public string Model { get; set; } = "SampleModel";

    [GlobalSetup]
    public void Setup()
    {
        leads = BenchmarkLeads.Create(Leads);
        if (Model == "LeadOnly20")
        {
            leads = [.. leads.Select(l => l with { Activities = [] })];
        }

        totals = new decimal[Leads];
        hundredths = new long[Leads];
        model = Model == "LeadOnly20" ? LeadScoringModel.Load(LeadOnlyModel.Json) : LeadScoringModel.LoadSample();
        columnar = ColumnarScoringModel.Create(model);
        batches = LeadRecordBatches.From(leads);
        resident = ColumnarLeads.FromArrow(batches.Leads, batches.Activities);

        var row = new decimal[Leads];
        model.ScoreTotals(leads.AsSpan(), BenchmarkLeads.AsOf, row.AsSpan());
        columnar.ScoreTotals(resident, BenchmarkLeads.AsOf, totals);
        columnar.ScoreTotalsInHundredths(resident, BenchmarkLeads.AsOf, hundredths);
        for (var i = 0; i < Leads; i++)
        {
            var hand = HandWrittenScore(leads[i]) / 100m;
            if (hand != row[i] || totals[i] != row[i] || hundredths[i] / 100m != row[i])
            {
                throw new InvalidOperationException($"Lead {i}: row path {row[i]}, columnar {totals[i]}, hand-written {hand}: the paths disagree.");
            }
        }

        if (columnar.RulePlans.FirstOrDefault(p => !p.IsVectorized) is { } slow)
        {
            throw new InvalidOperationException($"Rule '{slow.Rule}' is not vectorized: {slow.How}.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Leads)]
    public long HandWritten()
    {
        var sum = 0L;
        foreach (var lead in leads)
        {
            sum += HandWrittenScore(lead);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Leads)]
    public BulkScoringSummary LibraryBulk() => model.ScoreTotals(leads.AsSpan(), BenchmarkLeads.AsOf, totals.AsSpan());

    [Benchmark(OperationsPerInvoke = Leads)]
    public BulkScoringSummary ColumnarResident() => columnar.ScoreTotals(resident, BenchmarkLeads.AsOf, totals);

    [Benchmark(OperationsPerInvoke = Leads)]
    public BulkScoringSummary ColumnarResidentHundredths() => columnar.ScoreTotalsInHundredths(resident, BenchmarkLeads.AsOf, hundredths);

    [Benchmark(OperationsPerInvoke = Leads)]
    public BulkScoringSummary ColumnarWithEncode() =>
        columnar.ScoreTotals(ColumnarLeads.FromArrow(batches.Leads, batches.Activities), BenchmarkLeads.AsOf, totals);

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

    private long HandWrittenScore(LeadFacts lead) =>
        Model == "LeadOnly20" ? LeadOnlyModel.Score(lead) : HandWrittenSampleModel.Score(lead, BenchmarkLeads.AsOf);
}
