using System.Globalization;
using System.Text.Json;

namespace SalesGlossary.Domain.EntityFrameworkCore;

/// <summary>Represents one event of a contact or a deal in an outbox table (mapped by <see cref="SalesGlossaryModelConfiguration.MapSalesGlossaryOutbox"/>).</summary>
/// <remarks>
/// Add the messages of an aggregate's taken events (<c>TakeEvents</c>) to the same context as its row, and one
/// <c>SaveChanges</c> stores both in one transaction; a relay then reads the unpublished messages in <see cref="Id"/>
/// order, publishes them and calls <see cref="MarkPublished"/>. <see cref="Event"/> is stored as JSON written with
/// <c>SalesGlossaryJson.Options</c> as a <see cref="DomainEvent"/> (its <c>$type</c> names the event), read back strictly.
/// </remarks>
public sealed class OutboxMessage
{
    private OutboxMessage(string aggregateId, string type, DateTimeOffset at, DomainEvent @event)
    {
        AggregateId = aggregateId;
        Type = type;
        At = at;
        Event = @event;
    }

    /// <summary>Gets the message's number, given by the database in the order the messages were saved.</summary>
    public long Id { get; private set; }

    /// <summary>Gets the id of the contact or deal the event happened to.</summary>
    public string AggregateId { get; private set; }

    /// <summary>Gets the event's type name, as its <c>$type</c> discriminator says (for example <c>stageChanged</c>).</summary>
    public string Type { get; private set; }

    /// <summary>Gets when the event happened, in UTC.</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>Gets the event.</summary>
    public DomainEvent Event { get; private set; }

    /// <summary>Gets when the message was published, or <see langword="null"/> while it waits.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Creates the outbox message of an event.</summary>
    /// <param name="event">A contact's or a deal's event.</param>
    /// <returns>The unpublished message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="event"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The event belongs to neither a contact nor a deal.</exception>
    public static OutboxMessage From(DomainEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var aggregateId = @event switch
        {
            ContactEvent c => c.ContactId,
            DealEvent d => d.DealId,
            _ => throw new ArgumentException("Event " + @event.GetType().Name + " belongs to neither a contact nor a deal; the outbox stores ContactEvent and DealEvent records.", nameof(@event)),
        };
        return new OutboxMessage(aggregateId, JsonNamingPolicy.CamelCase.ConvertName(@event.GetType().Name), @event.At.ToUniversalTime(), @event);
    }

    /// <summary>Returns the message as a log line: number, event type, aggregate and whether it was published, not the event's body.</summary>
    /// <returns>For example <c>#12 stageChanged of C-1 at 2026-03-02T09:30:00.0000000+00:00, waiting</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"#{Id} {Type} of {AggregateId} at {At:O}, {(PublishedAt is { } published ? "published at " + published.ToString("O", CultureInfo.InvariantCulture) : "waiting")}");

    /// <summary>Records that the message was published.</summary>
    /// <param name="at">When it was published.</param>
    /// <exception cref="InvalidOperationException">The message was published already.</exception>
    public void MarkPublished(DateTimeOffset at)
    {
        if (PublishedAt is { } published)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Outbox message {Id} ({Type} of '{AggregateId}') was published already, at {published:O}."));
        }

        PublishedAt = at.ToUniversalTime();
    }
}
