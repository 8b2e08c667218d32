using System.Globalization;

namespace SalesGlossary.Domain.Orleans.Contacts;

/// <summary>Represents one stored change of a contact, as published on the contact's stream.</summary>
/// <param name="ContactId">The contact's id; also the stream's key.</param>
/// <param name="Revision">The contact's revision after the change; consecutive changes have consecutive revisions.</param>
/// <param name="Transitions">The history records the change added, oldest first; empty for a change of score alone.</param>
/// <param name="Score">The score the change applied, or <see langword="null"/>.</param>
[GenerateSerializer]
[Immutable]
[Alias("SalesGlossary.ContactChanged")]
public sealed record ContactChanged(
    [property: Id(0)] string ContactId,
    [property: Id(1)] long Revision,
    [property: Id(2)] IReadOnlyList<LifecycleTransition> Transitions,
    [property: Id(3)] ScoreStamp? Score)
{
    /// <summary>Compares contact, revision, score and the history records item by item, so that a change read back from a stream equals the one published.</summary>
    /// <param name="other">The other change.</param>
    /// <returns>Whether both say the same.</returns>
    public bool Equals(ContactChanged? other) =>
        other is not null && ContactId == other.ContactId && Revision == other.Revision && Equals(Score, other.Score) && ItemEquality.Same(Transitions, other.Transitions);

    /// <summary>Combines contact, revision, score and every history record.</summary>
    /// <returns>The hash code; equal changes have equal hash codes.</returns>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(ContactId);
        hash.Add(Revision);
        hash.Add(Score);
        ItemEquality.AddItems(ref hash, Transitions);
        return hash.ToHashCode();
    }

    /// <summary>Returns the change as a log line.</summary>
    /// <returns>For example <c>contact C-1, revision 3: Lead → MarketingQualifiedLead; scored sample-lead-scoring v1.0.0 (generation 2): 85</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"contact {ContactId}, revision {Revision}: ") +
        (Transitions is null or { Count: 0 } && Score is not null ? "score only" : Moves.Describe(Transitions, t => t.From, t => t.To)) +
        (Score is null ? string.Empty : "; scored " + Score);
}
