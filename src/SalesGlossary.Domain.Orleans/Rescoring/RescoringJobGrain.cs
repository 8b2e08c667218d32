using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesGlossary.Domain.Orleans.Models;

namespace SalesGlossary.Domain.Orleans.Rescoring;

internal sealed class RescoringJobGrain(
    [PersistentState("rescoring-job", SalesGlossaryCluster.StorageName)] IPersistentState<RescoringJobRecord> record,
    IServiceProvider services,
    TimeProvider time,
    IOptions<SalesGlossaryClusterOptions> options) : Grain, IRescoringJobGrain, IRescoringJobWake
{
    private IGrainTimer? watch;

    private string JobId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Re-activated after its silo died (woken by a partition or asked for its progress): it resumes watching.
        if (record.State.Status == RescoringStatus.Running)
        {
            Watch();
        }

        return Task.CompletedTask;
    }

    public async Task<RescoringProgress> StartAsync(RescoringJobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (record.State.Status != RescoringStatus.NotStarted)
        {
            return record.State.Options == options
                ? Progress()
                : throw new InvalidOperationException(
                    "Rescoring job '" + JobId + "' was started with other options (" + record.State.Options + "); start a new job with a new id.");
        }

        if (options.PageSize is < 1 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PageSize, "RescoringJobOptions.PageSize must be between 1 and 100,000.");
        }

        var source = services.GetService<IContactPartitionSource>()
            ?? throw new InvalidOperationException("No IContactPartitionSource is registered in this silo's services; register the application's source in every silo.");
        var partitions = source.PartitionCount;
        if (partitions < 1)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The contact source has {partitions} partitions; it needs at least one."));
        }

        var registry = ModelRegistry.Get(GrainFactory);
        var generation = options.Generation is { } pinned
            ? (await registry.GetAsync(pinned)).Generation
            : (await registry.GetCurrentAsync())?.Generation
                ?? throw new InvalidOperationException("No agreement has been published to the cluster; publish one with IModelRegistryGrain.PublishAsync before rescoring.");

        record.State.Options = options;
        record.State.Status = RescoringStatus.Running;
        record.State.Generation = generation;
        record.State.AsOf = options.AsOf ?? time.GetUtcNow();
        record.State.Partitions = partitions;
        await record.WriteStateAsync();
        Watch();
        await Look();
        return Progress();
    }

    public Task<RescoringProgress> GetProgressAsync() => Task.FromResult(Progress());

    public async Task<RescoringProgress> CancelAsync()
    {
        if (record.State.Status != RescoringStatus.Running)
        {
            return Progress();
        }

        record.State.Status = RescoringStatus.Cancelled;
        await record.WriteStateAsync();
        StopWatching();
        await Task.WhenAll(Unfinished().Select(async p =>
        {
            try
            {
                await Partition(p).CancelAsync();
            }
            catch (Exception e) when (e is TimeoutException or SiloUnavailableException or OrleansException)
            {
                // A partition on a dead silo is not running: there is nothing to stop.
            }
        }));
        return Progress();
    }

    public Task WakeAsync() => Task.CompletedTask;

    private void Watch()
    {
        var period = options.Value.RescoringWatchInterval;
        watch ??= this.RegisterGrainTimer(_ => Look(), period, period);
    }

    private void StopWatching()
    {
        watch?.Dispose();
        watch = null;
    }

    // Asks every unfinished partition to run (re-activating, on a live silo, any whose silo died) and records how far it got.
    private async Task Look()
    {
        if (record.State.Status != RescoringStatus.Running)
        {
            StopWatching();
            return;
        }

        var asked = Unfinished().ToArray();
        var answers = await Task.WhenAll(asked.Select(async p =>
        {
            try
            {
                return await Partition(p).EnsureRunningAsync(Assignment(p));
            }
            catch (Exception e) when (e is TimeoutException or SiloUnavailableException or OrleansException)
            {
                return null; // its silo is dying; asked again at the next look
            }
        }));
        foreach (var report in answers.OfType<PartitionReport>())
        {
            record.State.Reports[report.Partition] = report;
        }

        var reports = record.State.Reports.Values;
        if (reports.Count == record.State.Partitions && reports.All(r => r.Finished))
        {
            record.State.Status = reports.Any(r => r.Failure is not null) ? RescoringStatus.Failed : RescoringStatus.Completed;
            StopWatching();
        }

        await record.WriteStateAsync();
    }

    private IEnumerable<int> Unfinished() =>
        Enumerable.Range(0, record.State.Partitions).Where(p => !record.State.Reports.TryGetValue(p, out var r) || !r.Finished);

    private PartitionAssignment Assignment(int partition) =>
        new(JobId, partition, record.State.Generation, record.State.AsOf, record.State.Options!.Target, record.State.Options.PageSize);

    private IRescoringPartitionGrain Partition(int partition) => GrainFactory.GetGrain<IRescoringPartitionGrain>(Assignment(partition).Key);

    private RescoringProgress Progress()
    {
        var reports = record.State.Reports.Values;
        var perSilo = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (siloName, count) in reports.SelectMany(r => r.PerSilo))
        {
            perSilo[siloName] = perSilo.GetValueOrDefault(siloName) + count;
        }

        var failure = reports.Where(r => r.Failure is not null).Select(r => r.Failure).FirstOrDefault();
        return new RescoringProgress
        {
            JobId = JobId,
            Status = record.State.Status,
            Generation = record.State.Generation,
            Partitions = record.State.Partitions,
            PartitionsDone = reports.Count(r => r.Finished),
            Rescored = reports.Sum(r => r.Rescored),
            Skipped = reports.Sum(r => r.Skipped),
            Incomplete = reports.Sum(r => r.Incomplete),
            PerSilo = perSilo,
            Failure = failure,
        };
    }
}
