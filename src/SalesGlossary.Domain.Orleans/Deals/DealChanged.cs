using System.Globalization;

namespace SalesGlossary.Domain.Orleans.Deals;

/// <summary>Represents one stored change of a deal, as published on the deal's stream.</summary>
/// <remarks>A deal's grain publishes it; a consumer's test builds one with named members (<c>new DealChanged { DealId = …, ContactId = …, Revision = 1, Transitions = [] }</c>).</remarks>
[GenerateSerializer]
[Immutable]
[Alias("SalesGlossary.DealChanged")]
public sealed record DealChanged
{
    /// <summary>Gets the deal's id; also the stream's key.</summary>
    [Id(0)]
    public required string DealId { get; init; }

    /// <summary>Gets the id of the deal's contact; what the change did to the contact is on the contact's stream.</summary>
    [Id(1)]
    public required string ContactId { get; init; }

    /// <summary>Gets the deal's revision after the change; consecutive changes have consecutive revisions.</summary>
    [Id(2)]
    public required long Revision { get; init; }

    /// <summary>Gets the records the change added, oldest first.</summary>
    [Id(3)]
    public required IReadOnlyList<DealTransition> Transitions { get; init; }

    /// <summary>Compares deal, contact, revision and the records item by item, so that a change read back from a stream equals the one published.</summary>
    /// <param name="other">The other change.</param>
    /// <returns>Whether both say the same.</returns>
    public bool Equals(DealChanged? other) =>
        other is not null && DealId == other.DealId && ContactId == other.ContactId && Revision == other.Revision && ItemEquality.Same(Transitions, other.Transitions);

    /// <summary>Combines deal, contact, revision and every record.</summary>
    /// <returns>The hash code; equal changes have equal hash codes.</returns>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(DealId);
        hash.Add(ContactId);
        hash.Add(Revision);
        ItemEquality.AddItems(ref hash, Transitions);
        return hash.ToHashCode();
    }

    /// <summary>Returns the change as a log line.</summary>
    /// <returns>For example <c>deal D-1 of contact C-1, revision 3: Create proposal → Negotiation</c>; a change of several records names the first stage and the last.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"deal {DealId} of contact {ContactId}, revision {Revision}: ") + Moves.Describe(Transitions, t => t.From, t => t.To);
}
