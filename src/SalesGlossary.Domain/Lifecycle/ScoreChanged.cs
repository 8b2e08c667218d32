namespace SalesGlossary.Domain;

/// <summary>Represents a recorded change of one model's score of a contact, with the rule-level delta.</summary>
public sealed record ScoreChanged : ContactEvent
{
    /// <summary>Gets the change: previous and new score, the delta of the total, of each group and of each rule, and why.</summary>
    public required ScoreChange Change { get; init; }
}
