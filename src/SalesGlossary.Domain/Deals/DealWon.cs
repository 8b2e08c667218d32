using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents a won deal.</summary>
public sealed record DealWon : DealEvent
{
    [JsonConstructor]
    internal DealWon()
    {
    }
}
