using System.Globalization;
using SalesGlossary.Domain.Connecting;

namespace SalesGlossary.Domain.Lifecycle;

/// <summary>Represents a contact whose lifecycle stage and lead status move only as the agreement allows, with a full audit trail.</summary>
/// <remarks>
/// <para>
/// <see cref="Stage"/> and <see cref="LeadStatus"/> are plain properties that an ORM can map; they change only through the
/// verbs of this type, each of which appends an immutable <see cref="LifecycleTransition"/> to <see cref="History"/>.
/// A refused move throws <see cref="LifecycleTransitionException"/> and changes nothing. Backward moves need a reason;
/// <see cref="Override"/> corrects anything, and is recorded as an override.
/// </para>
/// <para>
/// Times come from the <see cref="TimeProvider"/> given at creation. A contact is not thread-safe: serialize the
/// calls on one contact. A change that overlaps another on the same contact is detected and refused with an
/// <see cref="InvalidOperationException"/> instead of corrupting the history; <see cref="Version"/> (the number of
/// records) lets a store detect concurrent updates across processes.
/// </para>
/// </remarks>
public sealed class Contact
{
    private readonly List<LifecycleTransition> history;
    private readonly List<ConnectAttempt> attempts;
    private readonly LifecyclePolicy policy;
    private readonly TimeProvider time;
    private int changing;

    private Contact(string id, decimal? score, List<LifecycleTransition> history, List<ConnectAttempt> attempts, LifecyclePolicy policy, TimeProvider time)
    {
        Id = id;
        Score = score;
        this.history = history;
        this.attempts = attempts;
        this.policy = policy;
        this.time = time;
        var last = history[^1];
        Stage = last.To;
        LeadStatus = last.ToStatus;
    }

    /// <summary>Gets the contact's id.</summary>
    public string Id { get; }

    /// <summary>Gets the key of the contact's lead type (that of its <see cref="Policy"/>), or <see langword="null"/> for a contact governed by a policy outside an agreement.</summary>
    public string? LeadType => policy.LeadType;

    /// <summary>Gets the lifecycle policy of the contact's lead type: its thresholds, connect policy and the agreement's lifecycle choices.</summary>
    public LifecyclePolicy Policy => policy;

    /// <summary>Gets the contact's lifecycle stage.</summary>
    public LifecycleStage Stage { get; private set; }

    /// <summary>Gets the contact's lead status, or <see langword="null"/> while it has none (before it is handed to sales).</summary>
    public LeadStatus? LeadStatus { get; private set; }

    /// <summary>Gets the contact's latest lead score, or <see langword="null"/> when it was never scored.</summary>
    public decimal? Score { get; private set; }

    /// <summary>Gets every transition of the contact, oldest first; the first is its creation.</summary>
    public IReadOnlyList<LifecycleTransition> History => history;

    /// <summary>Gets the connect attempts recorded on the contact, in the order they were recorded.</summary>
    public IReadOnlyList<ConnectAttempt> ConnectAttempts => attempts;

    /// <summary>Gets the number of records in the history; it grows by one with every transition.</summary>
    public int Version => history.Count;

    /// <summary>Gets the triggers the contact can take now, judged with the current score and no reason code.</summary>
    public IReadOnlyList<LifecycleTrigger> PermittedTriggers => Permitted(null);

    /// <summary>Gets a value indicating whether sales can accept the contact as an SQL now.</summary>
    public bool CanAcceptBySales => CanTake(LifecycleTrigger.AcceptBySales);

    /// <summary>Gets a value indicating whether the contact can be returned to marketing now.</summary>
    public bool CanReturnToMarketing => CanTake(LifecycleTrigger.ReturnToMarketing);

