namespace SalesGlossary.Domain;

internal sealed record LeadTypeDocument(
    string? Key,
    string? Name,
    string? Description,
    string? ScoringModel,
    ThresholdsDocument? Thresholds,
    string? Pipeline,
    string? ConnectPolicy);
