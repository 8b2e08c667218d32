namespace SalesGlossary.Domain;

/// <summary>How long deals stay in one stage.</summary>
/// <param name="Stage">The stage's name.</param>
/// <param name="Deals">How many deals have been in it.</param>
/// <param name="Average">The average cumulative time a deal spent in it.</param>
/// <param name="Median">The median cumulative time a deal spent in it.</param>
public sealed record StageVelocity(string Stage, int Deals, TimeSpan Average, TimeSpan Median);