    /// <summary>Creates a contact in its initial stage and records the creation.</summary>
    /// <param name="id">The contact's id.</param>
    /// <param name="initialStage">The stage it starts in: Subscriber or Lead.</param>
    /// <param name="policy">The lifecycle policy of the contact's lead type (from the agreement: <c>agreement.GetLeadType(key).CreateContact(…)</c> does this).</param>
    /// <param name="timeProvider">Where the times of its records come from.</param>
    /// <param name="actor">Who created it.</param>
    /// <param name="actorName">The person or system that created it, if known.</param>
    /// <returns>The new contact, with one record in its history.</returns>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, or <paramref name="initialStage"/> is neither Subscriber nor Lead.</exception>
    public static Contact Create(
        string id,
        LifecycleStage initialStage,
        LifecyclePolicy policy,
        TimeProvider timeProvider,
        Actor actor,
        string? actorName = null)
    {
        Guard.NotBlank(id);
        Guard.NotNull(initialStage);
        Guard.NotNull(policy);
        Guard.NotNull(timeProvider);
        Guard.NotNull(actor);
        if (initialStage != LifecycleStage.Subscriber && initialStage != LifecycleStage.Lead)
        {
            throw new ArgumentException(
                "A contact starts as Subscriber or Lead, not " + initialStage.Name + "; later stages are reached through their triggers (or an override).",
                nameof(initialStage));
        }

        var created = new LifecycleTransition(1, initialStage, initialStage, null, null, LifecycleTrigger.Create, timeProvider.GetUtcNow(), actor, actorName, null, null);
        return new Contact(id, null, [created], [], policy, timeProvider);
    }

    /// <summary>Rebuilds a contact from its stored state; it continues exactly as the original would.</summary>
    /// <param name="state">The stored state (see <see cref="ToState"/>).</param>
    /// <param name="policy">The lifecycle policy of the stored lead type (<c>agreement.RehydrateContact</c> resolves it from the stored key).</param>
    /// <param name="timeProvider">Where the times of new records come from.</param>
    /// <returns>The contact, in the stage and status its last record left it.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The stored lead type is not the policy's.</exception>
    /// <exception cref="DefinitionValidationException">The stored history is not a valid chain; every problem is listed with its path, and nothing is loaded.</exception>
    public static Contact Rehydrate(ContactState state, LifecyclePolicy policy, TimeProvider timeProvider)
    {
        Guard.NotNull(state);
        Guard.NotNull(policy);
        Guard.NotNull(timeProvider);
        if (!string.Equals(state.LeadType, policy.LeadType, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Contact '{state.Id}' is stored with lead type {Quote(state.LeadType)} but the policy is that of lead type {Quote(policy.LeadType)}; rehydrate it with the policy of its own lead type (ServiceLevelAgreement.RehydrateContact resolves it).",
                nameof(policy));
        }

        ContactHistoryValidator.Validate(state);
        return new Contact(state.Id, state.Score, [.. state.History], [.. state.ConnectAttempts ?? []], policy, timeProvider);
    }

    /// <summary>Returns the contact's state for storage; <see cref="Rehydrate"/> turns it back into an equal contact.</summary>
    /// <returns>A snapshot that shares nothing mutable with the contact.</returns>
    public ContactState ToState() => new(Id, LeadType, Score, [.. history], [.. attempts]);

    /// <summary>Gets a value indicating whether the contact can take a trigger now, with the current score.</summary>
    /// <param name="trigger">The trigger to test.</param>
    /// <returns><see langword="true"/> when the trigger would be accepted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trigger"/> is <see langword="null"/>.</exception>
    public bool CanTake(LifecycleTrigger trigger)
    {
        Guard.NotNull(trigger);
        var slot = policy.Rent();
        try
        {
            slot.Bind(this, null);
            return slot.CanFire(trigger);
        }
        finally
        {
            slot.Release();
        }
    }

