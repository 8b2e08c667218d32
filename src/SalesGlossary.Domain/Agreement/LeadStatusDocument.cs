namespace SalesGlossary.Domain;

internal sealed record LeadStatusDocument(string? Name, int? Number, string? DisplayName, bool? Open, bool? Working, bool? Connected, bool? Closed);
