namespace SalesGlossary.Domain;

internal sealed record RequalificationDocument(decimal? MinimumNewPoints, decimal? CoolOffDays, string? CountHandoffs);
