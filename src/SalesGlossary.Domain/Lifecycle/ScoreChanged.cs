using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents a recorded change of one model's score of a contact, with the rule-level delta.</summary>
public sealed record ScoreChanged : ContactEvent
{
    [JsonConstructor]
    internal ScoreChanged()
    {
    }

    /// <summary>Gets the change: previous and new score, the delta of the total, of each group and of each rule, and why.</summary>
    [JsonInclude]
    [JsonRequired]
    public ScoreChange Change { get; internal init; } = null!;

    /// <inheritdoc/>
    private protected override string Details => Change.ToString();
}
