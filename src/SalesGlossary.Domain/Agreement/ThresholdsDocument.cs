namespace SalesGlossary.Domain;

internal sealed record ThresholdsDocument(decimal? Mql, decimal? Sql, Dictionary<string, decimal>? MqlGroups = null);
