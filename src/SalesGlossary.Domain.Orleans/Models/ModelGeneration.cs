namespace SalesGlossary.Domain.Orleans.Models;

/// <summary>A compiled generation: the agreement, its lead types and their scoring models, ready to use.</summary>
internal sealed record ModelGeneration(long Generation, ServiceLevelAgreement Agreement);
