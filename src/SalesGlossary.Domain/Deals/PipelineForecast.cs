using System.Globalization;

namespace SalesGlossary.Domain;

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
