namespace SalesGlossary.Domain.Orleans.Deals;

/// <summary>A move computed on one revision of the contact: the deal's history and the contact's state after it.</summary>
[GenerateSerializer]
[Alias("SalesGlossary.PendingDealChange")]
internal sealed class PendingDealChange
{
    [Id(0)]
    public string ContactId { get; set; } = string.Empty;

    [Id(1)]
    public string LeadType { get; set; } = string.Empty;

    [Id(2)]
    public string HistoryJson { get; set; } = "[]";

    [Id(3)]
    public int HistoryBefore { get; set; }

    [Id(4)]
    public long ContactRevision { get; set; }

    [Id(5)]
    public string ContactStateJson { get; set; } = string.Empty;
}
