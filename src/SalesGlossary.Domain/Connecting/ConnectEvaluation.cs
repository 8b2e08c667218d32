using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>The result of evaluating a lead's attempts against a connect policy.</summary>
/// <param name="HandedOverAt">When the lead was handed to sales: the start of the policy's clock; attempts before it do not count.</param>
/// <param name="Status">Where the attempts stand.</param>
/// <param name="Attempts">How many attempts count (those at or after the handoff).</param>
/// <param name="Channels">How many distinct channels they used.</param>
/// <param name="NextAttemptDue">When the next attempt is due, or <see langword="null"/> when none is (connected, exhausted or stopped).</param>
/// <param name="StoppedBy">The outcome that stopped the sequence (a bounce), or <see langword="null"/>.</param>
/// <param name="Breaches">Every way the attempts fell short of the policy so far.</param>
public sealed record ConnectEvaluation(
    DateTimeOffset HandedOverAt,
    ConnectStatus Status,
    int Attempts,
    int Channels,
    DateTimeOffset? NextAttemptDue,
    ConnectOutcome? StoppedBy,
    IReadOnlyList<ConnectBreach> Breaches)
{
    /// <summary>Returns the evaluation as a log line.</summary>
    /// <returns>For example <c>InProgress: 2 attempts on 1 channels since 2026-03-02T09:00:00.0000000+00:00, next due 2026-03-03T09:00:00.0000000+00:00; no breach</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Status}: {Attempts} attempts on {Channels} channels since {HandedOverAt:O}{(NextAttemptDue is { } due ? $", next due {due:O}" : string.Empty)}{(StoppedBy is { } stop ? ", stopped by " + stop : string.Empty)}; {(Breaches.Count == 0 ? "no breach" : string.Join("; ", Breaches))}");
}
