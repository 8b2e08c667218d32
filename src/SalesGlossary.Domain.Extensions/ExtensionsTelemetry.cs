using System.Diagnostics.Metrics;

namespace SalesGlossary.Domain.Extensions;

/// <summary>The package's instruments, on a meter named like the core's (<see cref="SalesGlossaryTelemetry.MeterName"/>) so one subscription sees both.</summary>
internal sealed class ExtensionsTelemetry : IDisposable
{
    internal const string OutcomeTag = "salesglossary.reload.outcome";

    private readonly Meter meter;
    private readonly bool ownsMeter;

    public ExtensionsTelemetry(IMeterFactory? meterFactory = null)
    {
        ownsMeter = meterFactory is null;
        meter = meterFactory?.Create(SalesGlossaryTelemetry.MeterName) ?? new Meter(SalesGlossaryTelemetry.MeterName);
        Reloads = meter.CreateCounter<long>("salesglossary.agreement.reloads", "{reload}", "Agreement loads that were published or rejected, by outcome.");
    }

    public Counter<long> Reloads { get; }

    public void ObserveGeneration(Func<long> generation) =>
        meter.CreateObservableGauge("salesglossary.agreement.generation", generation, "{generation}", "The generation of the agreement in use: 1 for the first load, one more per published reload.");

    public void Reloaded(AgreementReloadOutcome outcome)
    {
        if (Reloads.Enabled)
        {
            Reloads.Add(1, new KeyValuePair<string, object?>(OutcomeTag, outcome == AgreementReloadOutcome.Published ? "published" : "rejected"));
        }
    }

    public void Dispose()
    {
        if (ownsMeter)
        {
            meter.Dispose();
        }
    }
}
