namespace SalesGlossary.Domain.Orleans.Rescoring;

/// <summary>Represents one contact's new total, as written back through the source.</summary>
public sealed record RescoredContact
{
    /// <summary>Gets the contact's id.</summary>
    public required string ContactId { get; init; }

    /// <summary>Gets the new score.</summary>
    public required decimal Total { get; init; }

    /// <summary>Gets whether every rule evaluated without an error.</summary>
    public required bool IsComplete { get; init; }

    /// <summary>Gets the scoring model's name.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the scoring model's version.</summary>
    public required string ModelVersion { get; init; }
}
