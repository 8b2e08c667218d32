using System.Globalization;

namespace SalesGlossary.Domain;

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
/// calls on one contact. A verb holds the contact from its first read of the state to its last write, so a verb that
/// overlaps it from another caller is refused with an <see cref="InvalidOperationException"/> and records nothing,
/// instead of corrupting the history; <see cref="Version"/> (the number of records) lets a store detect concurrent
/// updates across processes.
/// </para>
/// </remarks>
public sealed partial class Contact
{
    private readonly List<LifecycleTransition> history;
    private readonly List<ConnectAttempt> attempts;
    private readonly LifecyclePolicy policy;
    private readonly TimeProvider time;
    private readonly List<ContactScore> scores;
    private readonly List<ScoreChange> scoreHistory;
    private readonly List<SlaBreach> breaches;
    private readonly List<DomainEvent> pending = [];
    private int scoreChanges;
    private SingleWriter writer;

    private Contact(ContactState state, LifecyclePolicy policy, TimeProvider time)
    {
        Id = state.Id;
        Score = state.Score;
        history = [.. state.History];
        attempts = [.. state.ConnectAttempts ?? []];
        scores = [.. state.Scores ?? []];
        scoreHistory = [.. state.ScoreHistory ?? []];
        breaches = [.. state.SlaBreaches ?? []];
        scoreChanges = scoreHistory.Count == 0 ? 0 : scoreHistory[^1].Sequence;
        this.policy = policy;
        this.time = time;
        var last = history[^1];
        Stage = last.To;
        LeadStatus = last.ToStatus;
    }

    /// <summary>Gets how many score changes a contact keeps in <see cref="ScoreHistory"/>: the latest 50.</summary>
    public static int ScoreHistoryLimit => 50;

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

    /// <summary>Gets the total of the score last applied to the contact (the one its lifecycle moved on), or <see langword="null"/> when it was never scored.</summary>
    public decimal? Score { get; private set; }

    /// <summary>Gets the latest score of each model that scored the contact: fit, engagement and total, with the model's name and version and the time.</summary>
    public IReadOnlyList<ContactScore> Scores => scores;

    /// <summary>Gets the latest score changes (at most <see cref="ScoreHistoryLimit"/>), oldest first: what changed, by how much, by which rules, and why.</summary>
    public IReadOnlyList<ScoreChange> ScoreHistory => scoreHistory;

    /// <summary>Gets the breaches of the connect policy recorded when SLA timers fired, oldest first.</summary>
    public IReadOnlyList<SlaBreach> SlaBreaches => breaches;

    /// <summary>Gets the events the contact's verbs caused that the caller has not taken yet, oldest first.</summary>
    /// <remarks>Take them with <see cref="TakeEvents"/> when storing the contact, to write them to an outbox in the same transaction.</remarks>
    public IReadOnlyList<DomainEvent> PendingEvents => pending;

    /// <summary>Gets every transition of the contact, oldest first; the first is its creation.</summary>
    public IReadOnlyList<LifecycleTransition> History => history;

    /// <summary>Gets the connect attempts recorded on the contact, in the order they were recorded.</summary>
    public IReadOnlyList<ConnectAttempt> ConnectAttempts => attempts;

