namespace SalesGlossary.Domain;

/// <summary>Computes forecasts and velocity over sets of deals.</summary>
public static class DealForecast
{
    /// <summary>Computes the weighted pipeline and the totals per forecast category.</summary>
    /// <param name="deals">The deals.</param>
    /// <param name="includeOnHold">Whether deals on hold count as if in the stage they left (<see langword="true"/>) or are left out (<see langword="false"/>).</param>
    /// <returns>The forecast.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> is <see langword="null"/>.</exception>
    public static PipelineForecast For(IEnumerable<Deal> deals, bool includeOnHold = false)
    {
        Guard.NotNull(deals);
        var counted = new List<(DealStage Stage, decimal Amount)>();
        foreach (var deal in deals)
        {
            if (deal.Stage.Kind == DealStageKind.OnHold)
            {
                if (includeOnHold && deal.ResumeStage is { } resume)
                {
                    counted.Add((resume, deal.Amount));
                }

                continue;
            }

            counted.Add((deal.Stage, deal.Amount));
        }

        var categories = ForecastCategory.List.OrderBy(c => c.Value)
            .Select(category =>
            {
                var members = counted.Where(d => d.Stage.Forecast == category).ToArray();
                return new ForecastTotal(category, members.Length, members.Sum(d => d.Amount), members.Sum(d => d.Amount * d.Stage.Probability / 100m));
            })
            .ToArray();
        var weighted = counted.Where(d => d.Stage.Kind == DealStageKind.Open).Sum(d => d.Amount * d.Stage.Probability / 100m);
        return new PipelineForecast(weighted, categories);
    }

    /// <summary>Computes, per stage, how long deals stayed in it (time on hold counts for the on-hold stage only).</summary>
    /// <param name="deals">The deals.</param>
    /// <returns>One entry per stage any deal has been in, in order of first appearance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<StageVelocity> Velocity(IEnumerable<Deal> deals)
    {
        Guard.NotNull(deals);
        return deals
            .SelectMany(d => d.TimeInStages())
            .GroupBy(t => t.Stage, StringComparer.Ordinal)
            .Select(g =>
            {
                var times = g.Select(t => t.Time).Order().ToArray();
                var median = Statistics.Median(times);
                return new StageVelocity(g.Key, times.Length, TimeSpan.FromTicks((long)times.Average(t => (double)t.Ticks)), median);
            })
            .ToArray();
    }
}
