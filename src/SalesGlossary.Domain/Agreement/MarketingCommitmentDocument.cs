namespace SalesGlossary.Domain;

internal sealed record MarketingCommitmentDocument(int? MqlsPerMonth, decimal? MaxSqlRejectionRatePercent);