    /// <summary>Gets the number of changes recorded on the contact: transitions, connect attempts, score changes and SLA breaches; it grows by one with every recorded change.</summary>
    /// <remarks>A store can use it as its concurrency token: every change, a score-only change included, moves it.</remarks>
    public int Version => history.Count + attempts.Count + scoreChanges + breaches.Count;

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
    /// <param name="by">Who created it (the actor, and the person or system by name if given).</param>
    /// <returns>The new contact, with one record in its history.</returns>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, or <paramref name="initialStage"/> is neither Subscriber nor Lead.</exception>
    public static Contact Create(
        string id,
        LifecycleStage initialStage,
        LifecyclePolicy policy,
        TimeProvider timeProvider,
        By by)
    {
        Guard.NotBlank(id);
        Guard.NotNull(initialStage);
        Guard.NotNull(policy);
        Guard.NotNull(timeProvider);
        Guard.NotNull(by);
        if (initialStage != LifecycleStage.Subscriber && initialStage != LifecycleStage.Lead)
        {
            throw new ArgumentException(
                "A contact starts as Subscriber or Lead, not " + initialStage.Name + "; later stages are reached through their triggers, and a contact that already has a later stage elsewhere is brought in with Contact.Import (LeadTypePolicy.ImportContact).",
                nameof(initialStage));
        }

        var created = new LifecycleTransition { Sequence = 1, From = initialStage, To = initialStage, Trigger = LifecycleTrigger.Create, At = timeProvider.GetUtcNow(), By = by };
        var contact = new Contact(new ContactState { Id = id, LeadType = policy.LeadType, History = [created], ConnectAttempts = [] }, policy, timeProvider);
        contact.pending.Add(new ContactCreated { ContactId = id, At = created.At, LeadType = policy.LeadType, Transition = created });
        return contact;
    }

    /// <summary>Creates a contact imported from another system at the stage (and lead status) it already has there, and records the import.</summary>
    /// <param name="id">The contact's id.</param>
    /// <param name="import">The stage and status it arrives with, who imports it, why and from where.</param>
    /// <param name="policy">The lifecycle policy of the contact's lead type (<c>agreement.GetLeadType(key).ImportContact(…)</c> does this).</param>
    /// <param name="timeProvider">Where the times of its records come from.</param>
    /// <returns>The new contact, with one record in its history: an <see cref="LifecycleTrigger.Import"/> that carries the actor, reason and source.</returns>
    /// <remarks>
    /// Any stage can be imported, an existing customer included, without an override: the first record says the stage
    /// came from elsewhere. An import is not a handoff (no team handed the contact to another here), so the connect
    /// policy's clock of an imported MQL starts only with a handoff recorded later. The imported score, if given, is the
    /// contact's score from the start, and a contact imported in nurture is not held back by the requalification rule.
    /// </remarks>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, or the import lacks a stage, actor, reason or source.</exception>
    public static Contact Import(string id, ContactImport import, LifecyclePolicy policy, TimeProvider timeProvider)
    {
        Guard.NotBlank(id);
        Guard.NotNull(import);
        Guard.NotNull(policy);
        Guard.NotNull(timeProvider);
        Guard.NotNull(import.Stage, "import.Stage");
        Guard.NotNull(import.By, "import.By");
        Guard.NotBlank(import.Reason, "import.Reason");
        Guard.NotBlank(import.Source, "import.Source");
        var imported = new LifecycleTransition
        {
            Sequence = 1,
            From = import.Stage,
            To = import.Stage,
            ToStatus = import.LeadStatus,
            Trigger = LifecycleTrigger.Import,
            At = timeProvider.GetUtcNow(),
            By = import.By,
            Reason = import.Reason,
            Score = import.Score,
            Source = import.Source,
        };
        var contact = new Contact(new ContactState { Id = id, LeadType = policy.LeadType, Score = import.Score, History = [imported], ConnectAttempts = [] }, policy, timeProvider);
        contact.pending.Add(new ContactCreated { ContactId = id, At = imported.At, LeadType = policy.LeadType, Transition = imported, Score = import.Score });
        return contact;
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
        return new Contact(state, policy, timeProvider);
    }

