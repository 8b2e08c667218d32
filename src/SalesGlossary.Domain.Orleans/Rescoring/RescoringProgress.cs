using System.Globalization;

namespace SalesGlossary.Domain.Orleans.Rescoring;

/// <summary>Represents how far a rescoring job got.</summary>
[GenerateSerializer]
[Immutable]
[Alias("SalesGlossary.RescoringProgress")]
public sealed record RescoringProgress
{
    /// <summary>Gets the job's id.</summary>
    [Id(0)]
    public required string JobId { get; init; }

    /// <summary>Gets the job's status.</summary>
    [Id(1)]
    public required RescoringStatus Status { get; init; }

    /// <summary>Gets the model generation the job scores with (0 before it started).</summary>
    [Id(2)]
    public required long Generation { get; init; }

    /// <summary>Gets the number of partitions.</summary>
    [Id(3)]
    public required int Partitions { get; init; }

    /// <summary>Gets the number of partitions finished.</summary>
    [Id(4)]
    public required int PartitionsDone { get; init; }

    /// <summary>Gets the contacts rescored and applied by the job, each counted once; equal to the contacts read when the job completes.</summary>
    [Id(5)]
    public required long Rescored { get; init; }

    /// <summary>Gets, of <see cref="Rescored"/>, the contacts found already applied when a page was resumed after a failure (a silo that died mid-page): counted, not scored again.</summary>
    [Id(6)]
    public required long Skipped { get; init; }

    /// <summary>Gets the contacts whose score had rule errors (included in <see cref="Rescored"/>).</summary>
    [Id(7)]
    public required long Incomplete { get; init; }

    /// <summary>Gets the contacts rescored on each silo, by the silo's address (a page cut short by a dying silo counts where it was resumed).</summary>
    [Id(8)]
    public required IReadOnlyDictionary<string, long> PerSilo { get; init; }

    /// <summary>Gets why the job failed, or <see langword="null"/>.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    [Id(9)]
    public string? Failure { get; init; }

    /// <summary>Gets whether the job stopped: completed, cancelled or failed.</summary>
    public bool IsFinished => Status is RescoringStatus.Completed or RescoringStatus.Cancelled or RescoringStatus.Failed;

    /// <summary>Compares every figure, the failure, and the per-silo counts entry by entry (in any order).</summary>
    /// <param name="other">The other progress.</param>
    /// <returns>Whether both say the same.</returns>
    public bool Equals(RescoringProgress? other) =>
        other is not null && JobId == other.JobId && Status == other.Status && Generation == other.Generation && Partitions == other.Partitions &&
        PartitionsDone == other.PartitionsDone && Rescored == other.Rescored && Skipped == other.Skipped && Incomplete == other.Incomplete &&
        Failure == other.Failure && ItemEquality.Same(PerSilo, other.PerSilo);

    /// <summary>Combines every figure, the failure and every per-silo count.</summary>
    /// <returns>The hash code; equal progresses have equal hash codes.</returns>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(JobId);
        hash.Add(Status);
        hash.Add(Generation);
        hash.Add(Partitions);
        hash.Add(PartitionsDone);
        hash.Add(Rescored);
        hash.Add(Skipped);
        hash.Add(Incomplete);
        hash.Add(Failure);
        ItemEquality.AddEntries(ref hash, PerSilo);
        return hash.ToHashCode();
    }

    /// <summary>Returns the progress as a log line: the counts, not the per-silo table.</summary>
    /// <returns>For example <c>job J-1 Running at generation 2: 3 of 8 partitions done, 12000 rescored (5 skipped, 2 incomplete) on 3 silos</c>, with <c>; failed: …</c> when it failed.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"job {JobId} {Status} at generation {Generation}: {PartitionsDone} of {Partitions} partitions done, {Rescored} rescored ({Skipped} skipped, {Incomplete} incomplete) on {PerSilo?.Count ?? 0} silos") +
        (Failure is null ? string.Empty : "; failed: " + Failure);
}
