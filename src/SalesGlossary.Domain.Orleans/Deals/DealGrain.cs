using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesGlossary.Domain.Orleans.Contacts;
using SalesGlossary.Domain.Orleans.Models;
using SalesGlossary.Domain.Orleans.Serialization;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Orleans.Deals;

internal sealed partial class DealGrain(
    [PersistentState("deal", SalesGlossaryCluster.StorageName)] IPersistentState<DealRecord> record,
    ClusterModels models,
    AgreementTerms terms,
    TimeProvider time,
    IOptions<SalesGlossaryClusterOptions> options,
    ILogger<DealGrain> logger) : Grain, IDealGrain
{
    /// <summary>How often a move is redone on a contact that changed meanwhile before the caller is told.</summary>
    internal const int ContactAttempts = 64;

    private IGrainTimer? retry;

    private string Id => this.GetPrimaryKeyString();

    // A change stored as pending by an earlier activation (its silo died mid-move) is completed or dropped before anything else.
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await CompletePending();
        await PublishOutbox();
    }

    public async Task<DealView> OpenAsync(string contactId, decimal amount, DateOnly? expectedClose, By by, string? startStage = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        ArgumentNullException.ThrowIfNull(by);
        await CompletePending();
        if (record.State.HistoryJson is not null)
        {
            throw new InvalidOperationException("Deal '" + Id + "' exists already (for contact '" + record.State.ContactId + "'); it was opened once and changes through its verbs.");
        }

        return await Move(contactId, 0, (policy, contact) => policy.OpenDeal(Id, contact, amount, expectedClose, time, by, startStage));
    }

    public async Task<DealView?> GetAsync()
    {
        await CompletePending();
        if (record.State.HistoryJson is null)
        {
            return null;
        }

        await models.GetCurrentAsync();
        return View();
    }

    public Task<DealView> MoveToAsync(string stage, By by, string? reason = null) =>
        Change(d => d.MoveTo(stage, by, reason));

    public Task<DealView> PutOnHoldAsync(By by, string? reason = null) =>
        Change(d => d.PutOnHold(by, reason));

    public Task<DealView> ResumeAsync(By by) => Change(d => d.Resume(by));

    public Task<DealView> WinAsync(By by) => Change(d => d.Win(by));

    public Task<DealView> LoseAsync(string? reason, By by) => Change(d => d.Lose(reason, by));

    public Task<DealView> ReopenAsync(string reason, By by) => Change(d => d.Reopen(reason, by));

    public Task<DealView> UpdateForecastAsync(decimal amount, DateOnly? expectedClose, By by, string? reason = null) =>
        Change(d => d.UpdateForecast(amount, expectedClose, by, reason));

    private async Task<DealView> Change(Action<Deal> verb)
    {
        await CompletePending();
        if (record.State.HistoryJson is not { } historyJson || record.State.ContactId is not { } contactId)
        {
            throw new InvalidOperationException("Deal '" + Id + "' was never opened; open it first with IDealGrain.OpenAsync.");
        }

        var history = terms.Read<DealTransition[]>(historyJson);
        return await Move(contactId, history.Length, (policy, contact) =>
        {
            var deal = Deal.Rehydrate(Id, policy.Pipeline, history, [contact], time);
            verb(deal);
            return deal;
        });
    }

    /// <summary>Runs a move on the contact's current state and stores it on both grains, again on a fresh state while the contact changed meanwhile.</summary>
    private async Task<DealView> Move(string contactId, int historyBefore, Func<SalesGlossary.Domain.LeadTypePolicy, Contact, Deal> move)
    {
        var contactGrain = GrainFactory.GetGrain<IContactGrain>(contactId);
        for (var attempt = 1; ; attempt++)
        {
            var read = await contactGrain.GetAsync()
                ?? throw new InvalidOperationException("Contact '" + contactId + "' was never created; a deal is opened for an existing contact.");
            var generation = await models.GetCurrentAsync();
            var contact = generation.Agreement.RehydrateContact(read.State, time);
            var leadType = record.State.LeadType ?? contact.LeadType
                ?? throw new InvalidOperationException("Contact '" + contactId + "' has no lead type, so no pipeline; contacts hosted by the cluster are created from a lead type.");
            var versionBefore = contact.Version;

            // A refusal throws here, before anything is stored.
            var deal = move(generation.Agreement.GetLeadType(leadType), contact);
            var pending = new PendingDealChange
            {
                ContactId = contactId,
                LeadType = leadType,
                HistoryJson = JsonSerializer.Serialize(deal.History, SalesGlossaryJson.Options),
                HistoryBefore = historyBefore,
                ContactRevision = read.Revision,
                ContactStateJson = contact.Version == versionBefore ? string.Empty : JsonSerializer.Serialize(contact.ToState(), SalesGlossaryJson.Options),
            };

            if (pending.ContactStateJson.Length == 0)
            {
                // The move leaves the contact as it is (a stage move, a forecast, a second open deal): the deal alone changes.
                await Commit(pending);
                return View();
            }

            record.State.Pending = pending;
            await Write(() => record.State.Pending = null);
            if (await CompletePending())
            {
                return View();
            }

            if (attempt == ContactAttempts)
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Deal '{Id}' could not change contact '{contactId}': the contact changed {ContactAttempts} times while the move was computed. Nothing was stored; try again."));
            }
        }
    }

    /// <summary>Completes a stored pending change: the contact takes it (or took it before) and the deal stores it; or the contact changed first and it is dropped.</summary>
    /// <returns><see langword="true"/> when a pending change was completed; <see langword="false"/> when there was none or it was dropped.</returns>
    private async Task<bool> CompletePending()
    {
        if (record.State.Pending is not { } pending)
        {
            return false;
        }

        DealChangeOutcome outcome;
        try
        {
            outcome = await GrainFactory.GetGrain<IDealParticipantGrain>(pending.ContactId)
                .ApplyDealChangeAsync(new DealContactChange(Id, record.State.Revision + 1, pending.ContactRevision, pending.ContactStateJson));
        }
        catch (Exception e)
        {
            // Whether the contact took it is not known: the change stays pending and is completed by the next call, a timer or
            // the next activation; the caller learns that this move did not finish.
            LogPendingOpen(logger, e, Id, pending.ContactId);
            retry ??= this.RegisterGrainTimer(Retry, new GrainTimerCreationOptions(options.Value.OutboxRetryInterval, options.Value.OutboxRetryInterval) { KeepAlive = true });
            throw;
        }

        if (outcome == DealChangeOutcome.Conflict)
        {
            // The contact changed first and never took this change: nothing of it exists anywhere but here.
            record.State.Pending = null;
            await Write(() => record.State.Pending = pending);
            return false;
        }

        await Commit(pending);
        return true;
    }

    private async Task Commit(PendingDealChange pending)
    {
        var stored = record.State;
        var previous = (stored.ContactId, stored.LeadType, stored.HistoryJson, stored.Revision, stored.Pending, Outbox: stored.Outbox.ToList());
        var history = terms.Read<DealTransition[]>(pending.HistoryJson);
        stored.ContactId = pending.ContactId;
        stored.LeadType = pending.LeadType;
        stored.HistoryJson = pending.HistoryJson;
        stored.Revision++;
        stored.Pending = null;
        if (options.Value.StreamProvider is not null)
        {
            stored.Outbox.Add(new DealOutboxEntry
            {
                Revision = stored.Revision,
                TransitionsJson = JsonSerializer.Serialize(history[pending.HistoryBefore..], SalesGlossaryJson.Options),
            });
        }

        await Write(() => (stored.ContactId, stored.LeadType, stored.HistoryJson, stored.Revision, stored.Pending, stored.Outbox) = previous);
        await PublishOutbox();
    }

    /// <summary>Writes the state; on failure restores the activation's copy and lets the activation go, since what the storage holds is not known.</summary>
    private async Task Write(Action restore)
    {
        try
        {
            await record.WriteStateAsync();
        }
        catch
        {
            restore();
            this.DeactivateOnIdle();
            throw;
        }
    }

    private async Task Retry(CancellationToken cancellationToken)
    {
        try
        {
            await CompletePending();
        }
        catch (Exception e)
        {
            LogPendingOpen(logger, e, Id, record.State.Pending?.ContactId ?? string.Empty);
            return;
        }

        await PublishOutbox();
        if (record.State.Pending is null && record.State.Outbox.Count == 0 && retry is { } timer)
        {
            timer.Dispose();
            retry = null;
        }
    }

    /// <summary>Publishes the stored changes oldest first, then removes the published ones from the store (see the contact grain's).</summary>
    private async Task PublishOutbox()
    {
        var outbox = record.State.Outbox;
        if (outbox.Count == 0 || options.Value.StreamProvider is not { } provider || record.State.ContactId is not { } contactId)
        {
            return;
        }

        var stream = this.GetStreamProvider(provider).GetStream<DealChanged>(StreamId.Create(SalesGlossaryCluster.DealStreamNamespace, Id));
        var published = 0;
        try
        {
            for (; published < outbox.Count; published++)
            {
                await stream.OnNextAsync(outbox[published].ToChange(Id, contactId, terms));
            }
        }
        catch (Exception e)
        {
            LogPublishFailed(logger, e, Id, outbox.Count - published);
            retry ??= this.RegisterGrainTimer(Retry, new GrainTimerCreationOptions(options.Value.OutboxRetryInterval, options.Value.OutboxRetryInterval) { KeepAlive = true });
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
            LogOutboxNotCleared(logger, e, Id, published);
            this.DeactivateOnIdle();
        }
    }

    private DealView View() => new()
    {
        DealId = Id,
        ContactId = record.State.ContactId!,
        LeadType = record.State.LeadType!,
        History = terms.Read<DealTransition[]>(record.State.HistoryJson!),
        Revision = record.State.Revision,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deal {DealId}: its change of contact {ContactId} is stored as pending and not finished; it is completed or dropped by the next call, a timer or the next activation.")]
    private static partial void LogPendingOpen(ILogger logger, Exception error, string dealId, string contactId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deal {DealId}: {Count} stored changes could not be published yet; they stay in the outbox and are retried.")]
    private static partial void LogPublishFailed(ILogger logger, Exception error, string dealId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deal {DealId}: {Count} published changes could not be removed from the outbox; a later activation publishes them again.")]
    private static partial void LogOutboxNotCleared(ILogger logger, Exception error, string dealId, int count);
}