    /// <summary>Rebuilds a contact by replaying its events, oldest first; it ends in the state the original was in after the last of them.</summary>
    /// <param name="events">The contact's events, as its verbs returned them (an outbox read back); the first is its <see cref="ContactCreated"/>.</param>
    /// <param name="policy">The lifecycle policy of the contact's lead type.</param>
    /// <param name="timeProvider">Where the times of new records come from.</param>
    /// <returns>The contact; nothing is pending on it.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An event is <see langword="null"/> (the message gives its index), or the events do not start with the creation, or belong to several contacts.</exception>
    /// <exception cref="DefinitionValidationException">The replayed history is not a valid chain (events missing or out of order).</exception>
    public static Contact Replay(IEnumerable<ContactEvent> events, LifecyclePolicy policy, TimeProvider timeProvider)
    {
        Guard.NotNull(events);
        Guard.NotNull(policy);
        Guard.NotNull(timeProvider);
        ContactCreated? created = null;
        var transitions = new List<LifecycleTransition>();
        var replayedAttempts = new List<ConnectAttempt>();
        var replayedScores = new List<ContactScore>();
        var replayedHistory = new List<ScoreChange>();
        var replayedBreaches = new List<SlaBreach>();
        decimal? score = null;
        var index = -1;
        foreach (var item in events)
        {
            var e = Guard.Item(item, ++index, nameof(events));
            if (created is null)
            {
                created = e as ContactCreated ?? throw new ArgumentException("A contact's events start with its ContactCreated; the first is " + e.GetType().Name + ".", nameof(events));
                transitions.Add(created.Transition);
                score = created.Score;
                continue;
            }

            if (!string.Equals(e.ContactId, created.ContactId, StringComparison.Ordinal))
            {
                throw new ArgumentException("The events belong to contacts '" + created.ContactId + "' and '" + e.ContactId + "'; replay one contact's events at a time.", nameof(events));
            }

            switch (e)
            {
                case StageChanged { Transition: var t } when t.Sequence > transitions[^1].Sequence:
                    transitions.Add(t);
                    break;
                case LeadStatusChanged { Transition: var t } when t.Sequence > transitions[^1].Sequence:
                    transitions.Add(t);
                    break;
                case ScoreChanged { Change: var change }:
                    var at = replayedScores.FindIndex(s => s.Model == change.Current.Model);
                    if (at >= 0)
                    {
                        replayedScores[at] = change.Current;
                    }
                    else
                    {
                        replayedScores.Add(change.Current);
                    }

                    replayedHistory.Add(change);
                    if (replayedHistory.Count > ScoreHistoryLimit)
                    {
                        replayedHistory.RemoveAt(0);
                    }

                    score = change.Current.Total;
                    break;
                case ConnectAttemptRecorded { Attempt: var attempt }:
                    replayedAttempts.Add(attempt);
                    break;
                case SlaBreached { Breach: var breach }:
                    replayedBreaches.Add(breach);
                    break;
                default:
                    break;
            }
        }

        if (created is null)
        {
            throw new ArgumentException("There are no events to replay; a contact's events start with its ContactCreated.", nameof(events));
        }

        var state = new ContactState
        {
            Id = created.ContactId,
            LeadType = created.LeadType,
            Score = score,
            History = transitions,
            ConnectAttempts = replayedAttempts,
            Scores = replayedScores,
            ScoreHistory = replayedHistory,
            SlaBreaches = replayedBreaches,
        };
        return Rehydrate(state, policy, timeProvider);
    }

    /// <summary>Returns the contact's state for storage; <see cref="Rehydrate"/> turns it back into an equal contact.</summary>
    /// <returns>A snapshot that shares nothing mutable with the contact; pending events are not part of it.</returns>
    public ContactState ToState() => new()
    {
        Id = Id,
        LeadType = LeadType,
        Score = Score,
        History = [.. history],
        ConnectAttempts = [.. attempts],
        Scores = [.. scores],
        ScoreHistory = [.. scoreHistory],
        SlaBreaches = [.. breaches],
    };

    /// <summary>Takes the events the contact's verbs caused since they were last taken, oldest first, and forgets them.</summary>
    /// <returns>The events; empty when there are none.</returns>
    public IReadOnlyList<DomainEvent> TakeEvents()
    {
        var began = BeginChange();
        try
        {
            DomainEvent[] taken = [.. pending];
            pending.Clear();
            return taken;
        }
        finally
        {
            EndChange(began);
        }
    }

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

