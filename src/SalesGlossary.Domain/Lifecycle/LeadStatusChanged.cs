using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents a change of a contact's lead status.</summary>
public sealed record LeadStatusChanged : ContactEvent
{
    [JsonConstructor]
    internal LeadStatusChanged()
    {
    }

    /// <summary>Gets the record of the change: the statuses before and after, trigger, who and why.</summary>
    [JsonInclude]
    [JsonRequired]
    public LifecycleTransition Transition { get; internal init; } = null!;

    /// <inheritdoc/>
    private protected override string Details => Describe(Transition);
}
