namespace SalesGlossary.Domain.Orleans.Deals;

/// <summary>Represents one stored change of a deal, as published on the deal's stream.</summary>
/// <remarks>A deal's grain publishes it; a consumer's test builds one with named members (<c>new DealChanged { DealId = …, ContactId = …, Revision = 1, Transitions = [] }</c>).</remarks>
[GenerateSerializer]
[Immutable]
[Alias("SalesGlossary.DealChanged")]
public sealed record DealChanged
{
    /// <summary>Gets the deal's id; also the stream's key.</summary>
    [Id(0)]
    public required string DealId { get; init; }

    /// <summary>Gets the id of the deal's contact; what the change did to the contact is on the contact's stream.</summary>
    [Id(1)]
    public required string ContactId { get; init; }

    /// <summary>Gets the deal's revision after the change; consecutive changes have consecutive revisions.</summary>
    [Id(2)]
    public required long Revision { get; init; }

    /// <summary>Gets the records the change added, oldest first.</summary>
    [Id(3)]
    public required IReadOnlyList<DealTransition> Transitions { get; init; }
}