    /// <summary>Records a total score from a source that names no model, and promotes the contact where a threshold of its lead type is reached.</summary>
    /// <param name="score">The new total.</param>
    /// <param name="by">Who scored (the actor, and the person or system by name if given); usually <see cref="By.System"/>.</param>
    /// <param name="handRaise">What the contact did that raises its hand (for example <c>Demo request</c>), or <see langword="null"/>.</param>
    /// <returns>The events caused: the score change (when the total changed), then any stage and status changes.</returns>
    /// <remarks>
    /// The total is recorded as the score of model <see cref="ContactScore.TotalOnlyModel"/>, with no groups and no rules, so
    /// group thresholds are never met by it. Prefer <see cref="ApplyScore(ContactScore, By, string?)"/> (or the lead type's
    /// <c>ApplyScore</c>), which keeps fit, engagement and the points of each rule. The requalification rule holds a
    /// returned contact back here too.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="by"/> is <see langword="null"/>.</exception>
    /// <exception cref="LifecycleTransitionException">The hand-raise route was refused; nothing changed.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads", Justification = "The overloads differ in the type of the score, not in their number of parameters.")]
    public IReadOnlyList<DomainEvent> ApplyScore(decimal score, By by, string? handRaise = null)
    {
        var began = BeginChange();
        try
        {
            // The same total again reuses the stored score: rescoring an unchanged contact allocates nothing.
            foreach (var kept in scores)
            {
                if (kept.Model == ContactScore.TotalOnlyModel && kept.Total == score && kept.Groups.Count == 0 && kept.Rules.Count == 0)
                {
                    return ApplyScore(kept, by, handRaise);
                }
            }

            return ApplyScore(new ContactScore { Model = ContactScore.TotalOnlyModel, ModelVersion = ContactScore.TotalOnlyModel, AsOf = time.GetUtcNow(), Total = score }, by, handRaise);
        }
        finally
        {
            EndChange(began);
        }
    }

    /// <summary>Records a model's score of the contact and promotes the contact where a threshold of its lead type is reached (to MQL, and to SQL where the agreement qualifies SQLs by score).</summary>
    /// <param name="score">The model's new score: total, groups and the points of each rule.</param>
    /// <param name="by">Who scored (the actor, and the person or system by name if given); usually <see cref="By.System"/>.</param>
    /// <param name="handRaise">What the contact did that raises its hand (for example <c>Demo request</c>), or <see langword="null"/>: where the agreement routes hand-raises further than the contact's stage, it is routed there first (recorded with this as the reason).</param>
    /// <returns>The events caused, in order: <see cref="ScoreChanged"/> (when the score differs from the model's previous one in anything but its time), then the stage and status changes and handoffs.</returns>
    /// <remarks>
    /// <para>
    /// A score change is a recorded change: it is kept in <see cref="ScoreHistory"/> and moves <see cref="Version"/>. A score
    /// equal to the model's previous one (total, version, groups and rules) records nothing. The score replaces the model's
    /// previous one in <see cref="Scores"/>, and its total becomes <see cref="Score"/>.
    /// </para>
    /// <para>
    /// The MQL threshold is reached when the total reaches it and every group threshold of the lead type
    /// (<see cref="QualificationThresholds.MqlGroups"/>) is met. A contact that was returned, recycled or reopened is held
    /// back as the agreement's requalification rule says (new points since the return, a cool-off, or both): its score is
    /// recorded but it stays in nurture; <see cref="CanQualify()"/> says why. A lower score never demotes a contact: stages
    /// are sticky; use <see cref="ReturnToMarketing"/> to move back.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The score names no model or version.</exception>
    /// <exception cref="LifecycleTransitionException">The hand-raise route or the MQL step was refused; nothing changed.</exception>
    public IReadOnlyList<DomainEvent> ApplyScore(ContactScore score, By by, string? handRaise)
    {
        Guard.NotNull(score);
        Guard.NotNull(by);
        Guard.NotBlank(score.Model, "score.Model");
        Guard.NotBlank(score.ModelVersion, "score.ModelVersion");
        Guard.NotNull(score.Groups, "score.Groups");
        Guard.NotNull(score.Rules, "score.Rules");
        var began = BeginChange();
        try
        {
            return ApplyScoreHeld(score, by, handRaise);
        }
        finally
        {
            EndChange(began);
        }
    }

