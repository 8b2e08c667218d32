namespace SalesGlossary.Domain;

internal sealed record ReasonDocument(string? Name, int? Number, string? DisplayName, bool? RequiresExhaustedConnectPolicy);
