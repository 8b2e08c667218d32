namespace SalesGlossary.Domain;

/// <summary>Represents one immutable record of a contact's history: a change of lifecycle stage, of lead status, or both.</summary>
/// <remarks>
/// Histories are contiguous chains: each record starts where the previous one ended (stage and status), times never
/// go backward, and sequence numbers count up from 1. The first record is always <see cref="LifecycleTrigger.Create"/>.
/// </remarks>
/// <param name="Sequence">The position of the record in the history, starting at 1.</param>
/// <param name="From">The stage before the transition (for the first record, the initial stage).</param>
/// <param name="To">The stage after the transition.</param>
/// <param name="FromStatus">The lead status before the transition, or <see langword="null"/> when none was set.</param>
/// <param name="ToStatus">The lead status after the transition, or <see langword="null"/> when none is set.</param>
/// <param name="Trigger">What caused the transition.</param>
/// <param name="At">When the transition happened, from the contact's <see cref="TimeProvider"/>.</param>
/// <param name="Actor">Who caused it.</param>
/// <param name="ActorName">The person or system that acted, or <see langword="null"/> when not given.</param>
/// <param name="Reason">Why, in words; always present for backward moves, overrides and bad timing.</param>
/// <param name="Score">The contact's lead score at the time, or <see langword="null"/> when it had none.</param>
/// <param name="DisqualificationReason">The reason code of a disqualification, otherwise <see langword="null"/>.</param>
public sealed record LifecycleTransition(
    int Sequence,
    LifecycleStage From,
    LifecycleStage To,
    LeadStatus? FromStatus,
    LeadStatus? ToStatus,
    LifecycleTrigger Trigger,
    DateTimeOffset At,
    Actor Actor,
    string? ActorName,
    string? Reason,
    decimal? Score,
    DisqualificationReason? DisqualificationReason = null)
{
    /// <summary>Gets where an imported contact came from (for example <c>HubSpot export 2026-11</c>), or <see langword="null"/> for every record but an import.</summary>
    public string? Source { get; init; }

    /// <summary>Gets a value indicating whether the record is an administrative override that bypassed the rules.</summary>
    public bool IsOverride => Trigger == LifecycleTrigger.Override;

    /// <summary>Gets a value indicating whether the record changed the lifecycle stage.</summary>
    public bool ChangesStage => From != To;
}
