namespace SalesGlossary.Domain.Orleans.Rescoring;

/// <summary>Represents the totals of one page, written back through the source.</summary>
public sealed record RescoredBatch
{
    /// <summary>Gets the job.</summary>
    public required string JobId { get; init; }

    /// <summary>Gets the cluster's model generation every total was computed with.</summary>
    public required long Generation { get; init; }

    /// <summary>Gets the partition.</summary>
    public required int Partition { get; init; }

    /// <summary>Gets the continuation the page was read at (<see langword="null"/> for the first page).</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Continuation { get; init; }

    /// <summary>Gets the totals.</summary>
    public required IReadOnlyList<RescoredContact> Totals { get; init; }
}
