using System.Globalization;

namespace SalesGlossary.Domain.Lifecycle;

/// <summary>What an SLA timer watches on a contact handed to sales.</summary>
public enum SlaTimerKind
{
    /// <summary>The first touch, due within the connect policy's first-touch time after the handoff; late is a breach.</summary>
    FirstTouch = 0,

    /// <summary>The next attempt of a sequence in progress, due once the policy's minimum spacing has passed; firing it breaches nothing.</summary>
    NextAttempt = 1,

    /// <summary>The end of the sequence: from then on, too few attempts or channels are a breach.</summary>
    EndOfSequence = 2,
}

/// <summary>Represents an instant at which something becomes due or breached on a contact, so a scheduler can wake exactly then instead of polling.</summary>
/// <param name="Kind">What the timer watches.</param>
/// <param name="DueAt">When it is due.</param>
/// <remarks>
/// A breach exists only after the due instant: fire the timer at <see cref="FiresAt"/> with <see cref="Contact.FireSlaTimers"/>.
/// Timers are derived from the contact's state: after any change, ask <see cref="Contact.SlaTimers"/> again.
/// </remarks>
public sealed record SlaTimer(SlaTimerKind Kind, DateTimeOffset DueAt)
{
    /// <summary>Gets a value indicating whether the timer can produce a breach when it fires.</summary>
    public bool CanBreach => Kind != SlaTimerKind.NextAttempt;

    /// <summary>Gets when to fire the timer: the due instant for a due timer, one tick after it for a breach (the due instant itself is still in time).</summary>
    public DateTimeOffset FiresAt => CanBreach ? DueAt.AddTicks(1) : DueAt;

    /// <summary>Returns the timer as a log line would show it.</summary>
    /// <returns>For example <c>FirstTouch due 2026-02-02T13:00:00.0000000+00:00</c>.</returns>
    public override string ToString() => Kind + " due " + DueAt.ToString("O", CultureInfo.InvariantCulture);
}

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
