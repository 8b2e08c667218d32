namespace SalesGlossary.Domain.Orleans.Rescoring;

/// <summary>Starts rescoring jobs and waits for them from a client or a grain.</summary>
public static class RescoringJobs
{
    /// <summary>Starts a rescoring job (or returns the progress of the job with this id started with the same options).</summary>
    /// <param name="grains">The grain factory (a client's or a grain's).</param>
    /// <param name="jobId">The job's id; a contact is rescored once per job id.</param>
    /// <param name="options">How the job runs; <see langword="null"/> for the defaults.</param>
    /// <returns>The job's progress.</returns>
    /// <exception cref="ArgumentException"><paramref name="jobId"/> is blank.</exception>
    /// <exception cref="InvalidOperationException">See <see cref="IRescoringJobGrain.StartAsync"/>.</exception>
    public static Task<RescoringProgress> StartRescoringAsync(this IGrainFactory grains, string jobId, RescoringJobOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        return grains.GetGrain<IRescoringJobGrain>(jobId).StartAsync(options ?? new RescoringJobOptions());
    }

    /// <summary>Waits for a rescoring job to finish, reporting its progress as it goes.</summary>
    /// <param name="grains">The grain factory (a client's or a grain's).</param>
    /// <param name="jobId">The job's id.</param>
    /// <param name="progress">Receives the progress after each look, or <see langword="null"/>.</param>
    /// <param name="pollInterval">How often to look; <see langword="null"/> for half a second.</param>
    /// <param name="cancelJobOnCancellation">Whether cancelling the wait cancels the job.</param>
    /// <param name="cancellationToken">Stops waiting; cancels the job too when <paramref name="cancelJobOnCancellation"/> is set.</param>
    /// <returns>The job's final progress.</returns>
    /// <remarks>Looking at the job also re-activates it on a live silo should its silo have died; a look that fails while the cluster notices a dead silo is repeated.</remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<RescoringProgress> WaitForRescoringAsync(
        this IGrainFactory grains,
        string jobId,
        IProgress<RescoringProgress>? progress = null,
        TimeSpan? pollInterval = null,
        bool cancelJobOnCancellation = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        var job = grains.GetGrain<IRescoringJobGrain>(jobId);
        var interval = pollInterval ?? TimeSpan.FromMilliseconds(500);
        try
        {
            while (true)
            {
                RescoringProgress now;
                try
                {
                    now = await job.GetProgressAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is OrleansException or TimeoutException)
                {
                    // The job's silo is dying: once the cluster declares it dead, the next look re-activates the job elsewhere.
                    await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                progress?.Report(now);
                if (now.IsFinished)
                {
                    return now;
                }

                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancelJobOnCancellation)
        {
            await job.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }
}
