namespace SalesGlossary.Domain.Orleans.Deals;

/// <summary>The stored state of a deal grain.</summary>
/// <remarks>The history is kept as the library's JSON, so any storage provider and its serializer can hold it.</remarks>
[GenerateSerializer]
[Alias("SalesGlossary.DealRecord")]
internal sealed class DealRecord
{
    [Id(0)]
    public string? ContactId { get; set; }

    [Id(1)]
    public string? LeadType { get; set; }

    [Id(2)]
    public string? HistoryJson { get; set; }

    [Id(3)]
    public long Revision { get; set; }

    /// <summary>A change of the deal and its contact stored before the contact is changed, and completed (or dropped) after.</summary>
    [Id(4)]
    public PendingDealChange? Pending { get; set; }

    /// <summary>The changes stored but not yet published on the deal's stream, oldest first (the transactional outbox).</summary>
    [Id(5)]
    public List<DealOutboxEntry> Outbox { get; set; } = [];
}
