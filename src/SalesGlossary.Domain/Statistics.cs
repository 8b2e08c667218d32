namespace SalesGlossary.Domain;

/// <summary>The one definition of the median and percentiles that every report uses.</summary>
internal static class Statistics
{
    /// <summary>Gets a percentile of sorted durations, interpolating linearly between the two nearest ranks (the definition of Excel's PERCENTILE.INC); the 50th percentile is the usual median, the mean of the two middle values for an even count.</summary>
    /// <param name="sorted">The durations, sorted ascending; at least one.</param>
    /// <param name="fraction">The percentile as a fraction between 0 and 1.</param>
    /// <returns>The percentile.</returns>
    public static TimeSpan Percentile(IReadOnlyList<TimeSpan> sorted, double fraction)
    {
        var position = fraction * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        var weight = position - lower;
        return TimeSpan.FromTicks(sorted[lower].Ticks + (long)Math.Round((sorted[upper].Ticks - sorted[lower].Ticks) * weight, MidpointRounding.AwayFromZero));
    }

    /// <summary>Gets the median of sorted durations: <see cref="Percentile"/> at one half.</summary>
    /// <param name="sorted">The durations, sorted ascending; at least one.</param>
    /// <returns>The median.</returns>
    public static TimeSpan Median(IReadOnlyList<TimeSpan> sorted) => Percentile(sorted, 0.5);
}
