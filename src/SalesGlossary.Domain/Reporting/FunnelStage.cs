namespace SalesGlossary.Domain;

/// <summary>One stage of a funnel report.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Reached">How many contacts of the cohort reached this stage or a later one.</param>
/// <param name="ConversionPercent">The share of the previous stage's contacts that reached this one, in percent; <see langword="null"/> for the first stage or when the previous stage had none.</param>
public sealed record FunnelStage(LifecycleStage Stage, int Reached, decimal? ConversionPercent);
