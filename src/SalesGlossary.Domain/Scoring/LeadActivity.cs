namespace SalesGlossary.Domain;

/// <summary>Represents one thing a lead did, read by engagement rules as the parameter <c>activity</c>.</summary>
/// <remarks>Built with named members: <c>new LeadActivity { Type = "PageView", OccurredAt = now, Url = "/pricing" }</c>.</remarks>
public sealed record LeadActivity
{
    /// <summary>Gets what happened, for example <c>EmailOpen</c>, <c>WebinarAttended</c>, <c>PageView</c> or <c>DemoRequest</c>.</summary>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    public required string Type { get; init => field = Guard.NotNull(value, nameof(Type)); }

    /// <summary>Gets when it happened; decay and look-back windows are measured from here.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Gets the page or asset involved, if any.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Url { get; init; }

    /// <summary>Gets the buyer's-journey stage of the content (<c>Awareness</c>, <c>Consideration</c>, <c>Decision</c>), if known.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? JourneyStage { get; init; }
}
