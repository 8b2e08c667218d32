namespace SalesGlossary.Domain.Scoring;

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
    IReadOnlyList<LeadActivity> Activities);

/// <summary>Represents one thing a lead did, read by engagement rules as the parameter <c>activity</c>.</summary>
/// <param name="Type">What happened, for example <c>EmailOpen</c>, <c>WebinarAttended</c>, <c>PageView</c> or <c>DemoRequest</c>.</param>
/// <param name="OccurredAt">When it happened; decay and look-back windows are measured from here.</param>
/// <param name="Url">The page or asset involved, if any.</param>
/// <param name="JourneyStage">The buyer's-journey stage of the content (<c>Awareness</c>, <c>Consideration</c>, <c>Decision</c>), if known.</param>
public sealed record LeadActivity(string Type, DateTimeOffset OccurredAt, string? Url = null, string? JourneyStage = null);
