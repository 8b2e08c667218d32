using Orleans.Concurrency;

namespace SalesGlossary.Domain.Orleans.Rescoring;

/// <summary>One partition of a rescoring job; the key is the job's id, a slash, and the partition number.</summary>
[Alias("SalesGlossary.IRescoringPartitionGrain")]
internal interface IRescoringPartitionGrain : IGrainWithStringKey
{
    /// <summary>Starts the partition unless it is running or finished, and returns how far it got; answered even while a page is being rescored.</summary>
    [AlwaysInterleave]
    [Alias("EnsureRunning")]
    Task<PartitionReport> EnsureRunningAsync(PartitionAssignment assignment);

    /// <summary>Asks the partition to stop after the page it is on, and returns once it has stopped.</summary>
    [AlwaysInterleave]
    [Alias("Cancel")]
    Task CancelAsync();

    /// <summary>Rescores the next page; queues itself again until the partition is finished.</summary>
    [Alias("RunPage")]
    Task RunPageAsync(PartitionAssignment assignment);
}
