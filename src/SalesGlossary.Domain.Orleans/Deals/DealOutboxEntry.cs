using SalesGlossary.Domain.Orleans.Serialization;

namespace SalesGlossary.Domain.Orleans.Deals;

/// <summary>One stored change of a deal waiting to be published; stored with the change itself, in the same write.</summary>
[GenerateSerializer]
[Alias("SalesGlossary.DealOutboxEntry")]
internal sealed class DealOutboxEntry
{
    [Id(0)]
    public long Revision { get; set; }

    [Id(1)]
    public string TransitionsJson { get; set; } = "[]";

    public DealChanged ToChange(string dealId, string contactId, AgreementTerms terms) =>
        new() { DealId = dealId, ContactId = contactId, Revision = Revision, Transitions = terms.Read<DealTransition[]>(TransitionsJson) };
}
