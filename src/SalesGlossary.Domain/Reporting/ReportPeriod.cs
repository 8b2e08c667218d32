using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>A reporting period: from (inclusive) to (exclusive).</summary>
/// <remarks>
/// <see cref="From"/> and <see cref="To"/> are compared as instants, whatever their offsets. A period whose start equals its
/// end is empty: it contains no instant, so a report over it counts nothing and commits to nothing (<see cref="Months"/> is 0).
/// A start after the end is refused.
/// </remarks>
public sealed record ReportPeriod
{
    /// <summary>Initializes a new period.</summary>
    /// <param name="from">The first instant of the period.</param>
    /// <param name="to">The instant the period ends (not included); at or after <paramref name="from"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="from"/> is after <paramref name="to"/>; the message names both.</exception>
    public ReportPeriod(DateTimeOffset from, DateTimeOffset to)
    {
        if (from > to)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "The period's start {0:O} is after its end {1:O}; swap them.", from, to),
                nameof(from));
        }

        From = from;
        To = to;
    }

    /// <summary>Gets the first instant of the period.</summary>
    public DateTimeOffset From { get; }

    /// <summary>Gets the instant the period ends (not included).</summary>
    public DateTimeOffset To { get; }

    /// <summary>Gets the period's length in months of 30.44 days, for commitments stated per month.</summary>
    public decimal Months => (decimal)(To - From).TotalDays / 30.44m;

    /// <summary>Gets a value indicating whether an instant lies in the period.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> when <see cref="From"/> ≤ instant &lt; <see cref="To"/>.</returns>
    public bool Contains(DateTimeOffset instant) => instant >= From && instant < To;

    /// <summary>Returns the period in interval notation, for example <c>[2026-03-01T00:00:00.0000000+00:00, 2026-04-01T00:00:00.0000000+00:00)</c>.</summary>
    /// <returns>The period as text, culture-invariant.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{From:O}, {To:O})");
}
