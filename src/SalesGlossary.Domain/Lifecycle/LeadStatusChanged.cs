namespace SalesGlossary.Domain;

/// <summary>Represents a change of a contact's lead status.</summary>
public sealed record LeadStatusChanged : ContactEvent
{
    /// <summary>Gets the record of the change: the statuses before and after, trigger, who and why.</summary>
    public required LifecycleTransition Transition { get; init; }
}
