using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>How often sales returned handed-over leads to marketing, and why.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record RejectionReport
{
    [JsonConstructor]
    internal RejectionReport(int handedOver, int returned, decimal ratePercent, IReadOnlyList<ReasonCount> byReason)
    {
        HandedOver = handedOver;
        Returned = returned;
        RatePercent = ratePercent;
        ByReason = byReason;
    }

    /// <summary>Gets handoffs to sales in the period: entries into a stage sales owns from one another team owns, as the agreement assigns ownership.</summary>
    public int HandedOver { get; internal init; }

    /// <summary>Gets returns to marketing in the period.</summary>
    public int Returned { get; internal init; }

    /// <summary>Gets returned as a share of handed over, in percent; 0 when none was handed over.</summary>
    public decimal RatePercent { get; internal init; }

    /// <summary>Gets the returns per reason, most frequent first.</summary>
    public IReadOnlyList<ReasonCount> ByReason { get; internal init => field = ValueList<ReasonCount>.From(value); }

    /// <summary>Returns the report as a log line: handoffs, returns, the rate and the reasons.</summary>
    /// <returns>For example <c>12 of 40 handed over returned (30 %): NotReady 8, WrongPerson 4</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Returned} of {HandedOver} handed over returned ({RatePercent} %){(ByReason.Count == 0 ? string.Empty : ": " + string.Join(", ", ByReason.Select(r => r.Reason + " " + r.Count.ToString(CultureInfo.InvariantCulture))))}");
}
