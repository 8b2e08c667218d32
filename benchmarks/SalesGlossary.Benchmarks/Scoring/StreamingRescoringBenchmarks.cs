using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using SalesGlossary.Domain;

namespace SalesGlossary.Benchmarks.Scoring;

/// <summary>
/// Streams 10 million generated leads through <c>ScoreEachAsync</c> (parallel batches) in one process and reports the
/// process's peak working set: memory must stay flat however many leads pass.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
[MemoryDiagnoser]
[JsonExporterAttribute.Full]
[MarkdownExporterAttribute.GitHub]
public class StreamingRescoringBenchmarks
{
    private LeadScoringModel<LeadFacts, LeadActivity> model = null!;

    [Params(10_000_000)]
    public int Leads { get; set; }

    [GlobalSetup]
    public void Setup() => model = LeadScoringModel.LoadSample();

    [Benchmark]
    public async Task<decimal> StreamTenMillionLeads()
    {
        var sum = 0m;
        await foreach (var scored in model.ScoreEachAsync(Generate(Leads), BenchmarkLeads.AsOf).ConfigureAwait(false))
        {
            sum += scored.Total;
        }

        return sum;
    }

    [GlobalCleanup]
    public void ReportPeakMemory()
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// PeakWorkingSet: {process.PeakWorkingSet64 / (1024 * 1024)} MB after streaming {Leads} leads"));
    }

    private static async IAsyncEnumerable<LeadFacts> Generate(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var random = new Random(7);
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return BenchmarkLeads.Next(random, i);
            if (i % 65_536 == 0)
            {
                await Task.Yield();
            }
        }
    }
}
