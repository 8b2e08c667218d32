namespace SalesGlossary.Domain;

/// <summary>Represents a breach of the connect policy recorded on a contact: what was due when, and what fell short.</summary>
/// <param name="Kind">The timer that found it.</param>
/// <param name="Rule">The connect policy's breach kind: <c>FirstTouchLate</c>, <c>TooFewAttempts</c> or <c>TooFewChannels</c>.</param>
/// <param name="DueAt">When it was due.</param>
/// <param name="Message">A sentence with the figures.</param>
/// <remarks>Each breach is recorded once per handoff; it moves <see cref="Contact.Version"/> like every recorded change.</remarks>
public sealed record SlaBreach(SlaTimerKind Kind, string Rule, DateTimeOffset DueAt, string Message)
{
    /// <summary>Gets when the breach was recorded.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Gets when the contact was handed to sales: the handoff the breach belongs to.</summary>
    public required DateTimeOffset HandedOverAt { get; init; }
}
