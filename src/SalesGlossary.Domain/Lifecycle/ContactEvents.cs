using SalesGlossary.Domain.Connecting;

namespace SalesGlossary.Domain.Lifecycle;

/// <summary>Represents something that happened to one contact.</summary>
/// <remarks>Replaying a contact's events in order (<see cref="Contact.Replay"/>) rebuilds its state.</remarks>
public abstract record ContactEvent : DomainEvent
{
    private protected ContactEvent()
    {
    }

    /// <summary>Gets the id of the contact.</summary>
    public required string ContactId { get; init; }
}

/// <summary>Represents the creation of a contact, with its first record: created, or imported from another system.</summary>
public sealed record ContactCreated : ContactEvent
{
    /// <summary>Gets the score the contact arrived with (an import's), or <see langword="null"/>.</summary>
    public decimal? Score { get; init; }

    /// <summary>Gets the key of the contact's lead type, or <see langword="null"/> for a contact governed by a policy outside an agreement.</summary>
    public string? LeadType { get; init; }

    /// <summary>Gets the first record (trigger Create or Import).</summary>
    public required LifecycleTransition Transition { get; init; }
}

/// <summary>Represents a change of a contact's lifecycle stage.</summary>
/// <remarks>When the same record also changes the lead status, a <see cref="LeadStatusChanged"/> with the same record follows.</remarks>
public sealed record StageChanged : ContactEvent
{
    /// <summary>Gets the record of the change: from, to, trigger, who and why.</summary>
    public required LifecycleTransition Transition { get; init; }
}

/// <summary>Represents a change of a contact's lead status.</summary>
public sealed record LeadStatusChanged : ContactEvent
{
    /// <summary>Gets the record of the change: the statuses before and after, trigger, who and why.</summary>
    public required LifecycleTransition Transition { get; init; }
}

/// <summary>Represents a recorded change of one model's score of a contact, with the rule-level delta.</summary>
public sealed record ScoreChanged : ContactEvent
{
    /// <summary>Gets the change: previous and new score, the delta of the total, of each group and of each rule, and why.</summary>
    public required ScoreChange Change { get; init; }
}

/// <summary>Represents a handoff of a contact between teams: it entered a stage another team owns.</summary>
public sealed record HandedOver : ContactEvent
{
    /// <summary>Gets the handoff: from which team to which, at which stage, by which record.</summary>
    public required Handoff Handoff { get; init; }

    /// <summary>Gets when the first touch is due (the connect policy's first-touch time added in its business hours), for a handoff to sales; otherwise <see langword="null"/>.</summary>
    public DateTimeOffset? FirstTouchDue { get; init; }
}

/// <summary>Represents a connect attempt recorded on a contact.</summary>
public sealed record ConnectAttemptRecorded : ContactEvent
{
    /// <summary>Gets the attempt.</summary>
    public required ConnectAttempt Attempt { get; init; }

    /// <summary>Gets the attempt's number among the contact's attempts, starting at 1.</summary>
    public required int Number { get; init; }
}

/// <summary>Represents a breach of the connect policy found when an SLA timer fired.</summary>
public sealed record SlaBreached : ContactEvent
{
    /// <summary>Gets the breach: what was due when, and what fell short.</summary>
    public required SlaBreach Breach { get; init; }
}
