
namespace SalesGlossary.Domain.Orleans.Deals;

/// <summary>Represents a deal as its grain holds it.</summary>
[GenerateSerializer]
[Immutable]
[Alias("SalesGlossary.DealView")]
public sealed record DealView
{
    /// <summary>Gets the deal's id.</summary>
    [Id(0)]
    public required string DealId { get; init; }

    /// <summary>Gets the id of the contact the deal is for, which it drives.</summary>
    [Id(1)]
    public required string ContactId { get; init; }

    /// <summary>Gets the key of the contact's lead type, whose pipeline the deal follows.</summary>
    [Id(2)]
    public required string LeadType { get; init; }

    /// <summary>Gets every record of the deal, oldest first; the last one holds its stage, amount and expected close date.</summary>
    [Id(3)]
    public required IReadOnlyList<DealTransition> History { get; init; }

    /// <summary>Gets the number of changes stored for the deal; it moves with every change.</summary>
    [Id(4)]
    public required long Revision { get; init; }

    /// <summary>Gets the name of the deal's current stage: that of its last record.</summary>
    public string Stage => History[^1].To;

    /// <summary>Gets the deal's amount.</summary>
    public decimal Amount => History[^1].Amount;

    /// <summary>Gets the expected close date, if known.</summary>
    public DateOnly? ExpectedClose => History[^1].ExpectedClose;
}
