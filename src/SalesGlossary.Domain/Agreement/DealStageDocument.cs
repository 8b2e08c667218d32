namespace SalesGlossary.Domain;

internal sealed record DealStageDocument(string? Name, decimal? Probability, string? Kind, string? Forecast);
