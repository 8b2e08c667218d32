using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents something that happened to one contact.</summary>
/// <remarks>Replaying a contact's events in order (<see cref="Contact.Replay"/>) rebuilds its state.</remarks>
public abstract record ContactEvent : DomainEvent
{
    private protected ContactEvent()
    {
    }

    /// <summary>Gets the id of the contact.</summary>
    [JsonInclude]
    [JsonRequired]
    public string ContactId { get; internal init; } = null!;

    /// <inheritdoc/>
    private protected sealed override string Subject => "contact '" + ContactId + "'";
}
