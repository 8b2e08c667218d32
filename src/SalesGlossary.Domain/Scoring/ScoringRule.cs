namespace SalesGlossary.Domain;

/// <summary>Represents one rule of a scoring model, as loaded and checked.</summary>
/// <param name="Name">The rule's name (RulesEngine's <c>RuleName</c>), unique in the model.</param>
/// <param name="Group">The group the points count towards, for example <c>fit</c> or <c>engagement</c>.</param>
/// <param name="Scope">Whether the rule runs once per lead or once per activity.</param>
/// <param name="Points">The points a match earns; negative points subtract.</param>
/// <param name="Expression">The rule's expression; for a nested rule, its children combined with its operator.</param>
/// <param name="Decay">How an activity's points decay with age, or <see langword="null"/> for none.</param>
/// <param name="WindowDays">Activities older than this many days earn nothing, or <see langword="null"/> for no window.</param>
/// <param name="MaxPerDay">The most matching activities that earn points per calendar day (UTC), or <see langword="null"/> for no limit.</param>
/// <param name="HandRaise">Whether a match is a hand-raise (for example a demo request) that may route the contact straight to MQL or SQL.</param>
/// <param name="Description">What the rule means, in words, if given.</param>
public sealed record ScoringRule(
    string Name,
    string Group,
    ScoringScope Scope,
    decimal Points,
    string Expression,
    ScoreDecay? Decay = null,
    decimal? WindowDays = null,
    int? MaxPerDay = null,
    bool HandRaise = false,
    string? Description = null);
