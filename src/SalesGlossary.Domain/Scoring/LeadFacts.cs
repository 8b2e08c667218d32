namespace SalesGlossary.Domain;

/// <summary>Represents what the library's own scoring models know about a lead: firmographic and demographic facts plus its activities.</summary>
/// <remarks>
/// Scoring rules read it as the parameter <c>lead</c>, for example <c>lead.Employees &gt;= 200</c>. Integrators with a
/// lead type of their own score it directly with <see cref="LeadScoringModel.LoadFor{TLead, TActivity}"/> instead.
/// </remarks>
/// <param name="Id">The lead's id.</param>
/// <param name="Email">The email address, if known.</param>
/// <param name="JobTitle">The job title, if known.</param>
/// <param name="Department">The department, if known.</param>
/// <param name="Industry">The company's industry, if known.</param>
/// <param name="Employees">The company's number of employees, if known.</param>
/// <param name="AnnualRevenue">The company's annual revenue, if known.</param>
/// <param name="Country">The country (ISO 3166 code recommended), if known.</param>
/// <param name="LeadSource">Where the lead came from, for example <c>Webinar</c> or <c>Paid search</c>, if known.</param>
/// <param name="Unsubscribed">Whether the lead unsubscribed from marketing email.</param>
/// <param name="HardBounced">Whether email to the lead bounced permanently.</param>
/// <param name="Activities">The lead's activities; engagement rules read each as the parameter <c>activity</c>.</param>
public sealed record LeadFacts(
    string Id,
    string? Email,
    string? JobTitle,
    string? Department,
    string? Industry,
    int? Employees,
    decimal? AnnualRevenue,
    string? Country,
    string? LeadSource,
    bool Unsubscribed,
    bool HardBounced,
    IReadOnlyList<LeadActivity> Activities)
{
    /// <summary>Gets the lead's activities; engagement rules read each as the parameter <c>activity</c>.</summary>
    public IReadOnlyList<LeadActivity> Activities { get; init => field = ValueList<LeadActivity>.From(value); } = ValueList<LeadActivity>.From(Activities);
}
