using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SalesGlossary.Benchmarks.Scoring;
using SalesGlossary.Domain;

namespace SalesGlossary.Benchmarks.Telemetry;

/// <summary>
/// What the library's metrics and traces cost the scoring paths, per lead: each path once with no listener (the
/// category's baseline) and once with a <see cref="MeterListener"/> on every instrument of the library plus an
/// <see cref="ActivityListener"/> recording every activity, on the same leads and the same model.
/// </summary>
/// <remarks>
/// The listening cases attach their listeners in their <see cref="GlobalSetupAttribute"/> and detach them in
/// <see cref="GlobalCleanupAttribute"/>; a baseline's setup fails if a listener is still attached, so the comparison holds
/// in a process of its own per case and with <c>--inProcess</c> alike. Each operation is one lead, each invocation scores
/// thousands of them, so the timer's resolution plays no part. The <c>Call</c> category measures the instrumentation
/// call itself (one per bulk run or batch) with and without a listener: what the bulk path pays per run.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[JsonExporterAttribute.Full]
[MarkdownExporterAttribute.GitHub]
public class TelemetryOverheadBenchmarks
{
    public const int Leads = 20_000;
    public const int ExplainedLeads = 2_000;
    public const int Calls = 100_000;

    private LeadFacts[] leads = [];
    private decimal[] totals = [];
    private LeadScoringModel<LeadFacts, LeadActivity> model = null!;
    private BulkScoringOptions parallel = null!;
    private MeterListener? meters;
    private ActivityListener? activities;
    private long measured;
    private long activitiesStopped;

    [GlobalSetup(Targets = [nameof(BulkTotals), nameof(BulkTotalsParallel), nameof(Explained), nameof(ScoredCall)])]
    public void SetupWithoutListener()
    {
        Prepare();
        if (Source.HasListeners() || measured != 0)
        {
            throw new InvalidOperationException("A listener is attached to a baseline: the benchmark would compare nothing.");
        }
    }

    [GlobalSetup(Targets = [nameof(BulkTotalsListening), nameof(BulkTotalsParallelListening), nameof(ExplainedListening), nameof(ScoredCallListening)])]
    public void SetupWithListener()
    {
        Prepare();
        meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == SalesGlossaryTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref measured, value));
        meters.Start();
        activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SalesGlossaryTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ => Interlocked.Increment(ref activitiesStopped),
        };
        ActivitySource.AddActivityListener(activities);

        // The listeners must see what the listening cases claim to pay for: measurements of the span path, an activity of the parallel path.
        model.ScoreTotals(leads.AsSpan(), BenchmarkLeads.AsOf, totals.AsSpan());
        model.ScoreTotalsParallel(leads, BenchmarkLeads.AsOf, totals, null, parallel);
        if (Interlocked.Read(ref measured) < 2 * Leads || Interlocked.Read(ref activitiesStopped) == 0)
        {
            throw new InvalidOperationException("The listeners saw no measurement or no activity: the benchmark would compare nothing.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        meters?.Dispose();
        activities?.Dispose();
    }

    /// <summary>The single-threaded totals path over a span, no listener: one <c>Enabled</c> test per call of 20,000 leads.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Leads)]
    [BenchmarkCategory("Totals")]
    public long BulkTotals() => model.ScoreTotals(leads.AsSpan(), BenchmarkLeads.AsOf, totals.AsSpan()).Scored;

    /// <summary>The same, listening: one measurement per call.</summary>
    [Benchmark(OperationsPerInvoke = Leads)]
    [BenchmarkCategory("Totals")]
    public long BulkTotalsListening() => model.ScoreTotals(leads.AsSpan(), BenchmarkLeads.AsOf, totals.AsSpan()).Scored;

    /// <summary>The parallel totals path over an array, no listener.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Leads)]
    [BenchmarkCategory("TotalsParallel")]
    public long BulkTotalsParallel() => model.ScoreTotalsParallel(leads, BenchmarkLeads.AsOf, totals, null, parallel).Scored;

    /// <summary>The same, listening: one activity and one measurement per run.</summary>
    [Benchmark(OperationsPerInvoke = Leads)]
    [BenchmarkCategory("TotalsParallel")]
    public long BulkTotalsParallelListening() => model.ScoreTotalsParallel(leads, BenchmarkLeads.AsOf, totals, null, parallel).Scored;

    /// <summary>The explained path, no listener.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = ExplainedLeads)]
    [BenchmarkCategory("Explained")]
    public decimal Explained() => ExplainAll();

    /// <summary>The same, listening: one measurement per lead, the worst case.</summary>
    [Benchmark(OperationsPerInvoke = ExplainedLeads)]
    [BenchmarkCategory("Explained")]
    public decimal ExplainedListening() => ExplainAll();

    /// <summary>The instrumentation call a bulk run makes once, no listener: what the disabled path costs by construction.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    [BenchmarkCategory("Call")]
    public void ScoredCall() => CallScored();

    /// <summary>The same call, listening: two tags and one measurement delivered.</summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    [BenchmarkCategory("Call")]
    public void ScoredCallListening() => CallScored();

    private static ActivitySource Source => DomainTelemetry.Source;

    private void Prepare()
    {
        leads = BenchmarkLeads.Create(Leads);
        totals = new decimal[Leads];
        model = LeadScoringModel.LoadSample();
        parallel = new BulkScoringOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
    }

    private decimal ExplainAll()
    {
        var sum = 0m;
        for (var i = 0; i < ExplainedLeads; i++)
        {
            sum += model.Score(leads[i], BenchmarkLeads.AsOf).Total;
        }

        return sum;
    }

    private void CallScored()
    {
        for (var i = 0; i < Calls; i++)
        {
            DomainTelemetry.Scored(model.Name, DomainTelemetry.Bulk, Leads, 0);
        }
    }
}
