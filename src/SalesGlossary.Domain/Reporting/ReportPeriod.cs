namespace SalesGlossary.Domain;

/// <summary>A reporting period: from (inclusive) to (exclusive).</summary>
/// <param name="From">The first instant of the period.</param>
/// <param name="To">The instant the period ends (not included).</param>
public sealed record ReportPeriod(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>Gets a value indicating whether an instant lies in the period.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> when <see cref="From"/> ≤ instant &lt; <see cref="To"/>.</returns>
    public bool Contains(DateTimeOffset instant) => instant >= From && instant < To;

    /// <summary>Gets the period's length in months of 30.44 days, for commitments stated per month.</summary>
    public decimal Months => (decimal)(To - From).TotalDays / 30.44m;
}
