namespace SalesGlossary.Domain;

/// <summary>Represents what is known of a contact for persona matching.</summary>
/// <remarks>Every fact is named and unknown by default: <c>new ContactProfile { JobTitle = "CTO", Seniority = Seniority.Executive }</c>.</remarks>
public sealed record ContactProfile
{
    /// <summary>Gets the contact's job title, or <see langword="null"/> when unknown.</summary>
    /// <value>The default is <see langword="null"/>: unknown.</value>
    public string? JobTitle { get; init; }

    /// <summary>Gets the contact's department, or <see langword="null"/> when unknown.</summary>
    /// <value>The default is <see langword="null"/>: unknown.</value>
    public string? Department { get; init; }

    /// <summary>Gets the contact's seniority, or <see langword="null"/> when unknown.</summary>
    /// <value>The default is <see langword="null"/>: unknown.</value>
    public Seniority? Seniority { get; init; }
}