    /// <summary>Gets a value indicating whether the contact could be disqualified with a reason code now.</summary>
    /// <param name="reason">The reason code.</param>
    /// <returns><see langword="true"/> when <see cref="Disqualify"/> would be accepted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is <see langword="null"/>.</exception>
    public bool CanDisqualify(DisqualificationReason reason)
    {
        Guard.NotNull(reason);
        var slot = policy.Rent();
        try
        {
            slot.Bind(this, reason);
            return slot.CanFire(LifecycleTrigger.Disqualify);
        }
        finally
        {
            slot.Release();
        }
    }

    /// <summary>Records a new lead score and promotes the contact where a threshold of its lead type is reached (to MQL, and to SQL where the agreement qualifies SQLs by score).</summary>
    /// <param name="score">The new score.</param>
    /// <param name="actor">Who scored; usually <see cref="Actor.System"/>.</param>
    /// <param name="handRaise">What the contact did that raises its hand (for example <c>Demo request</c>), or <see langword="null"/>: where the agreement routes hand-raises further than the contact's stage, it is routed there first (recorded with this as the reason).</param>
    /// <returns>The number of transitions made: 0 when nothing was reached, up to 2 (Lead → MQL → SQL).</returns>
    /// <remarks>
    /// A lower score never demotes a contact: stages are sticky; use <see cref="ReturnToMarketing"/> to move back. To apply a
    /// computed <c>LeadScore</c>, use the lead type's <c>ApplyScore</c>, which knows the model that made it.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    public int ApplyScore(decimal score, Actor actor, string? handRaise = null)
    {
        Guard.NotNull(actor);
        var before = history.Count;
        if (!string.IsNullOrWhiteSpace(handRaise) && policy.Definitions.HandRaiseRoute is { } route && Stage.IsFunnelStage && Stage.Value < route.Value)
        {
            var previous = Score;
            Score = score;
            try
            {
                HandRaise(handRaise, actor);
            }
            catch
            {
                Score = previous;
                throw;
            }
        }

        var thresholds = policy.Thresholds;
        var reachesMql = Stage.Value < LifecycleStage.MarketingQualifiedLead.Value && score >= thresholds.Mql;
        var reachesSql = policy.Definitions.SqlQualification != SqlQualification.SalesAcceptance
            && thresholds.Sql is { } sql && score >= sql
            && (reachesMql || Stage == LifecycleStage.MarketingQualifiedLead);
        if (!reachesMql && !reachesSql)
        {
            Score = score;
            return history.Count - before;
        }

        var previousScore = Score;
        Score = score;
        try
        {
            if (reachesMql)
            {
                Fire(LifecycleTrigger.ReachMqlThreshold, actor, null, null, null);
            }
        }
        catch
        {
            Score = previousScore;
            throw;
        }

        // Reaching MQL is a complete transition on its own: should the SQL step be refused (a concurrent change), the
        // contact stays a valid MQL with its record.
        if (reachesSql)
        {
            Fire(LifecycleTrigger.ReachSqlThreshold, actor, null, null, null);
        }

        return history.Count - before;
    }

    /// <summary>Moves a subscriber to Lead because it converted (for example filled in a form).</summary>
    /// <param name="actor">Who recorded the conversion.</param>
    /// <param name="actorName">The person or system, if known.</param>
    /// <exception cref="LifecycleTransitionException">The contact is not a subscriber.</exception>
    public void Convert(Actor actor, string? actorName = null) => Fire(LifecycleTrigger.Convert, actor, actorName, null, null);

    /// <summary>Moves an MQL to SQL because sales accepted it.</summary>
    /// <param name="actor">Who accepted; usually <see cref="Actor.Sales"/>.</param>
    /// <param name="actorName">The seller, if known.</param>
    /// <exception cref="LifecycleTransitionException">The contact is not an MQL, or the agreement does not qualify SQLs by acceptance.</exception>
    public void AcceptBySales(Actor actor, string? actorName = null) => Fire(LifecycleTrigger.AcceptBySales, actor, actorName, null, null);

