using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents something that happened to one deal.</summary>
/// <remarks>What the deal's change did to its contacts is in the contacts' own events (each contact keeps them until taken).</remarks>
public abstract record DealEvent : DomainEvent
{
    private protected DealEvent()
    {
    }

    /// <summary>Gets the id of the deal.</summary>
    [JsonInclude]
    [JsonRequired]
    public string DealId { get; internal init; } = null!;

    /// <summary>Gets the ids of the deal's contacts.</summary>
    [JsonInclude]
    [JsonRequired]
    public IReadOnlyList<string> ContactIds { get; internal init => field = ValueList<string>.From(value); } = null!;

    /// <summary>Gets the record of the change: stages before and after, trigger, who, why, amount and expected close.</summary>
    [JsonInclude]
    [JsonRequired]
    public DealTransition Transition { get; internal init; } = null!;

    /// <inheritdoc/>
    private protected sealed override string Subject => "deal '" + DealId + "'";

    /// <inheritdoc/>
    private protected sealed override string Details => string.Create(
        CultureInfo.InvariantCulture,
        $"{Transition.From} → {Transition.To} on {Transition.Trigger.Name} by {Transition.By}, amount {Transition.Amount}{(Transition.Reason is null ? string.Empty : ": " + Transition.Reason)}");
}
