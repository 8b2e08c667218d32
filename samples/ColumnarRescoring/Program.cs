using System.Diagnostics;
using System.Globalization;
using ColumnarRescoring;
using SalesGlossary.Domain.Arrow;
using SalesGlossary.Domain;

// Rescores N leads read from Parquet files, once through the columnar path (Parquet -> Arrow -> vectorized rules) and
// once through the row path (Parquet -> lead objects -> ScoreTotals), with read and score timed apart and the peak
// memory of each path. Usage: dotnet run -c Release --project samples/ColumnarRescoring [leads] [folder] [both|columnar|row]
// Both paths (the default) also checks that they give the same totals. Files of N leads already in the folder are
// reused, so each path can be measured alone in a fresh process, its peak memory untouched by writing or by the other.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var folder = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "salesglossary-columnar-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
var paths = args.Length > 2 ? args[2] : "both";
if (paths is not ("both" or "columnar" or "row"))
{
    Console.Error.WriteLine($"Unknown path '{paths}'; the known ones are 'both', 'columnar' and 'row'.");
    return 2;
}

Directory.CreateDirectory(folder);
var leadPath = Path.Combine(folder, "leads.parquet");
var activityPath = Path.Combine(folder, "activities.parquet");
var asOf = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
const int RowGroup = 250_000;

try
{
    if (await LeadParquet.CountAsync(leadPath, activityPath) == count)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reusing the {count:N0} leads of {leadPath} and their activities."));
    }
    else
    {
        var written = Stopwatch.StartNew();
        await LeadParquet.WriteAsync(leadPath, activityPath, SampleLeads.Create(count, asOf), RowGroup);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {count:N0} leads to {leadPath} ({new FileInfo(leadPath).Length / 1e6:F1} MB) and their activities ({new FileInfo(activityPath).Length / 1e6:F1} MB) in {written.Elapsed.TotalSeconds:F1} s."));
    }

    var model = LeadScoringModel.LoadSample();
    var columnar = ColumnarScoringModel.Create(model);
    Console.WriteLine($"Rules over columns: {columnar.RulePlans.Count(p => p.IsVectorized)} of {columnar.RulePlans.Count}.");

    var columnarTotals = new decimal[paths == "row" ? 0 : count];
    var rowTotals = new decimal[paths == "columnar" ? 0 : count];
    var columnarRun = paths == "row" ? default : await Measure(async (read, score) =>
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
    var rowRun = paths == "columnar" ? default : await Measure(async (read, score) =>
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

    Console.WriteLine();
    Console.WriteLine("| Path | Read (Parquet to input) | Score | Total | Peak working set |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    if (paths != "row")
    {
        Row("Columnar (Arrow, encode included in score)", columnarRun.Read, columnarRun.Score, columnarRun.Peak);
    }

    if (paths != "columnar")
    {
        Row("Row (lead objects, ScoreTotals)", rowRun.Read, rowRun.Score, rowRun.Peak);
    }

    Console.WriteLine();
    if (paths != "both")
    {
        var totals = paths == "columnar" ? columnarTotals : rowTotals;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{paths} path only: totals of {count:N0} leads (sum {totals.Sum():N2}, {columnarRun.Incomplete + rowRun.Incomplete} incomplete)."));
        return 0;
    }

    if (!columnarTotals.AsSpan().SequenceEqual(rowTotals) || columnarRun.Incomplete != rowRun.Incomplete)
    {
        Console.Error.WriteLine("The columnar and the row path disagree.");
        return 1;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Same totals for all {count:N0} leads (sum {columnarTotals.Sum():N2}, {columnarRun.Incomplete} incomplete). Score: columnar {rowRun.Score.Elapsed / columnarRun.Score.Elapsed:F1}x faster; end to end {(rowRun.Read.Elapsed + rowRun.Score.Elapsed) / (columnarRun.Read.Elapsed + columnarRun.Score.Elapsed):F2}x."));
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

static async Task<Measured> Measure(Func<Stopwatch, Stopwatch, Task<long>> run)
{
    // Each path starts from the same clean heap: what the previous phase left is collected and its memory given back
    // to the system, so the peak below is this path's own.
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
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
    return new Measured(read, score, peak, incomplete);
}

/// <summary>One path's run: read and score time apart, peak working set, incomplete leads.</summary>
internal readonly record struct Measured(Stopwatch Read, Stopwatch Score, long Peak, long Incomplete);
