using System.Diagnostics;
using System.Globalization;
using ColumnarRescoring;
using SalesGlossary.Domain.Arrow;
using SalesGlossary.Domain;

// Rescores N leads read from Parquet files, once through the columnar path (Parquet -> Arrow -> vectorized rules) and
// once through the row path (Parquet -> lead objects -> ScoreTotals), with read and score timed apart and the peak
// memory of each path. Usage: dotnet run -c Release --project samples/ColumnarRescoring [leads] [folder]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var folder = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "salesglossary-columnar-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
Directory.CreateDirectory(folder);
var leadPath = Path.Combine(folder, "leads.parquet");
var activityPath = Path.Combine(folder, "activities.parquet");
var asOf = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
const int RowGroup = 250_000;

try
{
    var written = Stopwatch.StartNew();
    await LeadParquet.WriteAsync(leadPath, activityPath, SampleLeads.Create(count, asOf), RowGroup);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Wrote {count:N0} leads to {leadPath} ({new FileInfo(leadPath).Length / 1e6:F1} MB) and their activities ({new FileInfo(activityPath).Length / 1e6:F1} MB) in {written.Elapsed.TotalSeconds:F1} s."));

    var model = LeadScoringModel.LoadSample();
    var columnar = ColumnarScoringModel.Create(model);
    Console.WriteLine($"Rules over columns: {columnar.RulePlans.Count(p => p.IsVectorized)} of {columnar.RulePlans.Count}.");

    // Columnar path.
    var columnarTotals = new decimal[count];
    var (columnarRead, columnarScore, columnarPeak, columnarIncomplete) = await Measure(async (read, score) =>
    {
        long incomplete = 0;
        var offset = 0;
        var enumerator = LeadParquet.ReadBatchesAsync(leadPath, activityPath).GetAsyncEnumerator();
        try
        {
            while (true)
            {
                read.Start();
                var more = await enumerator.MoveNextAsync();
                read.Stop();
                if (!more)
                {
                    break;
                }

                score.Start();
                var batch = enumerator.Current;
                var leads = ColumnarLeads.FromArrow(batch.Leads, batch.Activities);
                incomplete += columnar.ScoreTotals(leads, asOf, columnarTotals.AsSpan(offset, leads.Count)).Incomplete;
                offset += leads.Count;
                score.Stop();
            }
        }
        finally
        {
            await enumerator.DisposeAsync();
        }

        return incomplete;
    });

    // Row path.
    var rowTotals = new decimal[count];
    var (rowRead, rowScore, rowPeak, rowIncomplete) = await Measure(async (read, score) =>
    {
        long incomplete = 0;
        var offset = 0;
        var enumerator = LeadParquet.ReadLeadsAsync(leadPath, activityPath).GetAsyncEnumerator();
        try
        {
            while (true)
            {
                read.Start();
                var more = await enumerator.MoveNextAsync();
                read.Stop();
                if (!more)
                {
                    break;
                }

                score.Start();
                var leads = enumerator.Current;
                incomplete += model.ScoreTotals(leads, asOf, rowTotals.AsSpan(offset, leads.Length)).Incomplete;
                offset += leads.Length;
                score.Stop();
            }
        }
        finally
        {
            await enumerator.DisposeAsync();
        }

        return incomplete;
    });

    if (!columnarTotals.AsSpan().SequenceEqual(rowTotals) || columnarIncomplete != rowIncomplete)
    {
        Console.Error.WriteLine("The columnar and the row path disagree.");
        return 1;
    }

    Console.WriteLine();
    Console.WriteLine("| Path | Read (Parquet to input) | Score | Total | Peak working set |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    Row("Columnar (Arrow, encode included in score)", columnarRead, columnarScore, columnarPeak);
    Row("Row (lead objects, ScoreTotals)", rowRead, rowScore, rowPeak);
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Same totals for all {count:N0} leads (sum {columnarTotals.Sum():N2}, {columnarIncomplete} incomplete). Score: columnar {rowScore.Elapsed / columnarScore.Elapsed:F1}x faster; end to end {(rowRead.Elapsed + rowScore.Elapsed) / (columnarRead.Elapsed + columnarScore.Elapsed):F2}x."));
    return 0;
}
finally
{
    if (args.Length < 2)
    {
        Directory.Delete(folder, recursive: true);
    }
}

void Row(string name, Stopwatch read, Stopwatch score, long peak) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {read.Elapsed.TotalSeconds:F2} s | {score.Elapsed.TotalSeconds:F2} s | {(read.Elapsed + score.Elapsed).TotalSeconds:F2} s | {peak / 1e6:F0} MB |"));

static async Task<(Stopwatch Read, Stopwatch Score, long Peak, long Incomplete)> Measure(Func<Stopwatch, Stopwatch, Task<long>> run)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var read = new Stopwatch();
    var score = new Stopwatch();
    long peak = 0;
    using var done = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        using var process = Process.GetCurrentProcess();
        while (!done.IsCancellationRequested)
        {
            process.Refresh();
            peak = Math.Max(peak, process.WorkingSet64);
            await Task.Delay(10).ConfigureAwait(false);
        }
    });
    var incomplete = await run(read, score);
    await done.CancelAsync();
    await sampler;
    return (read, score, peak, incomplete);
}
