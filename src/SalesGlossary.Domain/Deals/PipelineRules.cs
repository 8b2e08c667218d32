namespace SalesGlossary.Domain;

/// <summary>Represents what a pipeline allows deals to do.</summary>
/// <param name="AllowSkipping">Whether a deal may skip open stages when it moves forward.</param>
/// <param name="AllowMovingBack">Whether a deal may move back to an earlier open stage (always with a reason).</param>
/// <param name="StartStages">The stages a deal may start in; empty means the first open stage only.</param>
/// <param name="RequireLostReason">Whether losing a deal needs a lost reason.</param>
public sealed record PipelineRules(bool AllowSkipping = false, bool AllowMovingBack = true, IReadOnlyList<string>? StartStages = null, bool RequireLostReason = true)
{
    /// <summary>Gets the stages a deal may start in; empty means the first open stage only.</summary>
    public IReadOnlyList<string>? StartStages { get; init => field = ValueList<string>.From(value); } = ValueList<string>.From(StartStages);
}
