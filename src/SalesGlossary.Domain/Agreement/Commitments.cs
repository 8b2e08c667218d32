namespace SalesGlossary.Domain.Agreement;

/// <summary>What marketing commits to in the agreement.</summary>
/// <param name="MqlsPerMonth">The Marketing Qualified Leads marketing delivers per month.</param>
/// <param name="MaxSqlRejectionRatePercent">The highest share of handed-over leads sales may return; above it the MQL definition needs work.</param>
public sealed record MarketingCommitment(int MqlsPerMonth, decimal MaxSqlRejectionRatePercent);

/// <summary>What sales commits to in the agreement.</summary>
/// <param name="FirstTouchWithinBusinessHours">The business hours within which sales touches a handed-over lead first.</param>
/// <param name="AttemptsPerLead">The attempts sales makes on a lead before giving up.</param>
public sealed record SalesCommitment(decimal FirstTouchWithinBusinessHours, int AttemptsPerLead);

/// <summary>A handoff between teams: the contact's stage passed from a stage one team owns to one another team owns.</summary>
/// <param name="At">When.</param>
/// <param name="From">The team that handed the contact over.</param>
/// <param name="To">The team that received it.</param>
/// <param name="Stage">The stage the contact entered.</param>
public sealed record Handoff(DateTimeOffset At, Lifecycle.Team From, Lifecycle.Team To, Lifecycle.LifecycleStage Stage);
