using SalesGlossary.Domain.Deals;

namespace SalesGlossary.Domain.Orleans.Deals;

/// <summary>Represents a deal as its grain holds it.</summary>
/// <param name="DealId">The deal's id.</param>
/// <param name="ContactId">The id of the contact the deal is for, which it drives.</param>
/// <param name="LeadType">The key of the contact's lead type, whose pipeline the deal follows.</param>
/// <param name="History">Every record of the deal, oldest first; the last one holds its stage, amount and expected close date.</param>
/// <param name="Revision">The number of changes stored for the deal; it moves with every change.</param>
[GenerateSerializer]
[Immutable]
[Alias("SalesGlossary.DealView")]
public sealed record DealView(
    [property: Id(0)] string DealId,
    [property: Id(1)] string ContactId,
    [property: Id(2)] string LeadType,
    [property: Id(3)] IReadOnlyList<DealTransition> History,
    [property: Id(4)] long Revision)
{
    /// <summary>Gets the name of the deal's current stage: that of its last record.</summary>
    public string Stage => History[^1].To;

    /// <summary>Gets the deal's amount.</summary>
    public decimal Amount => History[^1].Amount;

    /// <summary>Gets the expected close date, if known.</summary>
    public DateOnly? ExpectedClose => History[^1].ExpectedClose;
}

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
