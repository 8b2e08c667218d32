namespace SalesGlossary.Domain;

/// <summary>Represents the creation of a contact, with its first record: created, or imported from another system.</summary>
public sealed record ContactCreated : ContactEvent
{
    /// <summary>Gets the score the contact arrived with (an import's), or <see langword="null"/>.</summary>
    public decimal? Score { get; init; }

    /// <summary>Gets the key of the contact's lead type, or <see langword="null"/> for a contact governed by a policy outside an agreement.</summary>
    public string? LeadType { get; init; }

    /// <summary>Gets the first record (trigger Create or Import).</summary>
    public required LifecycleTransition Transition { get; init; }
}
