namespace SalesGlossary.Domain;

/// <summary>What marketing commits to in the agreement.</summary>
/// <param name="MqlsPerMonth">The qualified leads marketing hands to sales per month.</param>
/// <param name="MaxSqlRejectionRatePercent">The highest share of handed-over leads sales may return; above it the MQL definition needs work.</param>
/// <remarks>What sales commits to (first touch, attempts, channels, spacing) is each lead type's connect policy.</remarks>
public sealed record MarketingCommitment(int MqlsPerMonth, decimal MaxSqlRejectionRatePercent);