    /// <summary>Routes a hand-raise (for example a demo request) straight to MQL or SQL, as the agreement defines.</summary>
    /// <param name="what">What the contact did, for example <c>Demo request</c>; recorded as the reason.</param>
    /// <param name="actor">Who recorded it.</param>
    /// <param name="actorName">The person or system, if known.</param>
    /// <exception cref="ArgumentException"><paramref name="what"/> is empty.</exception>
    /// <exception cref="LifecycleTransitionException">The agreement defines no such route, or the contact is already past it.</exception>
    public void HandRaise(string what, Actor actor, string? actorName = null) =>
        Fire(LifecycleTrigger.HandRaise, actor, actorName, Guard.NotBlank(what), null);

    /// <summary>Gets the handoffs between teams in the contact's history, oldest first: each stage change into a stage another team owns, as the agreement assigns ownership.</summary>
    public IReadOnlyList<Handoff> Handoffs
    {
        get
        {
            var handoffs = new List<Handoff>();
            foreach (var record in history)
            {
                if (policy.HandoffOf(record) is { } handoff)
                {
                    handoffs.Add(handoff);
                }
            }

            return handoffs;
        }
    }

    /// <summary>Gets when the contact was last handed to sales (entered a stage sales owns from a stage another team owns), or <see langword="null"/> if never.</summary>
    /// <remarks>The connect policy's clock starts here (<see cref="EvaluateConnectAttempts"/>), and the reports count handoffs by the same definition.</remarks>
    public DateTimeOffset? HandedOverAt
    {
        get
        {
            for (var i = history.Count - 1; i >= 0; i--)
            {
                if (policy.HandoffOf(history[i]) is { } handoff && handoff.To == Team.Sales)
                {
                    return handoff.At;
                }
            }

            return null;
        }
    }

    /// <summary>Evaluates the contact's connect attempts since it was last handed to sales against the connect policy of its lead type.</summary>
    /// <param name="now">The instant of the evaluation, from the caller's <see cref="TimeProvider"/>.</param>
    /// <returns>The evaluation, or <see langword="null"/> when the contact was never handed to sales.</returns>
    public ConnectEvaluation? EvaluateConnectAttempts(DateTimeOffset now) =>
        HandedOverAt is { } handedOver ? policy.ConnectPolicy.Evaluate(handedOver, attempts, now) : null;

    /// <summary>Records that a deal was created; only a <c>Deal</c> calls it, so that deal and contact always agree.</summary>
    internal void RecordDealCreated(Actor actor, string? actorName, string deal)
    {
        Guard.NotNull(actor);
        if (Stage == LifecycleStage.Other)
        {
            throw Refused(LifecycleTrigger.CreateDeal, null, "a contact in Other has no deals; reopen it first");
        }

        if (Stage.Value < LifecycleStage.Opportunity.Value && policy.Definitions.OpportunityDefinition == OpportunityDefinition.OpenDeal)
        {
            Fire(LifecycleTrigger.CreateDeal, actor, actorName, deal, null);
        }
        else if (Stage.Value <= LifecycleStage.Opportunity.Value && LeadStatus != Lifecycle.LeadStatus.OpenDeal)
        {
            Append(Stage, Lifecycle.LeadStatus.OpenDeal, LifecycleTrigger.CreateDeal, actor, actorName, deal, null);
        }
    }

    /// <summary>Throws the refusal a won deal would meet, before the deal changes.</summary>
    internal void EnsureCanWinDeal()
    {
        if (Stage != LifecycleStage.Customer && Stage != LifecycleStage.Evangelist && !CanTake(LifecycleTrigger.WinDeal))
        {
            var slot = policy.Rent();
            try
            {
                slot.Bind(this, null);
                slot.Machine.CanFire(LifecycleTrigger.WinDeal, out var unmet);
                throw new LifecycleTransitionException(Id, Stage, LeadStatus, LifecycleTrigger.WinDeal, [.. unmet ?? []], PermittedIn(slot));
            }
            finally
            {
                slot.Release();
            }
        }
    }

