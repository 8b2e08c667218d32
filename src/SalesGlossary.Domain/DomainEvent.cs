namespace SalesGlossary.Domain;

/// <summary>Represents something that happened to a contact or a deal: a plain record a CRM can store in an outbox and automate on.</summary>
/// <remarks>
/// <para>
/// Every verb of <c>Contact</c> and <c>Deal</c> returns the events it caused, and the aggregate keeps them until the caller
/// takes them (<c>TakeEvents</c>), so a store can write them to an outbox in the same transaction as the aggregate.
/// A verb that refuses a move causes no event.
/// </para>
/// <para>
/// Events serialize with <c>SalesGlossaryJson.Options</c> as <see cref="DomainEvent"/>, polymorphically: the property
/// <c>$type</c> holds the event's type name in camelCase (for example <c>stageChanged</c>), a name that never changes.
/// </para>
/// </remarks>
public abstract record DomainEvent
{
    private protected DomainEvent()
    {
    }

    /// <summary>Gets when it happened, from the aggregate's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset At { get; init; }
}
