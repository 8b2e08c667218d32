using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>The forecast of a set of deals.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record PipelineForecast
{
    [JsonConstructor]
    internal PipelineForecast(decimal weightedPipeline, IReadOnlyList<ForecastTotal> categories)
    {
        WeightedPipeline = weightedPipeline;
        Categories = categories;
    }

    /// <summary>Gets the weighted amount of the open deals (amount × probability).</summary>
    public decimal WeightedPipeline { get; internal init; }

    /// <summary>Gets the totals per forecast category, in category order; every category is listed.</summary>
    public IReadOnlyList<ForecastTotal> Categories { get; internal init => field = ValueList<ForecastTotal>.From(value); }

    /// <summary>Gets the total of one category.</summary>
    /// <param name="category">The category.</param>
    /// <returns>Its total.</returns>
    public ForecastTotal this[ForecastCategory category] => Categories.Single(c => c.Category == category);

    /// <summary>Returns the forecast as a log line.</summary>
    /// <returns>For example <c>weighted pipeline 150000; Pipeline: 4 deals, 200000 (weighted 54000); Commit: …</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"weighted pipeline {WeightedPipeline}; {string.Join("; ", Categories)}");
}
