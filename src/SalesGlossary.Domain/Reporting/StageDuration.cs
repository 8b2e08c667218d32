namespace SalesGlossary.Domain;

/// <summary>How long contacts stay in one stage.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Contacts">How many contacts have been in it.</param>
/// <param name="Median">The median cumulative time in the stage.</param>
/// <param name="Percentile90">The 90th percentile of the cumulative time in the stage.</param>
public sealed record StageDuration(LifecycleStage Stage, int Contacts, TimeSpan Median, TimeSpan Percentile90);
