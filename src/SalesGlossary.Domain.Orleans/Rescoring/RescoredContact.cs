using System.Globalization;

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

    /// <summary>Returns the total as a log line.</summary>
    /// <returns>For example <c>C-1: 85 by sample-lead-scoring v1.0.0</c>, with <c>, incomplete</c> when a rule failed.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{ContactId}: {Total} by {Model} v{ModelVersion}{(IsComplete ? string.Empty : ", incomplete")}");
}
