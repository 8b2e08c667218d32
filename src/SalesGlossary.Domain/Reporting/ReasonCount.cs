namespace SalesGlossary.Domain;

/// <summary>How often one reason was given.</summary>
/// <param name="Reason">The reason.</param>
/// <param name="Count">How often.</param>
public sealed record ReasonCount(string Reason, int Count);
