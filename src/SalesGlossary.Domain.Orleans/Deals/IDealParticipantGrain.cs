namespace SalesGlossary.Domain.Orleans.Deals;

/// <summary>What the contact's grain answers to a deal's change of the contact.</summary>
internal enum DealChangeOutcome
{
    /// <summary>The contact was still at the revision the deal read, and took the change.</summary>
    Applied = 0,

    /// <summary>The contact took this change of the deal before (a retry after a lost answer or a dead silo); nothing changed now.</summary>
    AppliedBefore = 1,

    /// <summary>The contact changed since the deal read it and never took this change: the deal reads it again and redoes its move.</summary>
    Conflict = 2,
}

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

/// <summary>The side of a contact's grain that deals use: a compare-and-set on the contact's revision, idempotent per deal revision.</summary>
[Alias("SalesGlossary.IDealParticipantGrain")]
internal interface IDealParticipantGrain : IGrainWithStringKey
{
    /// <summary>Applies a deal's change to the contact if the contact is still at the revision the deal read.</summary>
    [Alias("ApplyDealChange")]
    Task<DealChangeOutcome> ApplyDealChangeAsync(DealContactChange change);
}
