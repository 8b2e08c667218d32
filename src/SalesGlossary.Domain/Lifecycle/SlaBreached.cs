using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents a breach of the connect policy found when an SLA timer fired.</summary>
public sealed record SlaBreached : ContactEvent
{
    [JsonConstructor]
    internal SlaBreached()
    {
    }

    /// <summary>Gets the breach: what was due when, and what fell short.</summary>
    [JsonInclude]
    [JsonRequired]
    public SlaBreach Breach { get; internal init; } = null!;

    /// <inheritdoc/>
    private protected override string Details => string.Create(CultureInfo.InvariantCulture, $"{Breach.Rule} due {Breach.DueAt:O}: {Breach.Message}");
}
