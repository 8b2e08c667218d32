namespace SalesGlossary.Domain.Orleans.Rescoring;

/// <summary>Represents how far a rescoring job got.</summary>
/// <param name="JobId">The job's id.</param>
/// <param name="Status">The job's status.</param>
/// <param name="Generation">The model generation the job scores with (0 before it started).</param>
/// <param name="Partitions">The number of partitions.</param>
/// <param name="PartitionsDone">The number of partitions finished.</param>
/// <param name="Rescored">The contacts rescored and applied by the job, each counted once; equal to the contacts read when the job completes.</param>
/// <param name="Skipped">Of <paramref name="Rescored"/>, the contacts found already applied when a page was resumed after a failure (a silo that died mid-page): counted, not scored again.</param>
/// <param name="Incomplete">The contacts whose score had rule errors (included in <paramref name="Rescored"/>).</param>
/// <param name="PerSilo">The contacts rescored on each silo, by the silo's address (a page cut short by a dying silo counts where it was resumed).</param>
/// <param name="Failure">Why the job failed, or <see langword="null"/>.</param>
[GenerateSerializer]
[Immutable]
[Alias("SalesGlossary.RescoringProgress")]
public sealed record RescoringProgress(
    [property: Id(0)] string JobId,
    [property: Id(1)] RescoringStatus Status,
    [property: Id(2)] long Generation,
    [property: Id(3)] int Partitions,
    [property: Id(4)] int PartitionsDone,
    [property: Id(5)] long Rescored,
    [property: Id(6)] long Skipped,
    [property: Id(7)] long Incomplete,
    [property: Id(8)] IReadOnlyDictionary<string, long> PerSilo,
    [property: Id(9)] string? Failure)
{
    /// <summary>Gets whether the job stopped: completed, cancelled or failed.</summary>
    public bool IsFinished => Status is RescoringStatus.Completed or RescoringStatus.Cancelled or RescoringStatus.Failed;
}
