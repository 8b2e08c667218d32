using SalesGlossary.Domain.Lifecycle;

namespace SalesGlossary.Domain.Orleans.Contacts;

/// <summary>Represents a score as a contact grain recorded it: the model and the cluster generation that produced it.</summary>
/// <param name="Model">The scoring model's name.</param>
/// <param name="ModelVersion">The scoring model's version.</param>
/// <param name="Generation">The cluster's model generation the model belongs to.</param>
/// <param name="Total">The score.</param>
/// <param name="IsComplete">Whether every rule evaluated without an error.</param>
/// <param name="AsOf">The instant the score was computed for.</param>
/// <param name="JobId">The rescoring job that applied it, or <see langword="null"/> for a score computed for the contact alone.</param>
[GenerateSerializer]
[Immutable]
[Alias("SalesGlossary.ScoreStamp")]
public sealed record ScoreStamp(
    [property: Id(0)] string Model,
    [property: Id(1)] string ModelVersion,
    [property: Id(2)] long Generation,
    [property: Id(3)] decimal Total,
    [property: Id(4)] bool IsComplete,
    [property: Id(5)] DateTimeOffset AsOf,
    [property: Id(6)] string? JobId);

/// <summary>Represents a contact as its grain holds it.</summary>
/// <param name="State">The contact's state, as the library stores it (rehydrate it with <c>agreement.RehydrateContact</c>).</param>
/// <param name="Revision">The number of changes stored for the contact, scores included; it moves with every change.</param>
/// <param name="Score">The last score applied, with the model version and generation that produced it; <see langword="null"/> before the first.</param>
[GenerateSerializer]
[Immutable]
[Alias("SalesGlossary.ContactView")]
public sealed record ContactView(
    [property: Id(0)] ContactState State,
    [property: Id(1)] long Revision,
    [property: Id(2)] ScoreStamp? Score)
{
    /// <summary>Gets the contact's current stage: that of its last history record.</summary>
    public LifecycleStage Stage => State.History[^1].To;
}

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
