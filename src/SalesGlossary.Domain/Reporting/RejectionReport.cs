using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>How often sales returned handed-over leads to marketing, and why.</summary>
/// <param name="HandedOver">Handoffs to sales in the period: entries into a stage sales owns from one another team owns, as the agreement assigns ownership.</param>
/// <param name="Returned">Returns to marketing in the period.</param>
/// <param name="RatePercent">Returned as a share of handed over, in percent; 0 when none was handed over.</param>
/// <param name="ByReason">The returns per reason, most frequent first.</param>
public sealed record RejectionReport(int HandedOver, int Returned, decimal RatePercent, IReadOnlyList<ReasonCount> ByReason)
{
    /// <summary>Returns the report as a log line: handoffs, returns, the rate and the reasons.</summary>
    /// <returns>For example <c>12 of 40 handed over returned (30 %): NotReady 8, WrongPerson 4</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Returned} of {HandedOver} handed over returned ({RatePercent} %){(ByReason.Count == 0 ? string.Empty : ": " + string.Join(", ", ByReason.Select(r => r.Reason + " " + r.Count.ToString(CultureInfo.InvariantCulture))))}");
}
