namespace SalesGlossary.Domain.Orleans.Deals;

/// <summary>A deal's change of its contact, computed on one revision of the contact and applied only on that revision.</summary>
/// <param name="DealId">The deal's id.</param>
/// <param name="DealRevision">The deal's revision the change leads to; the contact remembers the last one it took per deal.</param>
/// <param name="ExpectedRevision">The contact's revision the change was computed on (compare-and-set).</param>
/// <param name="StateJson">The contact's state after the change, as the library's JSON.</param>
[GenerateSerializer]
[Immutable]
[Alias("SalesGlossary.DealContactChange")]
internal sealed record DealContactChange(
    [property: Id(0)] string DealId,
    [property: Id(1)] long DealRevision,
    [property: Id(2)] long ExpectedRevision,
    [property: Id(3)] string StateJson);