    /// <summary>Records that a deal was won: the contact becomes a Customer (a customer has no lead status: it is no longer a lead); a Customer or Evangelist stays as it is.</summary>
    internal void RecordDealWon(Actor actor, string? actorName, string deal)
    {
        if (Stage != LifecycleStage.Customer && Stage != LifecycleStage.Evangelist)
        {
            Fire(LifecycleTrigger.WinDeal, actor, actorName, deal, null);
        }
    }

    /// <summary>Records that a deal was lost: the contact is recycled where the agreement says so; otherwise an Open deal status becomes Connected (the contact was reached, and no deal is open).</summary>
    internal void RecordDealLost(Actor actor, string? actorName, string deal, string? reason)
    {
        var why = "Deal '" + deal + "' lost: " + (string.IsNullOrWhiteSpace(reason) ? "no reason given" : reason);
        if (policy.Definitions.RecycleWhenDealLost && Stage == LifecycleStage.Opportunity)
        {
            Fire(LifecycleTrigger.Recycle, actor, actorName, why, null);
        }
        else if (LeadStatus == Lifecycle.LeadStatus.OpenDeal)
        {
            Append(Stage, Lifecycle.LeadStatus.Connected, LifecycleTrigger.LoseDeal, actor, actorName, why, null);
        }
    }

    /// <summary>Moves a customer to Evangelist.</summary>
    /// <param name="actor">Who recorded it.</param>
    /// <param name="actorName">The person or system, if known.</param>
    /// <exception cref="LifecycleTransitionException">The contact is not a customer.</exception>
    public void BecomeAdvocate(Actor actor, string? actorName = null) => Fire(LifecycleTrigger.BecomeAdvocate, actor, actorName, null, null);

    /// <summary>Returns an MQL or SQL to marketing for nurturing; the lead status becomes Returned – not ready.</summary>
    /// <param name="reason">Why sales returns it; reports group returns by reason.</param>
    /// <param name="actor">Who returned it; usually <see cref="Actor.Sales"/>.</param>
    /// <param name="actorName">The seller, if known.</param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    /// <exception cref="LifecycleTransitionException">The contact is neither MQL nor SQL.</exception>
    public void ReturnToMarketing(string reason, Actor actor, string? actorName = null) =>
        Fire(LifecycleTrigger.ReturnToMarketing, actor, actorName, Guard.NotBlank(reason), null);

    /// <summary>Sends a lost opportunity or a churned customer back to nurturing.</summary>
    /// <param name="reason">Why, for example the lost reason of the deal.</param>
    /// <param name="actor">Who recycled it.</param>
    /// <param name="actorName">The person or system, if known.</param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    /// <exception cref="LifecycleTransitionException">The contact is not an Opportunity, Customer or Evangelist.</exception>
    public void Recycle(string reason, Actor actor, string? actorName = null) =>
        Fire(LifecycleTrigger.Recycle, actor, actorName, Guard.NotBlank(reason), null);

    /// <summary>Disqualifies the contact: it moves to Other with lead status Unqualified.</summary>
    /// <param name="reason">The reason code; <see cref="DisqualificationReason.UnableToReach"/> only once the connect policy is exhausted.</param>
    /// <param name="actor">Who disqualified it.</param>
    /// <param name="note">Details in words; required for <see cref="DisqualificationReason.Other"/>.</param>
    /// <param name="actorName">The person or system, if known.</param>
    /// <exception cref="ArgumentException">The reason is Other and no note is given.</exception>
    /// <exception cref="LifecycleTransitionException">The contact is a Customer, Evangelist or already in Other, or the connect policy is not exhausted for "unable to reach".</exception>
    public void Disqualify(DisqualificationReason reason, Actor actor, string? note = null, string? actorName = null)
    {
        Guard.NotNull(reason);
        if (reason == DisqualificationReason.Other && string.IsNullOrWhiteSpace(note))
        {
            throw new ArgumentException("A disqualification for reason Other needs a note that says the reason.", nameof(note));
        }

        Fire(LifecycleTrigger.Disqualify, actor, actorName, string.IsNullOrWhiteSpace(note) ? reason.DisplayName : reason.DisplayName + ": " + note, reason);
    }

