namespace SalesGlossary.Domain;

/// <summary>Represents what a pipeline allows deals to do.</summary>
/// <remarks>Every member is named and has a default: <c>new PipelineRules { AllowSkipping = true }</c> allows skipping and keeps the rest.</remarks>
public sealed record PipelineRules
{
    /// <summary>Gets a value indicating whether a deal may skip open stages when it moves forward.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool AllowSkipping { get; init; }

    /// <summary>Gets a value indicating whether a deal may move back to an earlier open stage (always with a reason).</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool AllowMovingBack { get; init; } = true;

    /// <summary>Gets the stages a deal may start in; empty means the first open stage only.</summary>
    /// <value>The default is <see langword="null"/>: the first open stage only.</value>
    public IReadOnlyList<string>? StartStages { get; init => field = ValueList<string>.From(value); }

    /// <summary>Gets a value indicating whether losing a deal needs a lost reason.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool RequireLostReason { get; init; } = true;
}
