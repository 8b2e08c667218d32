using System.Text.Json;
using Microsoft.Extensions.Options;
using SalesGlossary.Domain.Connecting;
using SalesGlossary.Domain.Lifecycle;
using SalesGlossary.Domain.Orleans.Models;
using SalesGlossary.Domain.Scoring;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Orleans.Contacts;

/// <summary>The stored state of a contact grain.</summary>
/// <remarks>The contact itself is kept as the library's JSON, so any storage provider and its serializer can hold it.</remarks>
[GenerateSerializer]
[Alias("SalesGlossary.ContactRecord")]
internal sealed class ContactRecord
{
    /// <summary>How many rescoring jobs a contact remembers having applied.</summary>
    public const int JobsRemembered = 16;

    [Id(0)]
    public string? StateJson { get; set; }

    [Id(1)]
    public long Revision { get; set; }

    [Id(2)]
    public ScoreStamp? Score { get; set; }

    [Id(3)]
    public List<string> RecentJobs { get; set; } = [];
}

internal sealed class ContactGrain(
    [PersistentState("contact", SalesGlossaryCluster.StorageName)] IPersistentState<ContactRecord> record,
    ClusterModels models,
    TimeProvider time,
    IOptions<SalesGlossaryClusterOptions> options) : Grain, IContactGrain
{
    private Contact? live;
    private long liveGeneration;
    private ContactState? liveState;

    private string Id => this.GetPrimaryKeyString();

    public async Task<ContactView> CreateAsync(string leadType, LifecycleStage initialStage, Actor actor, string? actorName = null)
    {
        ArgumentNullException.ThrowIfNull(leadType);
        if (record.State.StateJson is not null)
        {
            throw new InvalidOperationException("Contact '" + Id + "' exists already; it was created once and changes through its verbs.");
        }

        var current = await models.GetCurrentAsync();
        var contact = current.Agreement.GetLeadType(leadType).CreateContact(Id, initialStage, time, actor, actorName);
        return await Store(contact, current.Generation, 0, null, null);
    }

    public Task<ContactView?> GetAsync() =>
        Task.FromResult(record.State.StateJson is null ? null : View());

    public Task<ContactView> ConvertAsync(Actor actor, string? actorName = null) => Change(c => c.Convert(actor, actorName));

    public Task<ContactView> AcceptBySalesAsync(Actor actor, string? actorName = null) => Change(c => c.AcceptBySales(actor, actorName));

    public Task<ContactView> HandRaiseAsync(string what, Actor actor, string? actorName = null) => Change(c => c.HandRaise(what, actor, actorName));

    public Task<ContactView> ReturnToMarketingAsync(string reason, Actor actor, string? actorName = null) =>
        Change(c => c.ReturnToMarketing(reason, actor, actorName));

    public Task<ContactView> RecycleAsync(string reason, Actor actor, string? actorName = null) => Change(c => c.Recycle(reason, actor, actorName));

    public Task<ContactView> DisqualifyAsync(DisqualificationReason reason, Actor actor, string? note = null, string? actorName = null) =>
        Change(c => c.Disqualify(reason, actor, note, actorName));

    public Task<ContactView> ReopenAsync(string reason, Actor actor, string? actorName = null) => Change(c => c.Reopen(reason, actor, actorName));

    public Task<ContactView> StartWorkingAsync(Actor actor, string? actorName = null) => Change(c => c.StartWorking(actor, actorName));

    public Task<ContactView> RecordConnectAttemptAsync(ConnectAttempt attempt, Actor actor) => Change(c => c.RecordConnectAttempt(attempt, actor));

    public Task<ContactView> OverrideAsync(LifecycleStage stage, LeadStatus? status, string reason, Actor actor, string? actorName = null) =>
        Change(c => c.Override(stage, status, reason, actor, actorName));

    public async Task<ContactView> ScoreAsync(LeadFacts lead, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(actor);
        var (contact, generation) = await Live();
        var leadType = generation.Agreement.GetLeadType(RequireLeadType(contact));
        var score = leadType.ScoringModel.Score(lead, time.GetUtcNow());
        var before = contact.History.Count;
        Run(() => leadType.ApplyScore(contact, score, actor));
        var stamp = new ScoreStamp(score.Model, score.ModelVersion, generation.Generation, score.Total, score.IsComplete, score.AsOf, null);
        return await Store(contact, generation.Generation, before, stamp, null);
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
        Run(() => contact.ApplyScore(score.Total, Actor.System));
        await Store(contact, generation.Generation, before, score, score.JobId);
        return true;
    }

    public Task<bool> WasRescoredByAsync(string jobId) => Task.FromResult(record.State.RecentJobs.Contains(jobId));

    private async Task<ContactView> Change(Action<Contact> verb)
    {
        var (contact, generation) = await Live();
        var before = contact.History.Count;
        Run(() => verb(contact));
        return await Store(contact, generation.Generation, before, null, null);
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
            liveState ??= SalesGlossaryJson.Read<ContactState>(record.State.StateJson);
            live = generation.Agreement.RehydrateContact(liveState, time);
            liveGeneration = generation.Generation;
        }

        return (live, generation);
    }

    private async Task<ContactView> Store(Contact contact, long generation, int historyBefore, ScoreStamp? score, string? jobId)
    {
        var previous = (record.State.StateJson, record.State.Revision, record.State.Score, Jobs: record.State.RecentJobs.ToList());
        var state = contact.ToState();
        record.State.StateJson = JsonSerializer.Serialize(state, SalesGlossaryJson.Options);
        record.State.Revision++;
        record.State.Score = score ?? record.State.Score;
        if (jobId is not null)
        {
            record.State.RecentJobs.Add(jobId);
            if (record.State.RecentJobs.Count > ContactRecord.JobsRemembered)
            {
                record.State.RecentJobs.RemoveAt(0);
            }
        }

        try
        {
            await record.WriteStateAsync();
        }
        catch
        {
            // Nothing half-stored: the grain forgets the change and answers from what the storage holds.
            (record.State.StateJson, record.State.Revision, record.State.Score, record.State.RecentJobs) = previous;
            live = null;
            liveState = null;
            throw;
        }

        live = contact;
        liveState = state;
        liveGeneration = generation;
        var view = new ContactView(state, record.State.Revision, record.State.Score);
        if (options.Value.StreamProvider is { } provider)
        {
            var stream = this.GetStreamProvider(provider).GetStream<ContactChanged>(StreamId.Create(SalesGlossaryCluster.ContactStreamNamespace, options.Value.ContactStreamKey(Id)));
            await stream.OnNextAsync(new ContactChanged(Id, record.State.Revision, [.. state.History.Skip(historyBefore)], score));
        }

        return view;
    }

    private ContactView View()
    {
        liveState ??= SalesGlossaryJson.Read<ContactState>(record.State.StateJson!);
        return new ContactView(liveState, record.State.Revision, record.State.Score);
    }

    private string RequireLeadType(Contact contact) =>
        contact.LeadType ?? throw new InvalidOperationException("Contact '" + Id + "' has no lead type, so no scoring model; contacts hosted by the cluster are created from a lead type.");
}