    /// <summary>Reopens a contact in Other as a nurtured lead.</summary>
    /// <param name="reason">Why it is reopened.</param>
    /// <param name="actor">Who reopened it.</param>
    /// <param name="actorName">The person or system, if known.</param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    /// <exception cref="LifecycleTransitionException">The contact is not in Other.</exception>
    public void Reopen(string reason, Actor actor, string? actorName = null) =>
        Fire(LifecycleTrigger.Reopen, actor, actorName, Guard.NotBlank(reason), null);

    /// <summary>Records a connect attempt: the first moves the lead status to Attempted to contact, a connected outcome to Connected.</summary>
    /// <param name="attempt">The attempt.</param>
    /// <param name="actor">Who recorded it; usually <see cref="Actor.Sales"/>.</param>
    /// <remarks>
    /// Where the agreement defines an Opportunity as a first successful connect, a connected outcome on an SQL also
    /// makes the contact an Opportunity. A later attempt that does not connect never turns Connected back.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="LifecycleTransitionException">The contact is not handed to sales (MQL, SQL or Opportunity).</exception>
    public void RecordConnectAttempt(ConnectAttempt attempt, Actor actor)
    {
        Guard.NotNull(attempt);
        Guard.NotNull(actor);
        if (policy.OwnerOf(Stage) != Team.Sales)
        {
            throw Refused(LifecycleTrigger.RecordConnectAttempt, null, "connect attempts are recorded on contacts handed to sales (in a stage sales owns: " + string.Join(", ", LifecycleStage.InFunnelOrder.Where(s => policy.OwnerOf(s) == Team.Sales).Select(s => s.DisplayName)) + ")");
        }

        var reason = string.Create(CultureInfo.InvariantCulture, $"Attempt {attempts.Count + 1} by {attempt.Channel.DisplayName}: {attempt.Outcome.DisplayName}");
        var connected = policy.ConnectPolicy.IsConnected(attempt.Outcome);
        var movesToOpportunity = connected && Stage == LifecycleStage.SalesQualifiedLead
            && policy.Definitions.OpportunityDefinition == OpportunityDefinition.FirstSuccessfulConnect;
        if (movesToOpportunity)
        {
            Fire(LifecycleTrigger.ConnectSucceeded, actor, attempt.By, reason, null);
            lock (attempts)
            {
                attempts.Add(attempt);
            }

            return;
        }

        var status = connected
            ? Lifecycle.LeadStatus.Connected
            : LeadStatus is null || LeadStatus.Kind == LeadStatusKind.Untouched || LeadStatus == Lifecycle.LeadStatus.InProgress
                ? Lifecycle.LeadStatus.AttemptedToContact
                : LeadStatus;
        if (status != LeadStatus && LeadStatus != Lifecycle.LeadStatus.OpenDeal)
        {
            Append(Stage, status, LifecycleTrigger.RecordConnectAttempt, actor, attempt.By, reason, null);
        }

        lock (attempts)
        {
            attempts.Add(attempt);
        }
    }

    /// <summary>Records that sales started working the lead: the lead status becomes In progress.</summary>
    /// <param name="actor">Who started; usually <see cref="Actor.Sales"/>.</param>
    /// <param name="actorName">The seller, if known.</param>
    /// <exception cref="LifecycleTransitionException">The contact is not an MQL or SQL, or its status is not New or Open.</exception>
    public void StartWorking(Actor actor, string? actorName = null)
    {
        Guard.NotNull(actor);
        if ((Stage != LifecycleStage.MarketingQualifiedLead && Stage != LifecycleStage.SalesQualifiedLead) || LeadStatus is null || LeadStatus.Kind != LeadStatusKind.Untouched)
        {
            throw Refused(LifecycleTrigger.StartWorking, null, "work starts on an MQL or SQL whose lead status is New or Open");
        }

        Append(Stage, Lifecycle.LeadStatus.InProgress, LifecycleTrigger.StartWorking, actor, actorName, null, null);
    }

