using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents one immutable record of a contact's history: a change of lifecycle stage, of lead status, or both.</summary>
/// <remarks>
/// <para>
/// Histories are contiguous chains: each record starts where the previous one ended (stage and status), times never
/// go backward, and sequence numbers count up from 1. The first record is always <see cref="LifecycleTrigger.Create"/>.
/// </para>
/// <para>
/// Built with named members (<c>new LifecycleTransition { Sequence = 1, From = …, By = By.Sales.Named("sam"), … }</c>); a contact
/// writes its own records, so code outside the library builds one only to test or to migrate histories. Stored as JSON, the
/// record keeps the fields <c>actor</c> and <c>actorName</c> for <see cref="By"/>.
/// </para>
/// </remarks>
public sealed record LifecycleTransition
{
    /// <summary>Initializes a new instance of the <see cref="LifecycleTransition"/> class; set every required member.</summary>
    public LifecycleTransition()
    {
    }

    [JsonConstructor]
    [SetsRequiredMembers]
    private LifecycleTransition(Actor? storedActor, string? storedActorName)
    {
        // A record read without an actor is left incomplete so that the history validator names it with its path.
        By = storedActor is null ? null! : By.Stored(storedActor, storedActorName);
        From = null!;
        To = null!;
        Trigger = null!;
    }

    /// <summary>Gets the position of the record in the history, starting at 1.</summary>
    public required int Sequence { get; init; }

    /// <summary>Gets the stage before the transition (for the first record, the initial stage).</summary>
    public required LifecycleStage From { get; init; }

    /// <summary>Gets the stage after the transition.</summary>
    public required LifecycleStage To { get; init; }

    /// <summary>Gets the lead status before the transition, or <see langword="null"/> when none was set.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public LeadStatus? FromStatus { get; init; }

    /// <summary>Gets the lead status after the transition, or <see langword="null"/> when none is set.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public LeadStatus? ToStatus { get; init; }

    /// <summary>Gets what caused the transition.</summary>
    public required LifecycleTrigger Trigger { get; init; }

    /// <summary>Gets when the transition happened, from the contact's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Gets who caused it: the actor and, if given, the person or system by name.</summary>
    [JsonIgnore]
    public required By By { get; init; }

    /// <summary>Gets why, in words; always present for backward moves, overrides and bad timing.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Reason { get; init; }

    /// <summary>Gets the contact's lead score at the time, or <see langword="null"/> when it had none.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public decimal? Score { get; init; }

    /// <summary>Gets the reason code of a disqualification, otherwise <see langword="null"/>.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public DisqualificationReason? DisqualificationReason { get; init; }

    /// <summary>Gets where an imported contact came from (for example <c>HubSpot export 2026-11</c>), or <see langword="null"/> for every record but an import.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Source { get; init; }

    /// <summary>Gets a value indicating whether the record is an administrative override that bypassed the rules.</summary>
    public bool IsOverride => Trigger == LifecycleTrigger.Override;

    /// <summary>Gets a value indicating whether the record changed the lifecycle stage.</summary>
    public bool ChangesStage => From != To;

    [JsonInclude]
    [JsonPropertyName("actor")]
    private Actor? StoredActor => By?.Actor;

    [JsonInclude]
    [JsonPropertyName("actorName")]
    private string? StoredActorName => By?.Name;
}
