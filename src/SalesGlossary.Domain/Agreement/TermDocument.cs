namespace SalesGlossary.Domain;

internal sealed record TermDocument(string? Name, int? Number, string? DisplayName);
