using System.Globalization;
using BenchmarkDotNet.Attributes;
using ColumnarRescoring;
using SalesGlossary.Domain.Arrow;
using SalesGlossary.Domain;

namespace SalesGlossary.Benchmarks.Scoring;

/// <summary>
/// End to end from files: leads and activities in two Parquet files (row groups of 250,000 leads), rescored with the
/// sample model through the columnar path (Parquet to Arrow batches, encode, vectorized rules) and the row path (Parquet
/// to lead objects, <c>ScoreTotals</c>). The read-only methods split each path's time into read and score. The size is
/// <c>SALESGLOSSARY_PARQUET_LEADS</c> (200,000 by default; the README's run uses 10,000,000); the sample
/// <c>samples/ColumnarRescoring</c> prints the same split with each path's peak working set.
/// </summary>
[MemoryDiagnoser]
[JsonExporterAttribute.Full]
[MarkdownExporterAttribute.GitHub]
public class ParquetRescoringBenchmarks
{
    private string folder = string.Empty;
    private string leadPath = string.Empty;
    private string activityPath = string.Empty;
    private decimal[] totals = [];
    private LeadScoringModel<LeadFacts, LeadActivity> model = null!;
    private ColumnarScoringModel columnar = null!;

    public static IEnumerable<int> Sizes() =>
        [int.Parse(Environment.GetEnvironmentVariable("SALESGLOSSARY_PARQUET_LEADS") ?? "200000", CultureInfo.InvariantCulture)];

    [ParamsSource(nameof(Sizes))]
    public int Leads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        folder = Path.Combine(Path.GetTempPath(), "salesglossary-parquet-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        leadPath = Path.Combine(folder, "leads.parquet");
        activityPath = Path.Combine(folder, "activities.parquet");
        LeadParquet.WriteAsync(leadPath, activityPath, BenchmarkLeads.Create(Leads), 250_000).GetAwaiter().GetResult();
        totals = new decimal[Leads];
        model = LeadScoringModel.LoadSample();
        columnar = ColumnarScoringModel.Create(model);
        var columnarTotals = (decimal[])totals.Clone();
        ColumnarReadAndScore();
        Array.Copy(totals, columnarTotals, Leads);
        RowReadAndScore();
        if (!columnarTotals.AsSpan().SequenceEqual(totals))
        {
            throw new InvalidOperationException("The columnar and the row path disagree on the Parquet file.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);

    [Benchmark(Baseline = true)]
    public long RowReadAndScore() => Run(async () =>
    {
        var offset = 0;
        long incomplete = 0;
        await foreach (var leads in LeadParquet.ReadLeadsAsync(leadPath, activityPath))
        {
            incomplete += model.ScoreTotals(leads, BenchmarkLeads.AsOf, totals.AsSpan(offset, leads.Length)).Incomplete;
            offset += leads.Length;
        }

        return incomplete;
    });

    [Benchmark]
    public long RowReadOnly() => Run(async () =>
    {
        long read = 0;
        await foreach (var leads in LeadParquet.ReadLeadsAsync(leadPath, activityPath))
        {
            read += leads.Length;
        }

        return read;
    });

    [Benchmark]
    public long ColumnarReadAndScore() => Run(async () =>
    {
        var offset = 0;
        long incomplete = 0;
        await foreach (var batch in LeadParquet.ReadBatchesAsync(leadPath, activityPath))
        {
            var leads = ColumnarLeads.FromArrow(batch.Leads, batch.Activities);
            incomplete += columnar.ScoreTotals(leads, BenchmarkLeads.AsOf, totals.AsSpan(offset, leads.Count)).Incomplete;
            offset += leads.Count;
        }

        return incomplete;
    });

    [Benchmark]
    public long ColumnarReadOnly() => Run(async () =>
    {
        long read = 0;
        await foreach (var batch in LeadParquet.ReadBatchesAsync(leadPath, activityPath))
        {
            read += batch.Leads.Length;
        }

        return read;
    });

    private static long Run(Func<Task<long>> body) => body().GetAwaiter().GetResult();
}
