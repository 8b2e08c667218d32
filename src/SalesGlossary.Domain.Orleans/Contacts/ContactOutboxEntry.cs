using SalesGlossary.Domain.Orleans.Serialization;

namespace SalesGlossary.Domain.Orleans.Contacts;

/// <summary>One stored change waiting to be published; stored with the change itself, in the same write.</summary>
[GenerateSerializer]
[Alias("SalesGlossary.ContactOutboxEntry")]
internal sealed class ContactOutboxEntry
{
    [Id(0)]
    public long Revision { get; set; }

    /// <summary>The history records the change added, as the library's JSON (any storage serializer can hold a string).</summary>
    [Id(1)]
    public string TransitionsJson { get; set; } = "[]";

    [Id(2)]
    public ScoreStamp? Score { get; set; }

    public ContactChanged ToChange(string contactId, AgreementTerms terms) =>
        new(contactId, Revision, terms.Read<LifecycleTransition[]>(TransitionsJson), Score);
}
