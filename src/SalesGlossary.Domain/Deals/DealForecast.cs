using System.Globalization;

namespace SalesGlossary.Domain.Deals;

/// <summary>The total of one forecast category.</summary>
/// <param name="Category">The forecast category.</param>
/// <param name="Deals">How many deals count towards it.</param>
/// <param name="Amount">Their total amount.</param>
/// <param name="Weighted">Their total weighted amount (amount × probability).</param>
public sealed record ForecastTotal(ForecastCategory Category, int Deals, decimal Amount, decimal Weighted)
{
    /// <summary>Returns the total as a log line.</summary>
    /// <returns>For example <c>Commit: 3 deals, 120000 (weighted 96000)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Category.Name}: {Deals} deals, {Amount} (weighted {Weighted})");
}

/// <summary>The forecast of a set of deals.</summary>
/// <param name="WeightedPipeline">The weighted amount of the open deals (amount × probability).</param>
/// <param name="Categories">The totals per forecast category, in category order; every category is listed.</param>
public sealed record PipelineForecast(decimal WeightedPipeline, IReadOnlyList<ForecastTotal> Categories)
{
    /// <summary>Gets the total of one category.</summary>
    /// <param name="category">The category.</param>
    /// <returns>Its total.</returns>
    public ForecastTotal this[ForecastCategory category] => Categories.Single(c => c.Category == category);

    /// <summary>Returns the forecast as a log line.</summary>
    /// <returns>For example <c>weighted pipeline 150000; Pipeline: 4 deals, 200000 (weighted 54000); Commit: …</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"weighted pipeline {WeightedPipeline}; {string.Join("; ", Categories)}");
}

/// <summary>How long deals stay in one stage.</summary>
/// <param name="Stage">The stage's name.</param>
/// <param name="Deals">How many deals have been in it.</param>
/// <param name="Average">The average cumulative time a deal spent in it.</param>
/// <param name="Median">The median cumulative time a deal spent in it.</param>
public sealed record StageVelocity(string Stage, int Deals, TimeSpan Average, TimeSpan Median);

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
