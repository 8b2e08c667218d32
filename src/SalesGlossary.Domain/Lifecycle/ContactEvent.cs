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

    /// <summary>Writes a contact's history record in words: stages, statuses when they change, trigger, who and why.</summary>
    private protected static string Describe(LifecycleTransition transition)
    {
        var text = transition.From.Name + " → " + transition.To.Name;
        if (transition.FromStatus != transition.ToStatus)
        {
            text += ", status " + (transition.FromStatus?.Name ?? "none") + " → " + (transition.ToStatus?.Name ?? "none");
        }

        text += " on " + transition.Trigger.Name + " by " + transition.By;
        return transition.Reason is null ? text : text + ": " + transition.Reason;
    }
}
