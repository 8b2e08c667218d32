namespace SalesGlossary.Domain;

/// <summary>Represents an exclusion of the ideal customer profile: companies that match it are never pursued (negative ICP).</summary>
/// <param name="Name">The exclusion's name, which is also the reason given, for example <c>Competitors</c>.</param>
/// <param name="Criteria">The criteria that identify excluded companies; a company that meets them all is excluded.</param>
public sealed record IcpExclusion(string Name, FirmographicCriteria Criteria);
