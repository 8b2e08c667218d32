using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>How long deals stay in one stage.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record StageVelocity
{
    [JsonConstructor]
    internal StageVelocity(string stage, int deals, TimeSpan average, TimeSpan median)
    {
        Stage = stage;
        Deals = deals;
        Average = average;
        Median = median;
    }

    /// <summary>Gets the stage's name.</summary>
    public string Stage { get; internal init; }

    /// <summary>Gets how many deals have been in it.</summary>
    public int Deals { get; internal init; }

    /// <summary>Gets the average cumulative time a deal spent in it.</summary>
    public TimeSpan Average { get; internal init; }

    /// <summary>Gets the median cumulative time a deal spent in it.</summary>
    public TimeSpan Median { get; internal init; }

    /// <summary>Returns it as a log line.</summary>
    /// <returns>For example <c>Create proposal: 4 deals, average 3.12:00:00, median 3.00:00:00</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Stage}: {Deals} deals, average {Average:c}, median {Median:c}");
}
