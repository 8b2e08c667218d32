using System.Globalization;

namespace SalesGlossary.Domain;

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
