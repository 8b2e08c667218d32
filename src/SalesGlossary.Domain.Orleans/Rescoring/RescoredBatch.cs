using System.Globalization;

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

    /// <summary>Compares job, generation, partition, continuation and the totals item by item.</summary>
    /// <param name="other">The other batch.</param>
    /// <returns>Whether both say the same.</returns>
    public bool Equals(RescoredBatch? other) =>
        other is not null && JobId == other.JobId && Generation == other.Generation && Partition == other.Partition && Continuation == other.Continuation && ItemEquality.Same(Totals, other.Totals);

    /// <summary>Combines job, generation, partition, continuation and every total.</summary>
    /// <returns>The hash code; equal batches have equal hash codes.</returns>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(JobId);
        hash.Add(Generation);
        hash.Add(Partition);
        hash.Add(Continuation);
        ItemEquality.AddItems(ref hash, Totals);
        return hash.ToHashCode();
    }

    /// <summary>Returns the batch as a log line: where it belongs and how many totals it holds, not the totals.</summary>
    /// <returns>For example <c>job J-1 partition 3 at generation 2, page at c-1000: 1000 totals</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"job {JobId} partition {Partition} at generation {Generation}, page at {Continuation ?? "the start"}: {Totals?.Count ?? 0} totals");
}
