using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using SalesGlossary.Benchmarks.Scoring;
using SalesGlossary.Domain.Scoring;
using SalesGlossary.Domain;

namespace SalesGlossary.Benchmarks.Telemetry;

/// <summary>
/// What the library's metrics and traces cost the scoring paths, per lead: the same work with no listener attached
/// and with a <see cref="MeterListener"/> on every instrument plus an <see cref="ActivityListener"/> recording every
/// activity. Compare the two rows of each method, measured in one run.
/// </summary>
[MemoryDiagnoser]
[JsonExporterAttribute.Full]
[MarkdownExporterAttribute.GitHub]
public class TelemetryOverheadBenchmarks
{
    public const int Leads = 20_000;
    public const int ExplainedLeads = 2_000;

    private LeadFacts[] leads = [];
    private decimal[] totals = [];
    private LeadScoringModel<LeadFacts, LeadActivity> model = null!;
    private BulkScoringOptions parallel = null!;
    private MeterListener? meters;
    private ActivityListener? activities;
    private long measured;

    /// <summary>Gets or sets whether a meter listener and an activity listener are attached.</summary>
    [Params(false, true)]
    public bool Listening { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        leads = BenchmarkLeads.Create(Leads);
        totals = new decimal[Leads];
        model = LeadScoringModel.LoadSample();
        parallel = new BulkScoringOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        if (!Listening)
        {
            return;
        }

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
        };
        ActivitySource.AddActivityListener(activities);

        model.ScoreTotals(leads.AsSpan(), BenchmarkLeads.AsOf, totals.AsSpan());
        if (Interlocked.Read(ref measured) < Leads)
        {
            throw new InvalidOperationException("The listener saw no measurement: the benchmark would compare nothing.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        meters?.Dispose();
        activities?.Dispose();
    }

    /// <summary>The single-threaded totals path over a span: one measurement per call.</summary>
    [Benchmark(OperationsPerInvoke = Leads)]
    public long BulkTotals() => model.ScoreTotals(leads.AsSpan(), BenchmarkLeads.AsOf, totals.AsSpan()).Scored;

    /// <summary>The parallel totals path over an array: one activity and one measurement per run.</summary>
    [Benchmark(OperationsPerInvoke = Leads)]
    public long BulkTotalsParallel() => model.ScoreTotals(leads, BenchmarkLeads.AsOf, totals, null, parallel).Scored;

    /// <summary>The explained path: one measurement per lead, the worst case.</summary>
    [Benchmark(OperationsPerInvoke = ExplainedLeads)]
    public decimal Explained()
    {
        var sum = 0m;
        for (var i = 0; i < ExplainedLeads; i++)
        {
            sum += model.Score(leads[i], BenchmarkLeads.AsOf).Total;
        }

        return sum;
    }
}
