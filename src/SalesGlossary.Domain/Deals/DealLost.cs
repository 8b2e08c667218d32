using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents a lost deal; the lost reason is the record's reason.</summary>
public sealed record DealLost : DealEvent
{
    [JsonConstructor]
    internal DealLost()
    {
    }
}
