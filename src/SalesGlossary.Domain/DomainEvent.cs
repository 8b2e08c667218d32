using System.Globalization;
using System.Text.Json.Serialization;

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
    [JsonInclude]
    [JsonRequired]
    public DateTimeOffset At { get; internal init; }

    /// <summary>Gets whom it happened to, for the log line: the contact or the deal by id.</summary>
    private protected abstract string Subject { get; }

    /// <summary>Gets what happened, for the log line.</summary>
    private protected abstract string Details { get; }

    /// <summary>Returns the event as a log line: what happened, to which contact or deal, when, and the details; culture-invariant.</summary>
    /// <returns>For example <c>StageChanged of contact 'C-42' at 2026-03-02T09:00:00.0000000+00:00: Lead → MarketingQualifiedLead on ReachMqlThreshold by System</c>.</returns>
    public sealed override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{GetType().Name} of {Subject} at {At:O}: {Details}");
}
