namespace SalesGlossary.Domain;

/// <summary>How far one side met its commitment in the period.</summary>
/// <param name="Team">The side: marketing or sales.</param>
/// <param name="Measure">What was measured, in words.</param>
/// <param name="Actual">The measured value.</param>
/// <param name="Target">The committed value.</param>
/// <param name="AttainmentPercent">The attainment, between 0 and 100 %.</param>
public sealed record Attainment(Team Team, string Measure, decimal Actual, decimal Target, decimal AttainmentPercent);
