namespace SalesGlossary.Domain.Orleans.Deals;

/// <summary>Represents one stored change of a deal, as published on the deal's stream.</summary>
/// <param name="DealId">The deal's id; also the stream's key.</param>
/// <param name="ContactId">The id of the deal's contact; what the change did to the contact is on the contact's stream.</param>
/// <param name="Revision">The deal's revision after the change; consecutive changes have consecutive revisions.</param>
/// <param name="Transitions">The records the change added, oldest first.</param>
[GenerateSerializer]
[Immutable]
[Alias("SalesGlossary.DealChanged")]
public sealed record DealChanged(
    [property: Id(0)] string DealId,
    [property: Id(1)] string ContactId,
    [property: Id(2)] long Revision,
    [property: Id(3)] IReadOnlyList<DealTransition> Transitions);
