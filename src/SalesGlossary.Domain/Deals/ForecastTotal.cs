using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>The total of one forecast category.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record ForecastTotal
{
    [JsonConstructor]
    internal ForecastTotal(ForecastCategory category, int deals, decimal amount, decimal weighted)
    {
        Category = category;
        Deals = deals;
        Amount = amount;
        Weighted = weighted;
    }

    /// <summary>Gets the forecast category.</summary>
    public ForecastCategory Category { get; internal init; }

    /// <summary>Gets how many deals count towards it.</summary>
    public int Deals { get; internal init; }

    /// <summary>Gets their total amount.</summary>
    public decimal Amount { get; internal init; }

    /// <summary>Gets their total weighted amount (amount × probability).</summary>
    public decimal Weighted { get; internal init; }

    /// <summary>Returns the total as a log line.</summary>
    /// <returns>For example <c>Commit: 3 deals, 120000 (weighted 96000)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Category.Name}: {Deals} deals, {Amount} (weighted {Weighted})");
}
