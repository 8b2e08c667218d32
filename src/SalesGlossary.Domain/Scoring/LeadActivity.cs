namespace SalesGlossary.Domain;

/// <summary>Represents one thing a lead did, read by engagement rules as the parameter <c>activity</c>.</summary>
/// <param name="Type">What happened, for example <c>EmailOpen</c>, <c>WebinarAttended</c>, <c>PageView</c> or <c>DemoRequest</c>.</param>
/// <param name="OccurredAt">When it happened; decay and look-back windows are measured from here.</param>
/// <param name="Url">The page or asset involved, if any.</param>
/// <param name="JourneyStage">The buyer's-journey stage of the content (<c>Awareness</c>, <c>Consideration</c>, <c>Decision</c>), if known.</param>
public sealed record LeadActivity(string Type, DateTimeOffset OccurredAt, string? Url = null, string? JourneyStage = null);
