namespace SalesGlossary.Domain;

/// <summary>Represents a change of a contact's lifecycle stage.</summary>
/// <remarks>When the same record also changes the lead status, a <see cref="LeadStatusChanged"/> with the same record follows.</remarks>
public sealed record StageChanged : ContactEvent
{
    /// <summary>Gets the record of the change: from, to, trigger, who and why.</summary>
    public required LifecycleTransition Transition { get; init; }
}
