using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>The result of evaluating a lead's attempts against a connect policy.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record ConnectEvaluation
{
    [JsonConstructor]
    internal ConnectEvaluation(DateTimeOffset handedOverAt, ConnectStatus status, int attempts, int channels, DateTimeOffset? nextAttemptDue, ConnectOutcome? stoppedBy, IReadOnlyList<ConnectBreach> breaches)
    {
        HandedOverAt = handedOverAt;
        Status = status;
        Attempts = attempts;
        Channels = channels;
        NextAttemptDue = nextAttemptDue;
        StoppedBy = stoppedBy;
        Breaches = breaches;
    }

    /// <summary>Gets when the lead was handed to sales: the start of the policy's clock; attempts before it do not count.</summary>
    public DateTimeOffset HandedOverAt { get; internal init; }

    /// <summary>Gets where the attempts stand.</summary>
    public ConnectStatus Status { get; internal init; }

    /// <summary>Gets how many attempts count (those at or after the handoff).</summary>
    public int Attempts { get; internal init; }

    /// <summary>Gets how many distinct channels they used.</summary>
    public int Channels { get; internal init; }

    /// <summary>Gets when the next attempt is due, or <see langword="null"/> when none is (connected, exhausted or stopped).</summary>
    public DateTimeOffset? NextAttemptDue { get; internal init; }

    /// <summary>Gets the outcome that stopped the sequence (a bounce), or <see langword="null"/>.</summary>
    public ConnectOutcome? StoppedBy { get; internal init; }

    /// <summary>Gets every way the attempts fell short of the policy so far.</summary>
    public IReadOnlyList<ConnectBreach> Breaches { get; internal init => field = ValueList<ConnectBreach>.From(value); }

    /// <summary>Returns the evaluation as a log line.</summary>
    /// <returns>For example <c>InProgress: 2 attempts on 1 channels since 2026-03-02T09:00:00.0000000+00:00, next due 2026-03-03T09:00:00.0000000+00:00; no breach</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Status}: {Attempts} attempts on {Channels} channels since {HandedOverAt:O}{(NextAttemptDue is { } due ? $", next due {due:O}" : string.Empty)}{(StoppedBy is { } stop ? ", stopped by " + stop : string.Empty)}; {(Breaches.Count == 0 ? "no breach" : string.Join("; ", Breaches))}");
}
