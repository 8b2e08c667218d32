namespace SalesGlossary.Domain.Orleans.Rescoring;

/// <summary>Represents the totals of one page, written back through the source.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Generation">The cluster's model generation every total was computed with.</param>
/// <param name="Partition">The partition.</param>
/// <param name="Continuation">The continuation the page was read at (<see langword="null"/> for the first page).</param>
/// <param name="Totals">The totals.</param>
public sealed record RescoredBatch(string JobId, long Generation, int Partition, string? Continuation, IReadOnlyList<RescoredContact> Totals);