    /// <summary>Applies a score while the caller holds the single-writer section, so the undo below restores only this call's own changes.</summary>
    private DomainEvent[] ApplyScoreHeld(ContactScore score, By by, string? handRaise)
    {
        var mark = pending.Count;
        var routes = !string.IsNullOrWhiteSpace(handRaise) && policy.Definitions.HandRaiseRoute is { } route && Stage.IsFunnelStage && Stage.Backbone.Value < route.Value;
        if (!routes && (Stage.Backbone.Value >= LifecycleStage.MarketingQualifiedLead.Value || !policy.Thresholds.IsMqlReachedBy(score)))
        {
            // Nothing can move: record the score alone (nothing to undo, nothing allocated when it is unchanged).
            RecordScore(score, by.Actor);
        }
        else
        {
            var undo = (Score, scores.ToArray(), scoreHistory.ToArray(), scoreChanges, history.Count);
            try
            {
                RecordScore(score, by.Actor);
                if (routes)
                {
                    HandRaise(handRaise!, by);
                }

                var reachesMql = Stage.Backbone.Value < LifecycleStage.MarketingQualifiedLead.Value && policy.Thresholds.IsMqlReachedBy(score)
                    && policy.CheckQualification(this, score, Now).CanQualify;
                if (reachesMql)
                {
                    Fire(LifecycleTrigger.ReachMqlThreshold, by, null, null);
                }
            }
            catch
            {
                if (history.Count == undo.Item5)
                {
                    (Score, scoreChanges) = (undo.Score, undo.scoreChanges);
                    scores.Clear();
                    scores.AddRange(undo.Item2);
                    scoreHistory.Clear();
                    scoreHistory.AddRange(undo.Item3);
                    pending.RemoveRange(mark, pending.Count - mark);
                }

                throw;
            }
        }

        // Reaching MQL is a complete transition on its own: should the SQL step be refused (a concurrent change), the
        // contact stays a valid MQL with its record.
        var reachesSql = policy.Definitions.SqlQualification != SqlQualification.SalesAcceptance
            && policy.Thresholds.Sql is { } sql && score.Total >= sql && Stage.Backbone == LifecycleStage.MarketingQualifiedLead;
        if (reachesSql)
        {
            Fire(LifecycleTrigger.ReachSqlThreshold, by, null, null);
        }

        return Since(mark);
    }

    /// <summary>Says whether the contact's current score would make it an MQL on the next rescoring, and why not yet.</summary>
    /// <returns>The answer, with the points still needed and the end of the cool-off where the agreement's requalification rule holds the contact back.</returns>
    /// <remarks>The current score is the one last applied, with its groups, so the lead type's group minimums are judged too.</remarks>
    public QualificationCheck CanQualify() => policy.CheckQualification(this, CurrentScore, Now);

    /// <summary>Says whether a bare total would make the contact an MQL now, and why not yet.</summary>
    /// <param name="score">The total to judge, for example one just computed.</param>
    /// <returns>The answer, with the points still needed and the end of the cool-off where the agreement's requalification rule holds the contact back.</returns>
    /// <remarks>A bare total has no groups, so it never meets a group minimum of the lead type (<see cref="QualificationThresholds.MqlGroups"/>); judge a model's score with <see cref="CanQualify(ContactScore)"/>.</remarks>
    public QualificationCheck CanQualify(decimal score) =>
        policy.CheckQualification(this, new ContactScore { Model = ContactScore.TotalOnlyModel, ModelVersion = ContactScore.TotalOnlyModel, AsOf = Now, Total = score }, Now);

