namespace SalesGlossary.Domain;

/// <summary>Represents a breach of the connect policy found when an SLA timer fired.</summary>
public sealed record SlaBreached : ContactEvent
{
    /// <summary>Gets the breach: what was due when, and what fell short.</summary>
    public required SlaBreach Breach { get; init; }
}
