namespace SalesGlossary.Domain.Orleans.Deals;

/// <summary>The side of a contact's grain that deals use: a compare-and-set on the contact's revision, idempotent per deal revision.</summary>
[Alias("SalesGlossary.IDealParticipantGrain")]
internal interface IDealParticipantGrain : IGrainWithStringKey
{
    /// <summary>Applies a deal's change to the contact if the contact is still at the revision the deal read.</summary>
    [Alias("ApplyDealChange")]
    Task<DealChangeOutcome> ApplyDealChangeAsync(DealContactChange change);
}
