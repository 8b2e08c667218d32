using System.Globalization;
using SalesGlossary.Domain.Orleans.Rescoring;
using SalesGlossary.Domain;

namespace ClusterRescoring;

/// <summary>
/// The application's side of rescoring: reads one partition of contacts in pages. A CRM reads its own table here (for example
/// <c>WHERE hash(id) % partitions = @partition AND id &gt; @continuation ORDER BY id LIMIT @pageSize</c>); this sample generates them.
/// </summary>
internal sealed class GeneratedContacts(int count, int partitions) : IContactPartitionSource
{
    public static readonly DateTimeOffset AsOf = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Industries = ["Software", "Retail", "Manufacturing", "Software", "Finance"];

    public int Count => count;

    public int PartitionCount => partitions;

    public static string IdOf(int index) => "contact-" + index.ToString(CultureInfo.InvariantCulture);

    public static string LeadTypeOf(int index) => index % 3 == 0 ? "existing-customer" : "new-prospect";

    public ValueTask<ContactPage> ReadPageAsync(int partition, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        var index = continuation is null ? partition : int.Parse(continuation, CultureInfo.InvariantCulture);
        var contacts = new List<PartitionContact>(pageSize);
        for (; index < count && contacts.Count < pageSize; index += partitions)
        {
            contacts.Add(new PartitionContact { ContactId = IdOf(index), LeadType = LeadTypeOf(index), Lead = LeadOf(index) });
        }

        return ValueTask.FromResult(new ContactPage(contacts, index < count ? index.ToString(CultureInfo.InvariantCulture) : null));
    }

    public ValueTask WriteTotalsAsync(RescoredBatch batch, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This sample applies totals to the contact grains (RescoringTarget.ContactGrains).");

    private static LeadFacts LeadOf(int index) => new LeadFacts
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
            new LeadActivity { Type = "DemoRequest", OccurredAt = AsOf.AddDays(-(index % 60)) },
        ],
    };
}
