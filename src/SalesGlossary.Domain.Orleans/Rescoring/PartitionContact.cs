namespace SalesGlossary.Domain.Orleans.Rescoring;

/// <summary>Represents one contact of a partition, as a rescoring job reads it.</summary>
/// <param name="ContactId">The contact's id; also its grain's key.</param>
/// <param name="LeadType">The key of the contact's lead type, which chooses the scoring model.</param>
/// <param name="Lead">What is known about the lead.</param>
public sealed record PartitionContact(string ContactId, string LeadType, LeadFacts Lead);
