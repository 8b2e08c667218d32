namespace SalesGlossary.Domain;

/// <summary>Represents a connect attempt recorded on a contact.</summary>
public sealed record ConnectAttemptRecorded : ContactEvent
{
    /// <summary>Gets the attempt.</summary>
    public required ConnectAttempt Attempt { get; init; }

    /// <summary>Gets the attempt's number among the contact's attempts, starting at 1.</summary>
    public required int Number { get; init; }
}
