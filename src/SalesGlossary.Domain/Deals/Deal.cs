using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Represents a deal moving through a pipeline, with a history like Salesforce's opportunity history.</summary>
/// <remarks>
/// <para>
/// <see cref="Stage"/> is a plain property; it changes only through the verbs, checked by the pipeline's Stateless
/// machine. Deals move forward stage by stage (skipping only where the pipeline allows it), back only where it allows
/// and with a reason, can be put on hold (and resume in the stage they left: time on hold counts for the on-hold stage,
/// not the stage left), are won or lost (with a lost reason where required), and reopen only explicitly, with a reason.
/// </para>
/// <para>
/// A deal knows its contact: it is given when the deal opens, its id is recorded in the creation record, and a
/// rehydrated deal is given it again. The deal drives it, and no verb can leave them disagreeing: opening makes the
/// contact an Opportunity (lead status Open deal) where the agreement defines it so, winning always makes it a Customer
/// (with no lead status: it is no longer a lead), and losing recycles it where the agreement says so or else turns its
/// Open deal status to Connected. The contact is checked before anything changes, so a refused move changes neither.
/// </para>
/// <para>
/// A deal is not thread-safe: serialize the calls on one deal. A verb holds the deal from its first read to its last
/// write, so a verb that overlaps it from another caller is refused with an <see cref="InvalidOperationException"/> and
/// records nothing, instead of corrupting the history.
/// </para>
/// </remarks>
public sealed class Deal
{
    private readonly List<DealTransition> history;
    private readonly TimeProvider time;
    private readonly Contact[] contacts;
    private readonly List<DomainEvent> pending = [];
    private SingleWriter writer;

    private Deal(string id, Pipeline pipeline, DealStage stage, decimal amount, DateOnly? expectedClose, List<DealTransition> history, Contact[] contacts, TimeProvider time)
    {
        Id = id;
        this.contacts = contacts;
        Pipeline = pipeline;
        Stage = stage;
        Amount = amount;
        ExpectedClose = expectedClose;
        this.history = history;
        this.time = time;
    }

    /// <summary>Gets the deal's id.</summary>
    public string Id { get; }

    /// <summary>Gets the deal's pipeline.</summary>
    public Pipeline Pipeline { get; }

    /// <summary>Gets the deal's stage.</summary>
    public DealStage Stage { get; private set; }

    /// <summary>Gets the deal's amount.</summary>
    public decimal Amount { get; private set; }

    /// <summary>Gets the expected close date, if known.</summary>
    public DateOnly? ExpectedClose { get; private set; }

    /// <summary>Gets the win probability in percent: always that of the stage.</summary>
    public decimal Probability => Stage.Probability;

    /// <summary>Gets the weighted amount: amount × probability.</summary>
    public decimal WeightedAmount => Amount * Stage.Probability / 100m;

    /// <summary>Gets a value indicating whether the deal is won or lost.</summary>
    public bool IsClosed => Stage.Kind.IsClosed;

    /// <summary>Gets the stage a deal on hold resumes in, or a closed deal reopens in; otherwise <see langword="null"/>.</summary>
    public DealStage? ResumeStage => Stage.Kind == DealStageKind.Open ? null : LastOpenStage();

    /// <summary>Gets the deal's contacts, which it drives.</summary>
    public IReadOnlyList<Contact> Contacts => contacts;

    /// <summary>Gets every record of the deal, oldest first.</summary>
    public IReadOnlyList<DealTransition> History => history;

