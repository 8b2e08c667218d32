namespace SalesGlossary.Domain;

/// <summary>Represents what the library's own scoring models know about a lead: firmographic and demographic facts plus its activities.</summary>
/// <remarks>
/// Scoring rules read it as the parameter <c>lead</c>, for example <c>lead.Employees &gt;= 200</c>. Integrators with a
/// lead type of their own score it directly with <see cref="LeadScoringModel.LoadFor{TLead, TActivity}"/> instead.
/// Only <see cref="Id"/> is required; every other fact is named and unknown by default:
/// <c>new LeadFacts { Id = "lead-1", JobTitle = "CTO", Employees = 250 }</c>.
/// </remarks>
public sealed record LeadFacts
{
    /// <summary>Gets the lead's id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the email address, if known.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Email { get; init; }

    /// <summary>Gets the job title, if known.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? JobTitle { get; init; }

    /// <summary>Gets the department, if known.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Department { get; init; }

    /// <summary>Gets the company's industry, if known.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Industry { get; init; }

    /// <summary>Gets the company's number of employees, if known.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public int? Employees { get; init; }

    /// <summary>Gets the company's annual revenue, if known.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public decimal? AnnualRevenue { get; init; }

    /// <summary>Gets the country (ISO 3166 code recommended), if known.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Country { get; init; }

    /// <summary>Gets where the lead came from, for example <c>Webinar</c> or <c>Paid search</c>, if known.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? LeadSource { get; init; }

    /// <summary>Gets a value indicating whether the lead unsubscribed from marketing email.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool Unsubscribed { get; init; }

    /// <summary>Gets a value indicating whether email to the lead bounced permanently.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool HardBounced { get; init; }

    /// <summary>Gets the lead's activities; engagement rules read each as the parameter <c>activity</c>.</summary>
    /// <value>The default is none.</value>
    public IReadOnlyList<LeadActivity> Activities { get; init => field = ValueList<LeadActivity>.From(value); } = ValueList<LeadActivity>.Empty;
}
