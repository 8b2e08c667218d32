using System.Globalization;
using SalesGlossary.Domain.Orleans.Rescoring;

namespace SalesGlossary.Domain.Orleans.Tests;

/// <summary>The application's contact source for the tests: contact i lives in partition i mod the partition count; a continuation is the next index.</summary>
internal sealed class GeneratedContacts(int count, int partitions) : IContactPartitionSource
{
    public static readonly DateTimeOffset AsOf = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Industries = ["Software", "Retail", "Manufacturing", "Software", "Finance"];

    public int Count => count;

    public int PartitionCount => partitions;

    public static string IdOf(int index) => "c-" + index.ToString(CultureInfo.InvariantCulture);

    public static string LeadTypeOf(int index) => index % 3 == 0 ? "existing-customer" : "new-prospect";

    public static LeadFacts LeadOf(int index) => new LeadFacts
    {
        Id = IdOf(index),
        Email = "person" + index.ToString(CultureInfo.InvariantCulture) + "@example.com",
        JobTitle = index % 4 == 0 ? "VP Marketing" : "Analyst",
        Department = "Marketing",
        Industry = Industries[index % Industries.Length],
        Employees = index * 37 % 5000,
        Country = index % 2 == 0 ? "DE" : "US",
        LeadSource = index % 5 == 0 ? "Webinar" : "Paid search",
        Activities = [
            new LeadActivity { Type = "WebinarAttended", OccurredAt = AsOf.AddDays(-(index % 40)) },
            new LeadActivity { Type = "PageView", OccurredAt = AsOf.AddDays(-(index % 9)), Url = "/pricing" },
        ],
    };

    public ValueTask<ContactPage> ReadPageAsync(int partition, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        var start = continuation is null ? partition : int.Parse(continuation, CultureInfo.InvariantCulture);
        var contacts = new List<PartitionContact>(pageSize);
        var index = start;
        for (; index < count && contacts.Count < pageSize; index += partitions)
        {
            contacts.Add(new PartitionContact { ContactId = IdOf(index), LeadType = LeadTypeOf(index), Lead = LeadOf(index) });
        }

        return ValueTask.FromResult(new ContactPage(contacts, index < count ? index.ToString(CultureInfo.InvariantCulture) : null));
    }

    public ValueTask WriteTotalsAsync(RescoredBatch batch, CancellationToken cancellationToken)
    {
        foreach (var total in batch.Totals)
        {
            Written.AddOrUpdate((batch.JobId, total.ContactId), 1, (_, n) => n + 1);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>How often each (job, contact) total was written back.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<(string JobId, string ContactId), int> Written { get; } = new();
}
