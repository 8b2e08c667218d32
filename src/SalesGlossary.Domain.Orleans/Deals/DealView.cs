
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