    /// <summary>Opens a deal for a contact in a start stage of its pipeline and records the deal on the contact.</summary>
    /// <param name="id">The deal's id.</param>
    /// <param name="pipeline">The pipeline the deal follows (an agreement's lead type opens deals in its own: <c>LeadTypePolicy.OpenDeal</c>).</param>
    /// <param name="contact">The contact the deal is for; it becomes an Opportunity where the agreement defines it so, and the deal drives it from then on.</param>
    /// <param name="amount">The deal's amount (not negative).</param>
    /// <param name="expectedClose">The expected close date, if known.</param>
    /// <param name="timeProvider">Where the times of its records come from.</param>
    /// <param name="by">Who opened it (the actor, and the person or system by name if given).</param>
    /// <param name="startStage">The start stage's name, or <see langword="null"/> for the pipeline's first start stage.</param>
    /// <returns>The new deal, with one record in its history.</returns>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The id is empty, the amount is negative, or the start stage is not one the pipeline allows.</exception>
    /// <exception cref="LifecycleTransitionException">The contact cannot take a deal (it is in Other); nothing was created.</exception>
    public static Deal Open(
        string id,
        Pipeline pipeline,
        Contact contact,
        decimal amount,
        DateOnly? expectedClose,
        TimeProvider timeProvider,
        By by,
        string? startStage = null)
    {
        Guard.NotBlank(id);
        Guard.NotNull(pipeline);
        Guard.NotNull(contact);
        Guard.NotNull(timeProvider);
        Guard.NotNull(by);
        Guard.InRange(amount, 0m, decimal.MaxValue);
        var stage = startStage is null ? pipeline.StartStages[0] : pipeline.Stage(startStage);
        if (!pipeline.StartStages.Contains(stage))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Deals in pipeline '{pipeline.Name}' start in {string.Join(" or ", pipeline.StartStages.Select(s => "'" + s.Name + "'"))}, not '{stage.Name}'."),
                nameof(startStage));
        }

        contact.RecordDealCreated(by, id);
        var created = new DealTransition { Sequence = 1, From = stage.Name, To = stage.Name, Trigger = DealTrigger.Create, At = timeProvider.GetUtcNow(), By = by, Amount = amount, ExpectedClose = expectedClose, Contacts = [contact.Id] };
        var deal = new Deal(id, pipeline, stage, amount, expectedClose, [created], [contact], timeProvider);
        deal.pending.Add(new DealStageChanged { DealId = id, ContactIds = [contact.Id], At = created.At, Transition = created });
        return deal;
    }

    /// <summary>Rebuilds a deal from its stored history; it continues exactly as the original would.</summary>
    /// <param name="id">The deal's id.</param>
    /// <param name="pipeline">The pipeline the deal follows.</param>
    /// <param name="history">The stored history, oldest first.</param>
    /// <param name="contacts">The deal's contacts, rehydrated: exactly those whose ids the creation record holds.</param>
    /// <param name="timeProvider">Where the times of new records come from.</param>
    /// <returns>The deal in the stage, amount and close date its last record left it.</returns>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <exception cref="DefinitionValidationException">The history is not a valid chain of this pipeline's stages, or the contacts are not those it records; every problem is listed.</exception>
    public static Deal Rehydrate(string id, Pipeline pipeline, IReadOnlyList<DealTransition> history, IReadOnlyList<Contact> contacts, TimeProvider timeProvider)
    {
        Guard.NotBlank(id);
        Guard.NotNull(pipeline);
        Guard.NotNull(contacts);
        Guard.NotNull(timeProvider);
        var problems = new ValidationCollector();
        var records = history ?? [];
        if (records.Count == 0 || records[0] is not { Trigger: var first } || first != DealTrigger.Create)
        {
            problems.Add("$.history[0]", "The history must start with the deal's creation.");
        }

        for (var i = 0; i < records.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.history[{i}]");
            var r = records[i];
            if (r is null || r.Trigger is null || r.By is null || !pipeline.Stages.Any(s => s.Name == r.From) || !pipeline.Stages.Any(s => s.Name == r.To))
            {
                problems.Add(path, $"The record is incomplete or names a stage that pipeline '{pipeline.Name}' does not have.");
                continue;
            }

            if (r.Sequence != i + 1)
            {
                problems.Add(path + ".sequence", $"The sequence number is {r.Sequence}; expected {i + 1}.");
            }

            if (i > 0 && records[i - 1] is { } previous)
            {
                if (previous.To != r.From)
                {
                    problems.Add(path + ".from", $"The record starts in '{r.From}' but the previous one ended in '{previous.To}'; the chain is broken.");
                }

                if (r.At < previous.At)
                {
                    problems.Add(path + ".at", "The time is before the previous record's; times must not go backward.");
                }
            }
        }

        var recorded = records.Count > 0 ? records[0]?.Contacts ?? [] : [];
        if (records.Count > 0 && recorded.Count == 0)
        {
            problems.Add("$.history[0].contacts", "The creation record names no contact; a deal always has one.");
        }

        for (var i = 1; i < records.Count; i++)
        {
            if (records[i]?.Contacts is not null)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"$.history[{i}].contacts"), "Only the creation record names the deal's contacts.");
            }
        }

        var given = contacts.Select(c => c?.Id).ToArray();
        foreach (var missing in recorded.Where(r => !given.Contains(r, StringComparer.Ordinal)))
        {
            problems.Add("$.contacts", $"The deal's contact '{missing}' is not given; pass every contact the history names, rehydrated.");
        }

        foreach (var extra in given.Where(g => !recorded.Contains(g, StringComparer.Ordinal)))
        {
            problems.Add("$.contacts", $"Contact '{extra ?? "null"}' is not one of the deal's contacts ({string.Join(", ", recorded.Select(r => "'" + r + "'"))}).");
        }

        problems.ThrowIfAny("stored history of deal '" + id + "'");
        var last = records[^1];
        return new Deal(id, pipeline, pipeline.Stage(last.To), last.Amount, last.ExpectedClose, [.. records], [.. contacts], timeProvider);
    }

    /// <summary>Gets the events of the deal that the caller has not taken yet, oldest first (the creation's <see cref="DealStageChanged"/> first).</summary>
    public IReadOnlyList<DomainEvent> PendingEvents => pending;

    /// <summary>Takes the deal's events since they were last taken, oldest first, and forgets them.</summary>
    /// <returns>The deal's events; the events its changes caused on its contacts are taken from the contacts.</returns>
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
            writer.Exit(began);
        }
    }

    /// <summary>Gets whether the deal can move to a stage now (with a reason, when <paramref name="withReason"/> is set).</summary>
    /// <param name="stage">The target stage's name.</param>
    /// <param name="withReason">Whether a reason would be given.</param>
    /// <returns><see langword="true"/> when <see cref="MoveTo"/> would be accepted.</returns>
    /// <exception cref="ArgumentException">The pipeline has no such stage.</exception>
    public bool CanMoveTo(string stage, bool withReason = false)
    {
        var target = Pipeline.Stage(stage);
        var machine = DealMachine.Rent(Pipeline);
        try
        {
            machine.Bind(Stage, ResumeStage, withReason);
            return machine.CanMoveTo(target);
        }
        finally
        {
            machine.Release();
        }
    }

    /// <summary>Moves the deal to another open stage: the next one, a later one where the pipeline allows skipping, or an earlier one (with a reason) where it allows moving back.</summary>
    /// <param name="stage">The target stage's name.</param>
    /// <param name="by">Who moved it (the actor, and the person or system by name if given).</param>
    /// <param name="reason">Why; required to move back.</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <exception cref="ArgumentException">The pipeline has no such stage.</exception>
    /// <exception cref="DealTransitionException">The pipeline does not allow the move from the current stage.</exception>
    public IReadOnlyList<DomainEvent> MoveTo(string stage, By by, string? reason = null)
    {
        var target = Pipeline.Stage(stage);
        return Fire(DealTrigger.MoveTo, target, by, reason, c => Localization.Format("Move.To", c, target.GetDisplayName(c)), null);
    }

    /// <summary>Puts the deal on hold; it remembers the stage it left.</summary>
    /// <param name="by">Who did it (the actor, and the person or system by name if given).</param>
    /// <param name="reason">Why, if given.</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <exception cref="DealTransitionException">The deal is not open, or the pipeline has no on-hold stage.</exception>
    public IReadOnlyList<DomainEvent> PutOnHold(By by, string? reason = null) =>
        Fire(DealTrigger.PutOnHold, null, by, reason, c => Localization.Format("Move.PutOnHold", c), null);

    /// <summary>Resumes a deal on hold in the stage it left.</summary>
    /// <param name="by">Who did it (the actor, and the person or system by name if given).</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <exception cref="DealTransitionException">The deal is not on hold.</exception>
    public IReadOnlyList<DomainEvent> Resume(By by) =>
        Fire(DealTrigger.Resume, null, by, null, c => Localization.Format("Move.Resume", c), null);

    /// <summary>Wins the deal; its contact becomes a Customer (with no lead status: it is no longer a lead), unless it is one already or an Evangelist.</summary>
    /// <param name="by">Who closed it (the actor, and the person or system by name if given).</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <exception cref="DealTransitionException">The deal is not in an open stage.</exception>
    /// <exception cref="LifecycleTransitionException">The contact cannot become a Customer from its stage (it was disqualified: reopen it first); the deal and the contact are unchanged.</exception>
    public IReadOnlyList<DomainEvent> Win(By by)
    {
        foreach (var contact in contacts)
        {
            contact.EnsureCanWinDeal();
        }

        return Fire(DealTrigger.Win, null, by, null, c => Localization.Format("Move.Win", c), () =>
        {
            foreach (var contact in contacts)
            {
                contact.RecordDealWon(by, Id);
            }
        });
    }

    /// <summary>Loses the deal with a lost reason code of the agreement's vocabulary; the reason's display name (and the note) is recorded as the loss's reason.</summary>
    /// <param name="reason">The lost reason code, for example <see cref="LostReason.Competitor"/> or one the agreement defines.</param>
    /// <param name="by">Who closed it (the actor, and the person or system by name if given).</param>
    /// <param name="note">Details in words; required for <see cref="LostReason.Other"/>.</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> or <paramref name="by"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The reason is Other and no note is given.</exception>
    /// <exception cref="DealTransitionException">The deal is closed.</exception>
    public IReadOnlyList<DomainEvent> LoseFor(LostReason reason, By by, string? note = null)
    {
        Guard.NotNull(reason);
        Guard.NotNull(by);
        if (reason == LostReason.Other && string.IsNullOrWhiteSpace(note))
        {
            throw new ArgumentException("A loss for reason Other needs a note that says the reason.", nameof(note));
        }

        return Lose(string.IsNullOrWhiteSpace(note) ? reason.DisplayName : reason.DisplayName + ": " + note, by);
    }

    /// <summary>Loses the deal; its contact is recycled where the agreement says so, and otherwise its lead status Open deal becomes Connected.</summary>
    /// <param name="reason">The lost reason; required where the pipeline says so.</param>
    /// <param name="by">Who closed it (the actor, and the person or system by name if given).</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <exception cref="DealTransitionException">The deal is closed, or no lost reason is given where one is required.</exception>
    public IReadOnlyList<DomainEvent> Lose(string? reason, By by) =>
        Fire(DealTrigger.Lose, null, by, reason, c => Localization.Format("Move.Lose", c), () =>
        {
            foreach (var contact in contacts)
            {
                contact.RecordDealLost(by, Id, reason);
            }
        });

    /// <summary>Reopens a closed deal in the stage it closed from; a reopened lost deal is recorded on its contact as an open deal again.</summary>
    /// <param name="reason">Why it is reopened.</param>
    /// <param name="by">Who reopened it (the actor, and the person or system by name if given).</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <exception cref="DealTransitionException">The deal is not closed, or no reason is given.</exception>
    /// <exception cref="LifecycleTransitionException">The contact of a lost deal is in Other (reopen it first); nothing changed.</exception>
    public IReadOnlyList<DomainEvent> Reopen(string reason, By by)
    {
        Action? drive = null;
        if (Stage.Kind == DealStageKind.Lost)
        {
            // A reopened lost deal is an open deal of its contact again.
            drive = () =>
            {
                foreach (var contact in contacts)
                {
                    contact.RecordDealCreated(by, Id);
                }
            };
        }

        return Fire(DealTrigger.Reopen, null, by, reason, c => Localization.Format("Move.Reopen", c), drive);
    }

    /// <summary>Changes the amount or expected close date, recorded like a stage change.</summary>
    /// <param name="amount">The new amount (not negative).</param>
    /// <param name="expectedClose">The new expected close date, if known.</param>
    /// <param name="by">Who changed it (the actor, and the person or system by name if given).</param>
    /// <param name="reason">Why, if given.</param>
    /// <returns>The events the change caused, in order; the aggregate keeps them until <c>TakeEvents</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative.</exception>
    /// <exception cref="ArgumentException">Nothing would change.</exception>
    public IReadOnlyList<DomainEvent> UpdateForecast(decimal amount, DateOnly? expectedClose, By by, string? reason = null)
    {
        Guard.InRange(amount, 0m, decimal.MaxValue);
        Guard.NotNull(by);
        var began = BeginChange();
        try
        {
            CheckClock();
            if (amount == Amount && expectedClose == ExpectedClose)
            {
                throw new ArgumentException("The forecast update changes nothing: amount and expected close date are already these.", nameof(amount));
            }

            return Append(Stage, DealTrigger.UpdateForecast, by, reason, amount, expectedClose);
        }
        finally
        {
            writer.Exit(began);
        }
    }

    /// <summary>Derives how long the deal spent in each stage, up to now; time on hold counts for the on-hold stage only.</summary>
    /// <returns>The cumulative time per stage, in the order first entered.</returns>
    public IReadOnlyList<DealStageTime> TimeInStages()
    {
        var stages = new List<string>();
        var times = new List<TimeSpan>();
        var now = time.GetUtcNow();
        for (var i = 0; i < history.Count; i++)
        {
            var record = history[i];
            var end = i + 1 < history.Count ? history[i + 1].At : now;
            var spent = end - record.At;
            var index = stages.IndexOf(record.To);
            if (index < 0)
            {
                stages.Add(record.To);
                times.Add(spent);
            }
            else
            {
                times[index] += spent;
            }
        }

        return [.. stages.Select((stage, i) => new DealStageTime(stage, times[i]))];
    }

    private DealStage LastOpenStage()
    {
        for (var i = history.Count - 1; i >= 0; i--)
        {
            var stage = Pipeline.Stage(history[i].To);
            if (stage.Kind == DealStageKind.Open)
            {
                return stage;
            }
        }

        return Pipeline.StartStages[0];
    }

    private T WithMachine<T>(bool hasReason, Func<DealMachine, T> use)
    {
        var machine = DealMachine.Rent(Pipeline);
        try
        {
            machine.Bind(Stage, ResumeStage, hasReason);
            return use(machine);
        }
        finally
        {
            machine.Release();
        }
    }

    private List<DomainEvent> Fire(DealTrigger trigger, DealStage? target, By by, string? reason, Func<CultureInfo, string> move, Action? driveContact)
    {
        Guard.NotNull(by);
        var began = BeginChange();
        try
        {
            return FireHeld(trigger, target, by, reason, move, driveContact);
        }
        finally
        {
            writer.Exit(began);
        }
    }

    /// <summary>Fires a trigger while the caller holds the deal's single-writer hold.</summary>
    private List<DomainEvent> FireHeld(DealTrigger trigger, DealStage? target, By by, string? reason, Func<CultureInfo, string> move, Action? driveContact)
    {
        CheckClock();
        var hasReason = !string.IsNullOrWhiteSpace(reason);
        var destination = WithMachine(hasReason, m =>
        {
            ICollection<string>? unmet;
            var can = target is null ? m.Machine.CanFire(trigger, out unmet) : m.Machine.CanFire(m.MoveTo, target, out unmet);
            if (!can)
            {
                DomainTelemetry.DealRefused(trigger.Name);
                throw new DealTransitionException(Id, Stage, move, target is null ? [.. unmet ?? []] : UnmetMoveGuard(target), Allowed(m));
            }

            if (target is null)
            {
                m.Machine.Fire(trigger);
            }
            else
            {
                m.Machine.Fire(m.MoveTo, target);
            }

            return m.Stage;
        });
        var marks = contacts.Select(c => c.EventMark).ToArray();
        driveContact?.Invoke();
        var events = new List<DomainEvent>(Append(destination, trigger, by, reason, Amount, ExpectedClose));
        for (var i = 0; i < contacts.Length; i++)
        {
            events.AddRange(contacts[i].EventsSince(marks[i]));
        }

        return events;
    }

    /// <summary>The guard of the one transition to <paramref name="target"/>; Stateless lists those of every target of the trigger.</summary>
    private List<string> UnmetMoveGuard(DealStage target)
    {
        var from = Pipeline.IndexOfOpen(Stage);
        var to = Pipeline.IndexOfOpen(target);
        return from < 0 || to < 0 || from == to ? [] : to > from + 1 ? [DealMachine.SkipGuard] : to < from ? [DealMachine.BackGuard] : [];
    }

    private List<(string Move, bool NeedsReason)> Allowed(DealMachine m)
    {
        var given = m.HasReason;
        var allowed = new List<(string Move, bool NeedsReason)>();
        bool Can(Func<bool> check, out bool onlyWithReason)
        {
            m.HasReason = false;
            var without = check();
            m.HasReason = true;
            var with = check();
            m.HasReason = given;
            onlyWithReason = !without && with;
            return without || with;
        }

        foreach (var stage in Pipeline.OpenStages)
        {
            if (Can(() => m.Machine.CanFire(m.MoveTo, stage), out var needsReason))
            {
                allowed.Add(("MoveTo('" + stage.Name + "')", needsReason));
            }
        }

        foreach (var (trigger, words) in new[] { (DealTrigger.PutOnHold, "PutOnHold"), (DealTrigger.Resume, "Resume"), (DealTrigger.Win, "Win"), (DealTrigger.Lose, "Lose"), (DealTrigger.Reopen, "Reopen") })
        {
            if (Can(() => m.Machine.CanFire(trigger), out var needsReason))
            {
                allowed.Add((words, needsReason));
            }
        }

        return allowed;
    }

    /// <summary>Enters the deal's single-writer hold (see <see cref="SingleWriter"/>) for a verb.</summary>
    /// <returns>Whether this call entered the hold and must leave it.</returns>
    /// <exception cref="InvalidOperationException">Another caller is changing the deal; nothing was recorded.</exception>
    private bool BeginChange() => writer.Enter() ?? throw new InvalidOperationException(
        "Deal '" + Id + "' was changed by another caller while this change was being made; nothing was recorded. A deal is not thread-safe: serialize the calls on one deal, or reload it and try again.");

    private void CheckClock() => Chronology.EnsureNotBefore(time.GetUtcNow(), history[^1].At, "deal '" + Id + "'");

    private DomainEvent[] Append(DealStage to, DealTrigger trigger, By by, string? reason, decimal amount, DateOnly? expectedClose)
    {
        var now = time.GetUtcNow();
        var record = new DealTransition { Sequence = history.Count + 1, From = Stage.Name, To = to.Name, Trigger = trigger, At = now, By = by, Reason = string.IsNullOrWhiteSpace(reason) ? null : reason, Amount = amount, ExpectedClose = expectedClose };
        history.Add(record);
        Stage = to;
        Amount = amount;
        ExpectedClose = expectedClose;
        DomainTelemetry.DealTransition(trigger.Name);
        var ids = contacts.Select(c => c.Id).ToArray();
        DomainEvent happened = trigger == DealTrigger.Win ? new DealWon { DealId = Id, ContactIds = ids, At = now, Transition = record }
            : trigger == DealTrigger.Lose ? new DealLost { DealId = Id, ContactIds = ids, At = now, Transition = record }
            : trigger == DealTrigger.UpdateForecast ? new DealForecastUpdated { DealId = Id, ContactIds = ids, At = now, Transition = record }
            : new DealStageChanged { DealId = Id, ContactIds = ids, At = now, Transition = record };
        pending.Add(happened);
        return [happened];
    }
}
