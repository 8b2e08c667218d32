namespace SalesGlossary.Domain;

/// <summary>Represents what a pipeline allows deals to do.</summary>
/// <param name="AllowSkipping">Whether a deal may skip open stages when it moves forward.</param>
/// <param name="AllowMovingBack">Whether a deal may move back to an earlier open stage (always with a reason).</param>
/// <param name="StartStages">The stages a deal may start in; empty means the first open stage only.</param>
/// <param name="RequireLostReason">Whether losing a deal needs a lost reason.</param>
public sealed record PipelineRules(bool AllowSkipping = false, bool AllowMovingBack = true, IReadOnlyList<string>? StartStages = null, bool RequireLostReason = true)
{
    /// <summary>Compares every rule; the start stages item by item.</summary>
    /// <param name="other">The other rules.</param>
    /// <returns>Whether both rule the same.</returns>
    public bool Equals(PipelineRules? other) =>
        other is not null && AllowSkipping == other.AllowSkipping && AllowMovingBack == other.AllowMovingBack && RequireLostReason == other.RequireLostReason
        && (StartStages is null ? other.StartStages is null : other.StartStages is not null && StartStages.SequenceEqual(other.StartStages));

    /// <summary>Combines every rule; equal rules have equal hash codes.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(AllowSkipping, AllowMovingBack, RequireLostReason, StartStages?.Count ?? -1);
}