    /// <summary>Says whether a model's score would make the contact an MQL now, its group minimums included, and why not yet.</summary>
    /// <param name="score">The score to judge, with its groups.</param>
    /// <returns>The answer, naming each group minimum the score misses.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="score"/> is <see langword="null"/>.</exception>
    public QualificationCheck CanQualify(ContactScore score) => policy.CheckQualification(this, Guard.NotNull(score), Now);

    /// <summary>Gets the score last applied (the one <see cref="Score"/> is the total of), or <see langword="null"/>.</summary>
    private ContactScore? CurrentScore =>
        scoreHistory.Count > 0 && scoreHistory[^1].Current.Total == Score ? scoreHistory[^1].Current
        : Score is { } total ? scores.LastOrDefault(s => s.Total == total) ?? new ContactScore { Model = ContactScore.TotalOnlyModel, ModelVersion = ContactScore.TotalOnlyModel, AsOf = Now, Total = total }
        : null;

    /// <summary>Evaluates the contact's connect attempts since it was last handed to sales against the connect policy of its lead type.</summary>
    /// <param name="now">The instant of the evaluation, from the caller's <see cref="TimeProvider"/>.</param>
    /// <returns>The evaluation, or <see langword="null"/> when the contact was never handed to sales.</returns>
    public ConnectEvaluation? EvaluateConnectAttempts(DateTimeOffset now) =>
        HandedOverAt is { } handedOver ? policy.ConnectPolicy.Evaluate(handedOver, attempts, now) : null;

    /// <summary>Gets the instants at which something becomes due or breached on the contact under its connect policy: the first touch, the next attempt and the end of the sequence.</summary>
    /// <returns>The pending timers, earliest first; empty when the contact is not handed to sales, or nothing is pending. A timer already past is included: fire it now.</returns>
    /// <remarks>
    /// The timers follow from the contact's state: schedule a wake-up at each timer's <see cref="SlaTimer.FiresAt"/>, then call
    /// <see cref="FireSlaTimers"/>, and ask again after any change. A breach already recorded for the current handoff is not
    /// timed again.
    /// </remarks>
    public IReadOnlyList<SlaTimer> SlaTimers()
    {
        if (HandedOverAt is not { } handoff || policy.OwnerOf(Stage) != Team.Sales)
        {
            return [];
        }

        var connect = policy.ConnectPolicy;
        var counted = AttemptsSinceHandoff().OrderBy(a => a.At).ToArray();
        var evaluation = connect.Evaluate(handoff, counted, handoff);
        var firstDue = connect.BusinessHours.Add(handoff, connect.FirstTouchWithin);
        var timers = new List<SlaTimer>();
        if ((counted.Length == 0 || counted[0].At > firstDue) && !HasBreach(handoff, SlaTimerKind.FirstTouch))
        {
            timers.Add(new SlaTimer(SlaTimerKind.FirstTouch, firstDue));
        }

        if (evaluation.Status == ConnectStatus.InProgress)
        {
            if (evaluation.NextAttemptDue is { } next)
            {
                timers.Add(new SlaTimer(SlaTimerKind.NextAttempt, next));
            }

            if (!HasBreach(handoff, SlaTimerKind.EndOfSequence))
            {
                var stop = counted.FirstOrDefault(a => a.Outcome.StopsSequence && !connect.IsConnected(a.Outcome));
                var end = stop?.At ?? handoff.AddDays(connect.OverDays);
                timers.Add(new SlaTimer(SlaTimerKind.EndOfSequence, end > firstDue ? end : firstDue));
            }
        }

        return [.. timers.OrderBy(t => t.FiresAt)];
    }

