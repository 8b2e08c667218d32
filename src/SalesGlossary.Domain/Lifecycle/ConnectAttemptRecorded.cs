using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents a connect attempt recorded on a contact.</summary>
public sealed record ConnectAttemptRecorded : ContactEvent
{
    [JsonConstructor]
    internal ConnectAttemptRecorded()
    {
    }

    /// <summary>Gets the attempt.</summary>
    [JsonInclude]
    [JsonRequired]
    public ConnectAttempt Attempt { get; internal init; } = null!;

    /// <summary>Gets the attempt's number among the contact's attempts, starting at 1.</summary>
    [JsonInclude]
    [JsonRequired]
    public int Number { get; internal init; }

    /// <inheritdoc/>
    private protected override string Details => string.Create(CultureInfo.InvariantCulture, $"attempt {Number} by {Attempt.Channel.Name} at {Attempt.At:O}, {Attempt.Outcome.Name}{(Attempt.By is null ? string.Empty : " (" + Attempt.By + ")")}");
}
