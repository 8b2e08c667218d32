namespace SalesGlossary.Domain;

/// <summary>Represents what is known of a contact for persona matching.</summary>
/// <param name="JobTitle">The contact's job title, or <see langword="null"/> when unknown.</param>
/// <param name="Department">The contact's department, or <see langword="null"/> when unknown.</param>
/// <param name="Seniority">The contact's seniority, or <see langword="null"/> when unknown.</param>
public sealed record ContactProfile(string? JobTitle, string? Department, Seniority? Seniority);