    /// <summary>Fires the SLA timers that are due now (by the contact's <see cref="TimeProvider"/>): records each breach of the connect policy not yet recorded for the current handoff, and returns its event.</summary>
    /// <returns>One <see cref="SlaBreached"/> per new breach; empty when nothing is breached, already recorded, or the contact is not handed to sales.</returns>
    /// <remarks>Each breach is a recorded change (<see cref="SlaBreaches"/>, <see cref="Version"/>); firing again finds it recorded and returns nothing, so a scheduler that fires twice raises no duplicate alarm.</remarks>
    /// <exception cref="InvalidOperationException">Another change to the contact overlaps this one; nothing was recorded.</exception>
    public IReadOnlyList<DomainEvent> FireSlaTimers()
    {
        var began = BeginChange();
        try
        {
            if (HandedOverAt is not { } handoff || policy.OwnerOf(Stage) != Team.Sales)
            {
                return [];
            }

            var mark = pending.Count;
            var now = time.GetUtcNow();
            var connect = policy.ConnectPolicy;
            var evaluation = connect.Evaluate(handoff, AttemptsSinceHandoff(), now);
            foreach (var found in evaluation.Breaches)
            {
                var rule = found.Kind.ToString();
                var kind = found.Kind switch
                {
                    ConnectBreachKind.FirstTouchLate => SlaTimerKind.FirstTouch,
                    ConnectBreachKind.TooCloseTogether => SlaTimerKind.NextAttempt,
                    _ => SlaTimerKind.EndOfSequence,
                };
                if (breaches.Any(b => b.HandedOverAt == handoff && b.Rule == rule && (kind != SlaTimerKind.NextAttempt || b.Message == found.Message)))
                {
                    continue;
                }

                var due = kind == SlaTimerKind.FirstTouch
                    ? connect.BusinessHours.Add(handoff, connect.FirstTouchWithin)
                    : kind == SlaTimerKind.EndOfSequence ? handoff.AddDays(connect.OverDays) : now;
                var breach = new SlaBreach(kind, rule, due, found.Message) { At = now, HandedOverAt = handoff };
                breaches.Add(breach);
                pending.Add(new SlaBreached { ContactId = Id, At = now, Breach = breach });
                DomainTelemetry.SlaBreachRecorded(rule);
            }

            return Since(mark);
        }
        finally
        {
            EndChange(began);
        }
    }

    internal DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Gets the number of events pending, so a deal can return the events its change caused on the contact.</summary>
    internal int EventMark => pending.Count;

    internal IReadOnlyList<DomainEvent> EventsSince(int mark) => Since(mark);

    private bool HasBreach(DateTimeOffset handoff, SlaTimerKind kind) => breaches.Any(b => b.HandedOverAt == handoff && b.Kind == kind);

    private static string Quote(string? leadType) => leadType is null ? "none" : "'" + leadType + "'";

    private static LifecycleTrigger[] PermittedIn(LifecycleMachine slot) =>
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

    private DomainEvent[] Fire(LifecycleTrigger trigger, By by, string? reason, DisqualificationReason? disqualification, LifecycleStage? target = null)
    {
        Guard.NotNull(by);
        var began = BeginChange();
        try
        {
            LifecycleStage destination;
            var slot = policy.Rent();
            try
            {
                slot.Bind(this, disqualification, target);
                if (!slot.Machine.CanFire(trigger, out var unmet))
                {
                    DomainTelemetry.LifecycleRefused(trigger.Name);
                    throw new LifecycleTransitionException(Id, Stage, LeadStatus, trigger, slot.UnmetFor(trigger, unmet), PermittedIn(slot));
                }

                slot.Machine.Fire(trigger);
                destination = slot.Stage;
            }
            finally
            {
                slot.Release();
            }

            return Append(destination, StatusAfter(trigger, destination), trigger, by, reason, disqualification);
        }
        finally
        {
            EndChange(began);
        }
    }

