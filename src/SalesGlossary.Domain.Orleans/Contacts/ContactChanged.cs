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
    [property: Id(3)] ScoreStamp? Score);
