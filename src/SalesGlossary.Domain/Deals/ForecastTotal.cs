using System.Globalization;

namespace SalesGlossary.Domain;

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