    private DomainEvent[] Append(LifecycleStage to, LeadStatus? toStatus, LifecycleTrigger trigger, By by, string? reason, DisqualificationReason? disqualification)
    {
        var began = BeginChange();
        var mark = pending.Count;
        try
        {
            var now = time.GetUtcNow();
            Chronology.EnsureNotBefore(now, history[^1].At, "contact '" + Id + "'");

            var record = new LifecycleTransition { Sequence = history.Count + 1, From = Stage, To = to, FromStatus = LeadStatus, ToStatus = toStatus, Trigger = trigger, At = now, By = by, Reason = reason, Score = Score, DisqualificationReason = disqualification };
            history.Add(record);
            Stage = to;
            LeadStatus = toStatus;
            DomainTelemetry.LifecycleTransition(trigger.Name);
            if (record.ChangesStage)
            {
                pending.Add(new StageChanged { ContactId = Id, At = now, Transition = record });
            }

            if (record.FromStatus != record.ToStatus)
            {
                pending.Add(new LeadStatusChanged { ContactId = Id, At = now, Transition = record });
            }

            if (policy.HandoffOf(record) is { } handoff)
            {
                var connect = policy.ConnectPolicy;
                pending.Add(new HandedOver
                {
                    ContactId = Id,
                    At = now,
                    Handoff = handoff,
                    FirstTouchDue = handoff.To == Team.Sales ? connect.BusinessHours.Add(handoff.At, connect.FirstTouchWithin) : null,
                });
            }
        }
        finally
        {
            EndChange(began);
        }

        return Since(mark);
    }

    private void RecordScore(ContactScore score, Actor actor)
    {
        var began = BeginChange();
        try
        {
            // Looked up inside the guard, so two overlapping calls cannot both add a first score of one model.
            ContactScore? previous = null;
            var index = -1;
            for (var i = 0; i < scores.Count; i++)
            {
                if (string.Equals(scores[i].Model, score.Model, StringComparison.Ordinal))
                {
                    (previous, index) = (scores[i], i);
                    break;
                }
            }

            // Unchanged only when the model's score and the contact's current score both stay: a contact scored by another
            // model since then takes this score back as its current one, and that is a recorded change with its event.
            if (previous is not null && Score == score.Total && previous.ModelVersion == score.ModelVersion && previous.Total == score.Total
                && previous.Groups.SequenceEqual(score.Groups) && previous.Rules.SequenceEqual(score.Rules))
            {
                return;
            }

            var now = time.GetUtcNow();
            Chronology.EnsureNotBefore(now, history[^1].At, "contact '" + Id + "'");
            var change = new ScoreChange { Sequence = scoreChanges + 1, At = now, Actor = actor, Previous = previous, Current = score };
            Score = score.Total;
            if (index >= 0)
            {
                scores[index] = score;
            }
            else
            {
                scores.Add(score);
            }

            scoreHistory.Add(change);
            if (scoreHistory.Count > ScoreHistoryLimit)
            {
                scoreHistory.RemoveAt(0);
            }

            scoreChanges++;
            pending.Add(new ScoreChanged { ContactId = Id, At = now, Change = change });
        }
        finally
        {
            EndChange(began);
        }
    }

    private DomainEvent[] Since(int mark) => mark == pending.Count ? [] : [.. pending.Skip(mark)];

    /// <summary>Enters the contact's single-writer hold (see <see cref="SingleWriter"/>) for a verb.</summary>
    /// <returns>Whether this call entered the hold and must leave it with <see cref="EndChange"/>.</returns>
    /// <exception cref="InvalidOperationException">Another caller is changing the contact; nothing was recorded.</exception>
    private bool BeginChange() => writer.Enter() ?? throw ConcurrentChange();

    /// <summary>Leaves the hold entered by <see cref="BeginChange"/>, when this call entered it.</summary>
    /// <param name="began">What <see cref="BeginChange"/> returned.</param>
    private void EndChange(bool began) => writer.Exit(began);

    private InvalidOperationException ConcurrentChange() => new(string.Create(
        CultureInfo.InvariantCulture,
        $"Contact '{Id}' was changed by another caller while this change was being made; nothing was recorded. A contact is not thread-safe: serialize the calls on one contact, or reload it and try again."));

    private LifecycleTransitionException Refused(LifecycleTrigger trigger, IReadOnlyList<string>? unmet, Func<CultureInfo, string>? detail)
    {
        DomainTelemetry.LifecycleRefused(trigger.Name);
        return new(Id, Stage, LeadStatus, trigger, unmet ?? [], Permitted(null), detail);
    }
}
