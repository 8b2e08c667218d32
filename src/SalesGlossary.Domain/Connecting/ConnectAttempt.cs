namespace SalesGlossary.Domain;

/// <summary>Represents one touch by sales on a handed-over lead.</summary>
/// <param name="At">When the attempt was made.</param>
/// <param name="Channel">The channel used.</param>
/// <param name="Outcome">What came of it.</param>
/// <param name="By">Who made the attempt (a seller's name or id), or <see langword="null"/> when unknown.</param>
public sealed record ConnectAttempt(DateTimeOffset At, ConnectChannel Channel, ConnectOutcome Outcome, string? By = null);
