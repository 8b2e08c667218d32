using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesGlossary.Domain.Orleans.Contacts;
using SalesGlossary.Domain.Orleans.Models;

namespace SalesGlossary.Domain.Orleans.Rescoring;

// Partitions are placed at random so that a job's workers spread over the silos instead of gathering where the job runs.
[global::Orleans.Placement.RandomPlacement]
internal sealed partial class RescoringPartitionGrain(
    [PersistentState("rescoring-partition", SalesGlossaryCluster.StorageName)] IPersistentState<PartitionRecord> record,
    ClusterModels models,
    IServiceProvider services,
    ILocalSiloDetails silo,
    IOptions<SalesGlossaryClusterOptions> options,
    ILogger<RescoringPartitionGrain> logger) : Grain, IRescoringPartitionGrain
{
    private const int FailuresBeforeGivingUp = 5;
    private bool running;
    private bool cancelRequested;
    private TaskCompletionSource? stopped;
    private bool resumed;
    private int failures;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Started elsewhere and not finished: a silo died (or the activation was collected) mid-run. The page the partition
        // was on may be partly applied, so the first page of this activation asks each contact before scoring it.
        resumed = record.State.Assignment is not null && !record.State.Done;
        return Task.CompletedTask;
    }

    public Task<PartitionReport> EnsureRunningAsync(PartitionAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        record.State.Assignment ??= assignment; // stored with the first page
        if (!running && !IsFinished && !cancelRequested)
        {
            running = true;
            this.AsReference<IRescoringPartitionGrain>().RunPageAsync(assignment).Ignore();
        }

        return Task.FromResult(Report());
    }

    public Task CancelAsync()
    {
        cancelRequested = true;
        if (!running && (IsFinished || record.State.Assignment is null))
        {
            return Task.CompletedTask; // nothing runs: nothing to wait for
        }

        // Returns once the page in flight (if any) is applied and the partition recorded its cancellation, so what the
        // caller counts afterwards is final.
        stopped ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!running && record.State.Assignment is { } assignment)
        {
            running = true;
            this.AsReference<IRescoringPartitionGrain>().RunPageAsync(assignment).Ignore();
        }

        return stopped.Task;
    }

    public async Task RunPageAsync(PartitionAssignment assignment)
    {
        var more = false;
        try
        {
            record.State.Assignment ??= assignment;
            more = await RescoreNextPage(record.State.Assignment);
            failures = 0;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failures++;
            resumed = true; // the failed page may be partly applied: ask the contacts again before rescoring it
            LogPageFailed(logger, e, assignment.Key, failures);
            if (failures >= FailuresBeforeGivingUp || IsPermanent(e))
            {
                record.State.Failure = string.Create(CultureInfo.InvariantCulture, $"Partition {assignment.Partition} failed on the page after continuation '{record.State.Continuation ?? "(start)"}': {e.Message}");
                await record.WriteStateAsync();
            }
        }
        finally
        {
            running = more;
            if (!more)
            {
                stopped?.TrySetResult();
            }
        }

        if (more)
        {
            this.AsReference<IRescoringPartitionGrain>().RunPageAsync(assignment).Ignore();
        }
        else
        {
            GrainFactory.GetGrain<IRescoringJobWake>(assignment.JobId).WakeAsync().Ignore();
        }
    }

    private bool IsFinished => record.State.Done || record.State.Cancelled || record.State.Failure is not null;

    private async Task<bool> RescoreNextPage(PartitionAssignment job)
    {
        if (cancelRequested)
        {
            record.State.Cancelled = true;
            await record.WriteStateAsync();
            return false;
        }

        var source = services.GetService<IContactPartitionSource>()
            ?? throw new InvalidOperationException("No IContactPartitionSource is registered in this silo's services; register the application's source in every silo.");
        var generation = await models.GetAsync(job.Generation);
        var page = await source.ReadPageAsync(job.Partition, record.State.Continuation, job.PageSize, CancellationToken.None);
        ArgumentNullException.ThrowIfNull(page);
        IReadOnlyList<PartitionContact> contacts = page.Contacts ?? [];
        long skipped = 0;
        if (resumed && job.Target == RescoringTarget.ContactGrains && contacts.Count > 0)
        {
            var done = await InChunks(contacts, c => GrainFactory.GetGrain<IContactGrain>(c.ContactId).WasRescoredByAsync(job.JobId));
            var remaining = contacts.Where((_, i) => !done[i]).ToList();
            skipped = contacts.Count - remaining.Count;
            contacts = remaining;
        }

        resumed = false;
        var scored = await Score(generation, contacts, job.AsOf);
        long applied;
        if (job.Target == RescoringTarget.ContactGrains)
        {
            var results = await InChunks(
                scored,
                s => GrainFactory.GetGrain<IContactGrain>(s.ContactId).ApplyRescoreAsync(
                    new ScoreStamp { Model = s.Model, ModelVersion = s.ModelVersion, Generation = job.Generation, Total = s.Total, IsComplete = s.IsComplete, AsOf = job.AsOf, JobId = job.JobId }));
            applied = results.Count(r => r);
            skipped += results.Length - applied;
        }
        else
        {
            await source.WriteTotalsAsync(new RescoredBatch { JobId = job.JobId, Generation = job.Generation, Partition = job.Partition, Continuation = record.State.Continuation, Totals = scored }, CancellationToken.None);
            applied = scored.Length;
        }

        var here = silo.SiloAddress.ToString();
        record.State.Continuation = page.Continuation;
        record.State.Pages++;
        record.State.Rescored += applied + skipped; // a contact found already applied was rescored by this job, once
        record.State.Skipped += skipped;
        record.State.Incomplete += scored.Count(s => !s.IsComplete);
        record.State.PerSilo[here] = record.State.PerSilo.GetValueOrDefault(here) + applied;
        record.State.Done = page.Continuation is null;
        await record.WriteStateAsync();
        return !record.State.Done;
    }

    // Each lead type's contacts are scored together on the library's bulk path, off the grain's scheduler so the bulk
    // path's threads run in parallel.
    private static async Task<RescoredContact[]> Score(ModelGeneration generation, IReadOnlyList<PartitionContact> contacts, DateTimeOffset asOf)
    {
        var scored = new RescoredContact[contacts.Count];
        foreach (var group in Enumerable.Range(0, contacts.Count).GroupBy(i => contacts[i].LeadType, StringComparer.Ordinal))
        {
            var model = generation.Agreement.GetLeadType(group.Key).ScoringModel;
            var indices = group.ToArray();
            var leads = ToAsync(indices.Select(i => contacts[i].Lead));
            var position = 0;
            await Task.Run(async () =>
            {
                await foreach (var result in model.ScoreEachAsync(leads, asOf))
                {
                    var contact = contacts[indices[position]];
                    scored[indices[position]] = new RescoredContact { ContactId = contact.ContactId, Total = result.Total, IsComplete = result.IsComplete, Model = model.Name, ModelVersion = result.ModelVersion };
                    position++;
                }
            });
        }

        return scored;
    }

    private static async IAsyncEnumerable<LeadFacts> ToAsync(IEnumerable<LeadFacts> leads)
    {
        foreach (var lead in leads)
        {
            yield return lead;
        }

        await Task.CompletedTask;
    }

    private async Task<TResult[]> InChunks<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, Task<TResult>> call)
    {
        var results = new TResult[items.Count];
        var chunk = options.Value.RescoringApplyConcurrency;
        for (var start = 0; start < items.Count; start += chunk)
        {
            var count = Math.Min(chunk, items.Count - start);
            var calls = new Task<TResult>[count];
            for (var i = 0; i < count; i++)
            {
                calls[i] = call(items[start + i]);
            }

            var done = await Task.WhenAll(calls);
            done.CopyTo(results, start);
        }

        return results;
    }

    private PartitionReport Report() => new(
        record.State.Assignment!.Partition,
        record.State.Done,
        record.State.Cancelled,
        record.State.Rescored,
        record.State.Skipped,
        record.State.Incomplete,
        new Dictionary<string, long>(record.State.PerSilo, StringComparer.Ordinal),
        record.State.Failure);

    // A document or lead type that does not resolve fails the same way every time: retrying would only repeat it.
    private static bool IsPermanent(Exception e) => e is DefinitionValidationException or ArgumentException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rescoring partition {Partition} failed a page (failure {Failures} in a row); the job's watch retries it.")]
    private static partial void LogPageFailed(ILogger logger, Exception error, string partition, int failures);
}
