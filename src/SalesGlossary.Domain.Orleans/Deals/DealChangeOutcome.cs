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
