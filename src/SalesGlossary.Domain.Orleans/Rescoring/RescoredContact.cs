namespace SalesGlossary.Domain.Orleans.Rescoring;

/// <summary>Represents one contact's new total, as written back through the source.</summary>
/// <param name="ContactId">The contact's id.</param>
/// <param name="Total">The new score.</param>
/// <param name="IsComplete">Whether every rule evaluated without an error.</param>
/// <param name="Model">The scoring model's name.</param>
/// <param name="ModelVersion">The scoring model's version.</param>
public sealed record RescoredContact(string ContactId, decimal Total, bool IsComplete, string Model, string ModelVersion);
