using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents a change of a deal's amount or expected close date.</summary>
public sealed record DealForecastUpdated : DealEvent
{
    [JsonConstructor]
    internal DealForecastUpdated()
    {
    }
}
