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
    /// <exception cref="ArgumentException">The value set is <see langword="null"/>, empty or white space.</exception>
    [Id(0)]
    public required string DealId { get; init => field = Guard.NotBlank(value, nameof(DealId)); }

    /// <summary>Gets the id of the deal's contact; what the change did to the contact is on the contact's stream.</summary>
    /// <exception cref="ArgumentException">The value set is <see langword="null"/>, empty or white space.</exception>
    [Id(1)]
    public required string ContactId { get; init => field = Guard.NotBlank(value, nameof(ContactId)); }

    /// <summary>Gets the deal's revision after the change; consecutive changes have consecutive revisions.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is below 1: a stored deal's first revision is 1.</exception>
    [Id(2)]
    public required long Revision
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Revision), value, string.Create(CultureInfo.InvariantCulture, $"The value of 'Revision' must be at least 1; it was {value}."));
    }

    /// <summary>Gets the records the change added, oldest first.</summary>
    /// <remarks>The list is copied when set, so changing the list given afterwards does not change the message.</remarks>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The list holds <see langword="null"/>; the message names its index.</exception>
    [Id(3)]
    public required IReadOnlyList<DealTransition> Transitions { get => field; init => field = Guard.Items(Guard.NotNull(value, nameof(Transitions)), nameof(Transitions)).ToArray(); }

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
