using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents a change of a contact's lifecycle stage.</summary>
/// <remarks>When the same record also changes the lead status, a <see cref="LeadStatusChanged"/> with the same record follows.</remarks>
public sealed record StageChanged : ContactEvent
{
    [JsonConstructor]
    internal StageChanged()
    {
    }

    /// <summary>Gets the record of the change: from, to, trigger, who and why.</summary>
    [JsonInclude]
    [JsonRequired]
    public LifecycleTransition Transition { get; internal init; } = null!;

    /// <inheritdoc/>
    private protected override string Details => Describe(Transition);
}
