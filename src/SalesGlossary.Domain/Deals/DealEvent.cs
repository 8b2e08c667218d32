namespace SalesGlossary.Domain;

/// <summary>Represents something that happened to one deal.</summary>
/// <remarks>What the deal's change did to its contacts is in the contacts' own events (each contact keeps them until taken).</remarks>
public abstract record DealEvent : DomainEvent
{
    private protected DealEvent()
    {
    }

    /// <summary>Gets the id of the deal.</summary>
    public required string DealId { get; init; }

    /// <summary>Gets the ids of the deal's contacts.</summary>
    public required IReadOnlyList<string> ContactIds { get; init => field = ValueList<string>.From(value); }

    /// <summary>Gets the record of the change: stages before and after, trigger, who, why, amount and expected close.</summary>
    public required DealTransition Transition { get; init; }
}
