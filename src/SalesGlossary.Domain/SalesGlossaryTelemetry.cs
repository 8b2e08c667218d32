using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SalesGlossary.Domain;

/// <summary>Names the meter and the activity source through which the library reports what it does.</summary>
/// <remarks>
/// <para>
/// The library reports with the BCL alone (<see cref="Meter"/> and <see cref="ActivitySource"/>); subscribe with
/// OpenTelemetry (<c>AddMeter(SalesGlossaryTelemetry.MeterName)</c>, <c>AddSource(SalesGlossaryTelemetry.ActivitySourceName)</c>),
/// <c>dotnet-counters</c> or a <see cref="MeterListener"/>. Names follow OpenTelemetry's semantic-convention style:
/// lowercase, dotted, with units in braces for counts.
/// </para>
/// <para>
/// Instruments: <c>salesglossary.scoring.leads</c> (<c>{lead}</c>, leads scored),
/// <c>salesglossary.scoring.incomplete_leads</c> (<c>{lead}</c>, leads at least one of whose rules failed),
/// <c>salesglossary.scoring.rule_errors</c> (<c>{error}</c>, rule errors of explained scores),
/// <c>salesglossary.scoring.budget_stops</c> (<c>{stop}</c>, evaluations stopped by their budget), each tagged with
/// <c>salesglossary.scoring.model</c> and <c>salesglossary.scoring.mode</c> (<c>explained</c>, <c>bulk</c>, <c>stream</c>,
/// <c>columnar</c> for the columnar package);
/// <c>salesglossary.lifecycle.transitions</c> and <c>salesglossary.deal.transitions</c> (<c>{transition}</c>, tagged with
/// the trigger), <c>salesglossary.lifecycle.refused_moves</c> and <c>salesglossary.deal.refused_moves</c>
/// (<c>{move}</c>, tagged with the trigger refused), and <c>salesglossary.sla.breaches</c> (<c>{breach}</c>,
/// tagged with the breach kind, counted once per breach when <c>Contact.FireSlaTimers</c> records it; evaluating
/// the connect policy again, or firing the timers again, does not count it again).
/// </para>
/// <para>
/// Activities: <c>salesglossary.scoring.model.load</c> and <c>salesglossary.agreement.load</c> around loads,
/// <c>salesglossary.scoring.bulk</c> around a bulk run over an array or resident columns and one per batch of a
/// streaming run.
/// </para>
/// <para>
/// Bulk runs count once per run or batch, never per lead, and nothing is measured or allocated while no listener is
/// attached.
/// </para>
/// </remarks>
public static class SalesGlossaryTelemetry
{
    /// <summary>The name of the library's <see cref="Meter"/>: <c>SalesGlossary.Domain</c>.</summary>
    public const string MeterName = "SalesGlossary.Domain";

    /// <summary>The name of the library's <see cref="ActivitySource"/>: <c>SalesGlossary.Domain</c>.</summary>
    public const string ActivitySourceName = "SalesGlossary.Domain";
}
