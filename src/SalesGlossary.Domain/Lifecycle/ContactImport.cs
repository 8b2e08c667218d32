namespace SalesGlossary.Domain;

/// <summary>Represents what an imported contact arrives with: the stage and lead status it already has elsewhere, who imports it, why and from where.</summary>
/// <remarks>Given to <see cref="Contact.Import"/>; the import is recorded as the contact's first record, not as an override.</remarks>
public sealed record ContactImport
{
    /// <summary>Gets the stage the contact already has in the source system; any stage, Customer included.</summary>
    public required LifecycleStage Stage { get; init; }

    /// <summary>Gets the lead status it already has, or <see langword="null"/> for none.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public LeadStatus? LeadStatus { get; init; }

    /// <summary>Gets where the contact comes from, for example <c>Salesforce export 2026-11</c>; recorded with the import.</summary>
    public required string Source { get; init; }

    /// <summary>Gets why it is imported, for example <c>CRM migration</c>; recorded with the import.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets who imports it, and the person or system by name if given; usually <see cref="By.Integration"/>.</summary>
    public required By By { get; init; }

    /// <summary>Gets the score it arrives with, or <see langword="null"/> when it was not scored.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public decimal? Score { get; init; }
}
