namespace SalesGlossary.Domain.Orleans.Contacts;

/// <summary>The stored state of a contact grain.</summary>
/// <remarks>The contact itself is kept as the library's JSON, so any storage provider and its serializer can hold it.</remarks>
[GenerateSerializer]
[Alias("SalesGlossary.ContactRecord")]
internal sealed class ContactRecord
{
    /// <summary>How many rescoring jobs a contact remembers having applied.</summary>
    public const int JobsRemembered = 16;

    [Id(0)]
    public string? StateJson { get; set; }

    [Id(1)]
    public long Revision { get; set; }

    [Id(2)]
    public ScoreStamp? Score { get; set; }

    [Id(3)]
    public List<string> RecentJobs { get; set; } = [];

    /// <summary>The changes stored but not yet published on the contact's stream, oldest first (the transactional outbox).</summary>
    [Id(4)]
    public List<ContactOutboxEntry> Outbox { get; set; } = [];

    /// <summary>The revision of each of the contact's deals whose last change the contact applied, so a retried change is not applied twice.</summary>
    [Id(5)]
    public Dictionary<string, long> DealRevisions { get; set; } = new(StringComparer.Ordinal);
}
