namespace SalesGlossary.Domain.Orleans.Rescoring;

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
