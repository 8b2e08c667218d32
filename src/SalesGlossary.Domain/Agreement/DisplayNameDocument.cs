namespace SalesGlossary.Domain;

internal sealed record DisplayNameDocument(string? Kind, string? Term, string? Language, string? DisplayName);
