namespace SalesGlossary.Domain;

/// <summary>Represents the criteria a company must meet to be in one tier of the ideal customer profile.</summary>
/// <param name="Tier">The tier the criteria define; Tier 1, 2 or 3.</param>
/// <param name="Criteria">The firmographic criteria the company must all meet.</param>
public sealed record IcpTierDefinition(IcpTier Tier, FirmographicCriteria Criteria);
