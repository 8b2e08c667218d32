namespace SalesGlossary.Domain.Orleans.Rescoring;

/// <summary>Specifies where a rescoring job applies its totals.</summary>
public enum RescoringTarget
{
    /// <summary>Each total is applied to the contact's grain (stored, recorded with the model version, and moving the contact through its thresholds), once per job.</summary>
    ContactGrains = 0,

    /// <summary>Each page's totals are written back through <see cref="IContactPartitionSource.WriteTotalsAsync"/>.</summary>
    Source = 1,
}

/// <summary>Specifies the status of a rescoring job.</summary>
public enum RescoringStatus
{
    /// <summary>The job was never started.</summary>
    NotStarted = 0,

    /// <summary>The job is running.</summary>
    Running = 1,

    /// <summary>Every partition was rescored.</summary>
    Completed = 2,

    /// <summary>The job was cancelled; contacts rescored before it stay rescored.</summary>
    Cancelled = 3,

    /// <summary>A partition failed; <see cref="RescoringProgress.Failure"/> says why.</summary>
    Failed = 4,
}

/// <summary>Represents how a rescoring job runs.</summary>
[GenerateSerializer]
[Immutable]
[Alias("SalesGlossary.RescoringJobOptions")]
public sealed record RescoringJobOptions
{
    /// <summary>Gets where the totals are applied.</summary>
    /// <value>Default: <see cref="RescoringTarget.ContactGrains"/>.</value>
    [Id(0)]
    public RescoringTarget Target { get; init; } = RescoringTarget.ContactGrains;

    /// <summary>Gets how many contacts a partition reads per page.</summary>
    /// <value>Default: 1,000; between 1 and 100,000.</value>
    [Id(1)]
    public int PageSize { get; init; } = 1_000;

    /// <summary>Gets the instant the scores are computed for.</summary>
    /// <value>Default: <see langword="null"/>, the instant the job starts; every contact of the job is scored as of the same instant.</value>
    [Id(2)]
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>Gets the model generation to score with.</summary>
    /// <value>Default: <see langword="null"/>, the generation current when the job starts. A generation published during the job does not change it: every contact of the job is scored by one generation.</value>
    [Id(3)]
    public long? Generation { get; init; }
}

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

/// <summary>A rescoring job over every partition of the application's <see cref="IContactPartitionSource"/>; the key is the job's id.</summary>
/// <remarks>
/// The job pins one model generation, runs one worker per partition spread over the silos, and watches them: a partition
/// whose silo died is taken over by another silo from its last stored page. Every contact is rescored and applied exactly
/// once per job: a contact grain remembers the jobs that applied a score to it, and a partition resumed after a failure asks
/// before scoring the page it was on.
/// </remarks>
[Alias("SalesGlossary.IRescoringJobGrain")]
public interface IRescoringJobGrain : IGrainWithStringKey
{
    /// <summary>Starts the job; starting it again with the same options returns its progress.</summary>
    /// <param name="options">How the job runs.</param>
    /// <returns>The job's progress.</returns>
    /// <exception cref="InvalidOperationException">The job was started with other options, no generation is published, or no <see cref="IContactPartitionSource"/> is registered in the silo.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The page size is out of range, or the generation is not in the registry.</exception>
    [Alias("Start")]
    Task<RescoringProgress> StartAsync(RescoringJobOptions options);

    /// <summary>Gets the job's progress.</summary>
    /// <returns>The progress, as of the job's last look at its partitions.</returns>
    [Alias("GetProgress")]
    Task<RescoringProgress> GetProgressAsync();

    /// <summary>Cancels the job: partitions stop after the page they are on.</summary>
    /// <returns>The job's progress.</returns>
    [Alias("Cancel")]
    Task<RescoringProgress> CancelAsync();
}
