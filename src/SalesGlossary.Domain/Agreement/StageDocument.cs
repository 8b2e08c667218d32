namespace SalesGlossary.Domain;

internal sealed record StageDocument(string? Name, int? Number, string? DisplayName, string? Abbreviation, string? After, decimal? EntryMinimumScore);
