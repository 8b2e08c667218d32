using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents the creation of a contact, with its first record: created, or imported from another system.</summary>
public sealed record ContactCreated : ContactEvent
{
    [JsonConstructor]
    internal ContactCreated()
    {
    }

    /// <summary>Gets the score the contact arrived with (an import's), or <see langword="null"/>.</summary>
    [JsonInclude]
    public decimal? Score { get; internal init; }

    /// <summary>Gets the key of the contact's lead type, or <see langword="null"/> for a contact governed by a policy outside an agreement.</summary>
    [JsonInclude]
    public string? LeadType { get; internal init; }

    /// <summary>Gets the first record (trigger Create or Import).</summary>
    [JsonInclude]
    [JsonRequired]
    public LifecycleTransition Transition { get; internal init; } = null!;

    /// <inheritdoc/>
    private protected override string Details => Describe(Transition) + (LeadType is null ? string.Empty : ", lead type " + LeadType) + (Score is { } score ? ", score " + score.ToString(CultureInfo.InvariantCulture) : string.Empty);
}
