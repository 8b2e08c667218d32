namespace SalesGlossary.Domain;

/// <summary>Reports how far a bulk run has come.</summary>
/// <param name="Scored">How many leads are scored so far.</param>
/// <param name="Total">How many leads there are, or <see langword="null"/> for a stream of unknown length.</param>
public readonly record struct BulkScoringProgress(long Scored, long? Total);
