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
}