    /// <summary>Records that the timing is wrong: the lead status becomes Bad timing.</summary>
    /// <param name="reason">Why, for example <c>Budget frozen until Q3</c>.</param>
    /// <param name="actor">Who recorded it.</param>
    /// <param name="actorName">The person or system, if known.</param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    /// <exception cref="LifecycleTransitionException">The contact is not an MQL or SQL, or already has status Bad timing.</exception>
    public void MarkBadTiming(string reason, Actor actor, string? actorName = null)
    {
        Guard.NotBlank(reason);
        Guard.NotNull(actor);
        if ((Stage != LifecycleStage.MarketingQualifiedLead && Stage != LifecycleStage.SalesQualifiedLead) || LeadStatus == Lifecycle.LeadStatus.BadTiming)
        {
            throw Refused(LifecycleTrigger.MarkBadTiming, null, "bad timing is recorded on an MQL or SQL that is not already marked so");
        }

        Append(Stage, Lifecycle.LeadStatus.BadTiming, LifecycleTrigger.MarkBadTiming, actor, actorName, reason, null);
    }

    /// <summary>Corrects the stage or lead status administratively, bypassing the rules; the record is marked as an override.</summary>
    /// <param name="stage">The stage the contact must have.</param>
    /// <param name="status">The lead status the contact must have, or <see langword="null"/> for none.</param>
    /// <param name="reason">Why the rules are bypassed.</param>
    /// <param name="actor">Who corrects it.</param>
    /// <param name="actorName">The person or system; recommended for overrides.</param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty, or nothing would change.</exception>
    public void Override(LifecycleStage stage, LeadStatus? status, string reason, Actor actor, string? actorName = null)
    {
        Guard.NotNull(stage);
        Guard.NotBlank(reason);
        Guard.NotNull(actor);
        if (stage == Stage && status == LeadStatus)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The override changes nothing: contact '{Id}' is already in stage {Stage.DisplayName} with lead status {LeadStatus?.DisplayName ?? "none"}."),
                nameof(stage));
        }

        Append(stage, status, LifecycleTrigger.Override, actor, actorName, reason, null);
    }

    /// <summary>Gets the stage the contact was in at an instant, from its history.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The stage at that instant, or <see langword="null"/> when the contact did not exist yet.</returns>
    public LifecycleStage? StageAt(DateTimeOffset instant)
    {
        LifecycleStage? stage = null;
        foreach (var record in history)
        {
            if (record.At > instant)
            {
                break;
            }

            stage = record.To;
        }

        return stage;
    }

    /// <summary>Derives, per stage, when the contact entered and left it and how long it spent there, up to now.</summary>
    /// <returns>One entry per stage the contact has been in, in the order first entered.</returns>
    /// <remarks>The cumulative times of all stages add up to the time since the contact was created.</remarks>
    public IReadOnlyList<StageTime> TimeInStages() => StageTime.FromHistory(history, time.GetUtcNow());

    internal IReadOnlyList<ConnectAttempt> AttemptsSinceHandoff()
    {
        var since = HandedOverAt ?? DateTimeOffset.MinValue;
        return [.. attempts.Where(a => a.At >= since)];
    }

    private static string Quote(string? leadType) => leadType is null ? "none" : "'" + leadType + "'";

    private static LifecycleTrigger[] PermittedIn(LifecyclePolicy.MachineSlot slot) =>
        [.. LifecycleTrigger.List.OrderBy(t => t.Value).Where(slot.CanFire)];

    private LifecycleTrigger[] Permitted(DisqualificationReason? reason)
    {
        var slot = policy.Rent();
        try
        {
            slot.Bind(this, reason);
            return PermittedIn(slot);
        }
        finally
        {
            slot.Release();
        }
    }

    private void Fire(LifecycleTrigger trigger, Actor actor, string? actorName, string? reason, DisqualificationReason? disqualification)
    {
        Guard.NotNull(actor);
        var version = history.Count;
        LifecycleStage destination;
        var slot = policy.Rent();
        try
        {
            slot.Bind(this, disqualification);
            if (!slot.Machine.CanFire(trigger, out var unmet))
            {
                DomainTelemetry.LifecycleRefused(trigger.Name);
                throw new LifecycleTransitionException(Id, Stage, LeadStatus, trigger, [.. unmet ?? []], PermittedIn(slot));
            }

            slot.Machine.Fire(trigger);
            destination = slot.Stage;
        }
        finally
        {
            slot.Release();
        }

        Append(destination, StatusAfter(trigger, destination), trigger, actor, actorName, reason, disqualification, version);
    }

    private LeadStatus? StatusAfter(LifecycleTrigger trigger, LifecycleStage destination)
    {
        if (trigger == LifecycleTrigger.ReturnToMarketing)
        {
            return Lifecycle.LeadStatus.ReturnedNotReady;
        }

        if (trigger == LifecycleTrigger.Disqualify)
        {
            return Lifecycle.LeadStatus.Unqualified;
        }

        if (trigger == LifecycleTrigger.CreateDeal)
        {
            return Lifecycle.LeadStatus.OpenDeal;
        }

        if (trigger == LifecycleTrigger.ConnectSucceeded)
        {
            return Lifecycle.LeadStatus.Connected;
        }

        if (trigger == LifecycleTrigger.Recycle || trigger == LifecycleTrigger.Reopen || trigger == LifecycleTrigger.WinDeal)
        {
            return null;
        }

        if ((destination == LifecycleStage.MarketingQualifiedLead || destination == LifecycleStage.SalesQualifiedLead)
            && (LeadStatus is null || !LeadStatus.IsOpen))
        {
            return Lifecycle.LeadStatus.New;
        }

        return LeadStatus;
    }

    private void Append(LifecycleStage to, LeadStatus? toStatus, LifecycleTrigger trigger, Actor actor, string? actorName, string? reason, DisqualificationReason? disqualification, int? checkedAtVersion = null)
    {
        if (Interlocked.Exchange(ref changing, 1) == 1)
        {
            throw ConcurrentChange();
        }

        try
        {
            if (checkedAtVersion is { } version && version != history.Count)
            {
                throw ConcurrentChange();
            }

            var now = time.GetUtcNow();
            Chronology.EnsureNotBefore(now, history[^1].At, "contact '" + Id + "'");

            history.Add(new LifecycleTransition(history.Count + 1, Stage, to, LeadStatus, toStatus, trigger, now, actor, actorName, reason, Score, disqualification));
            Stage = to;
            LeadStatus = toStatus;
            DomainTelemetry.LifecycleTransition(trigger.Name);
        }
        finally
        {
            Volatile.Write(ref changing, 0);
        }
    }

    private InvalidOperationException ConcurrentChange() => new(string.Create(
        CultureInfo.InvariantCulture,
        $"Contact '{Id}' was changed by another caller while this change was being made; nothing was recorded. A contact is not thread-safe: serialize the calls on one contact, or reload it and try again."));

    private LifecycleTransitionException Refused(LifecycleTrigger trigger, IReadOnlyList<string>? unmet, string detail)
    {
        DomainTelemetry.LifecycleRefused(trigger.Name);
        return new(Id, Stage, LeadStatus, trigger, unmet ?? [], Permitted(null), detail);
    }
}
