using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesGlossary.Domain.Orleans.Deals;
using SalesGlossary.Domain.Orleans.Models;
using SalesGlossary.Domain.Orleans.Serialization;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Orleans.Contacts;

internal sealed partial class ContactGrain(
    [PersistentState("contact", SalesGlossaryCluster.StorageName)] IPersistentState<ContactRecord> record,
    ClusterModels models,
    AgreementTerms terms,
    TimeProvider time,
    IOptions<SalesGlossaryClusterOptions> options,
    ILogger<ContactGrain> logger) : Grain, IContactGrain, IDealParticipantGrain
{
    private Contact? live;
    private long liveGeneration;
    private ContactState? liveState;
    private IGrainTimer? outboxRetry;

    private string Id => this.GetPrimaryKeyString();

    // Changes stored by an earlier activation and not yet published (its silo died, or the stream failed) go out first.
    public override Task OnActivateAsync(CancellationToken cancellationToken) => PublishOutbox();

    public async Task<ContactView> CreateAsync(string leadType, LifecycleStage initialStage, By by)
    {
        ArgumentNullException.ThrowIfNull(leadType);
        if (record.State.StateJson is not null)
        {
            throw new InvalidOperationException("Contact '" + Id + "' exists already; it was created once and changes through its verbs.");
        }

        var current = await models.GetCurrentAsync();
        var contact = current.Agreement.GetLeadType(leadType).CreateContact(Id, initialStage, time, by);
        return await Store(contact, current.Generation, 0, null, null, null);
    }

    public async Task<ContactView?> GetAsync()
    {
        if (record.State.StateJson is null)
        {
            return null;
        }

        // The stored state may use the agreement's own terms: the current generation's vocabulary reads them.
        await models.GetCurrentAsync();
        return View();
    }

    public Task<ContactView> ConvertAsync(By by) => Change(c => c.Convert(by));

    public Task<ContactView> AcceptBySalesAsync(By by) => Change(c => c.AcceptBySales(by));

    public Task<ContactView> HandRaiseAsync(string what, By by) => Change(c => c.HandRaise(what, by));

    public Task<ContactView> ReturnToMarketingAsync(string reason, By by) =>
        Change(c => c.ReturnToMarketing(reason, by));

    public Task<ContactView> RecycleAsync(string reason, By by) => Change(c => c.Recycle(reason, by));

    public Task<ContactView> DisqualifyAsync(DisqualificationReason reason, By by, string? note = null) =>
        Change(c => c.Disqualify(reason, by, note));

    public Task<ContactView> ReopenAsync(string reason, By by) => Change(c => c.Reopen(reason, by));

    public Task<ContactView> StartWorkingAsync(By by) => Change(c => c.StartWorking(by));

    public Task<ContactView> RecordConnectAttemptAsync(ConnectAttempt attempt, Actor actor) => Change(c => c.RecordConnectAttempt(attempt, actor));

    public Task<ContactView> OverrideAsync(LifecycleStage stage, LeadStatus? status, string reason, By by) =>
        Change(c => c.Override(stage, status, reason, by));

    public async Task<ContactView> ScoreAsync(LeadFacts lead, By by)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(by);
        var (contact, generation) = await Live();
        var leadType = generation.Agreement.GetLeadType(RequireLeadType(contact));
        var score = leadType.ScoringModel.Score(lead, time.GetUtcNow());
        var before = contact.History.Count;
        Run(() => leadType.ApplyScore(contact, score, by));
        var stamp = new ScoreStamp { Model = score.Model, ModelVersion = score.ModelVersion, Generation = generation.Generation, Total = score.Total, IsComplete = score.IsComplete, AsOf = score.AsOf };
        return await Store(contact, generation.Generation, before, stamp, null, null);
    }

    public async Task<bool> ApplyRescoreAsync(ScoreStamp score)
    {
        ArgumentNullException.ThrowIfNull(score);
        if (score.JobId is null)
        {
            throw new ArgumentException("A rescoring job's score names its job; ScoreStamp.JobId is null.", nameof(score));
        }

        if (record.State.RecentJobs.Contains(score.JobId))
        {
            return false;
        }

        var (contact, generation) = await Live();
        var before = contact.History.Count;

        // The total comes from the job's pinned model generation; the thresholds it is held against are the contact's own.
        Run(() => contact.ApplyScore(score.Total, By.System));
        await Store(contact, generation.Generation, before, score, score.JobId, null);
        return true;
    }

    public Task<bool> WasRescoredByAsync(string jobId) => Task.FromResult(record.State.RecentJobs.Contains(jobId));

    public async Task<DealChangeOutcome> ApplyDealChangeAsync(DealContactChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (record.State.DealRevisions.TryGetValue(change.DealId, out var applied) && applied >= change.DealRevision)
        {
            return DealChangeOutcome.AppliedBefore;
        }

        if (record.State.StateJson is null)
        {
            throw new InvalidOperationException("Contact '" + Id + "' was never created; a deal is opened for an existing contact.");
        }

        if (record.State.Revision != change.ExpectedRevision)
        {
            return DealChangeOutcome.Conflict;
        }

        // The deal computed the change on this very revision; the state is still checked as any stored state is.
        var (_, generation) = await Live();
        var state = terms.Read<ContactState>(change.StateJson);
        var contact = generation.Agreement.RehydrateContact(state, time);
        if (contact.Id != Id)
        {
            throw new ArgumentException("A deal's change of contact '" + contact.Id + "' was sent to contact '" + Id + "'.", nameof(change));
        }

        var before = liveState!.History.Count;
        await Store(contact, generation.Generation, before, null, null, change);
        return DealChangeOutcome.Applied;
    }

    private async Task<ContactView> Change(Action<Contact> verb)
    {
        var (contact, generation) = await Live();
        var before = contact.History.Count;
        Run(() => verb(contact));
        return await Store(contact, generation.Generation, before, null, null, null);
    }

    // A verb the library refuses leaves the contact unchanged; anything else it throws, the live copy is dropped and
    // rebuilt from the stored state on the next call, so no half-made change survives.
    private void Run(Action verb)
    {
        try
        {
            verb();
        }
        catch (LifecycleTransitionException)
        {
            throw;
        }
        catch
        {
            live = null;
            throw;
        }
    }

    private async Task<(Contact Contact, ModelGeneration Generation)> Live()
    {
        if (record.State.StateJson is null)
        {
            throw new InvalidOperationException("Contact '" + Id + "' was never created; create it first with IContactGrain.CreateAsync.");
        }

        var generation = await models.GetCurrentAsync();
        if (live is null || liveGeneration != generation.Generation)
        {
            liveState ??= terms.Read<ContactState>(record.State.StateJson);
            live = generation.Agreement.RehydrateContact(liveState, time);
            liveGeneration = generation.Generation;
        }

        return (live, generation);
    }

    private async Task<ContactView> Store(Contact contact, long generation, int historyBefore, ScoreStamp? score, string? jobId, DealContactChange? dealChange)
    {
        var stored = record.State;
        var previous = (stored.StateJson, stored.Revision, stored.Score, Jobs: stored.RecentJobs.ToList(), Deals: new Dictionary<string, long>(stored.DealRevisions, StringComparer.Ordinal), Outbox: stored.Outbox.ToList());
        var state = contact.ToState();
        stored.StateJson = JsonSerializer.Serialize(state, SalesGlossaryJson.Options);
        stored.Revision++;
        stored.Score = score ?? stored.Score;
        Remember(stored.RecentJobs, jobId);
        if (dealChange is not null)
        {
            stored.DealRevisions[dealChange.DealId] = dealChange.DealRevision;
        }

        if (options.Value.StreamProvider is not null)
        {
            // The event is stored with the change, in one write: a silo that dies after the write leaves it to the next activation.
            stored.Outbox.Add(new ContactOutboxEntry
            {
                Revision = stored.Revision,
                TransitionsJson = JsonSerializer.Serialize(state.History.Skip(historyBefore).ToArray(), SalesGlossaryJson.Options),
                Score = score,
            });
        }

        try
        {
            await record.WriteStateAsync();
        }
        catch
        {
            // Nothing half-stored in this activation: it forgets the change. Whether the write reached the storage is not
            // known, so the activation goes, and the next one answers from what the storage holds (and publishes it).
            (stored.StateJson, stored.Revision, stored.Score, stored.RecentJobs, stored.DealRevisions, stored.Outbox) = previous;
            live = null;
            liveState = null;
            this.DeactivateOnIdle();
            throw;
        }

        live = contact;
        liveState = state;
        liveGeneration = generation;
        var view = new ContactView(state, stored.Revision, stored.Score);
        await PublishOutbox();
        return view;
    }

    private static void Remember(List<string> recent, string? id)
    {
        if (id is null)
        {
            return;
        }

        recent.Add(id);
        if (recent.Count > ContactRecord.JobsRemembered)
        {
            recent.RemoveAt(0);
        }
    }

    /// <summary>Publishes the stored changes oldest first, then removes the published ones from the store.</summary>
    /// <remarks>
    /// The change is stored already, so a failure here never fails the caller: what could not be published stays in the outbox and
    /// is retried by a timer and by the next activation. A change published whose removal is not stored is published again by a later
    /// activation; consumers drop it by its revision (<see cref="ChangeDeduplicator"/>).
    /// </remarks>
    private async Task PublishOutbox()
    {
        var outbox = record.State.Outbox;
        if (outbox.Count == 0 || options.Value.StreamProvider is not { } provider)
        {
            return;
        }

        var stream = this.GetStreamProvider(provider).GetStream<ContactChanged>(StreamId.Create(SalesGlossaryCluster.ContactStreamNamespace, options.Value.ContactStreamKey(Id)));
        var published = 0;
        try
        {
            for (; published < outbox.Count; published++)
            {
                await stream.OnNextAsync(outbox[published].ToChange(Id, terms));
            }
        }
        catch (Exception e)
        {
            LogPublishFailed(logger, e, Id, outbox.Count - published);
            outboxRetry ??= this.RegisterGrainTimer(RetryOutbox, new GrainTimerCreationOptions(options.Value.OutboxRetryInterval, options.Value.OutboxRetryInterval) { KeepAlive = true });
        }

        if (published == 0)
        {
            return;
        }

        outbox.RemoveRange(0, published);
        try
        {
            await record.WriteStateAsync();
        }
        catch (Exception e)
        {
            // Published but still stored as unpublished: the next activation publishes them again, and consumers drop them.
            LogOutboxNotCleared(logger, e, Id, published);
            live = null;
            liveState = null;
            this.DeactivateOnIdle();
        }
    }

    private async Task RetryOutbox(CancellationToken cancellationToken)
    {
        await PublishOutbox();
        if (record.State.Outbox.Count == 0 && outboxRetry is { } timer)
        {
            timer.Dispose();
            outboxRetry = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Contact {ContactId}: {Count} stored changes could not be published yet; they stay in the outbox and are retried.")]
    private static partial void LogPublishFailed(ILogger logger, Exception error, string contactId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Contact {ContactId}: {Count} published changes could not be removed from the outbox; a later activation publishes them again.")]
    private static partial void LogOutboxNotCleared(ILogger logger, Exception error, string contactId, int count);

    private ContactView View()
    {
        liveState ??= terms.Read<ContactState>(record.State.StateJson!);
        return new ContactView(liveState, record.State.Revision, record.State.Score);
    }

    private string RequireLeadType(Contact contact) =>
        contact.LeadType ?? throw new InvalidOperationException("Contact '" + Id + "' has no lead type, so no scoring model; contacts hosted by the cluster are created from a lead type.");
}
