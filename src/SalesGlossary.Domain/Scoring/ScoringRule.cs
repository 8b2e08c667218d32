namespace SalesGlossary.Domain;

/// <summary>Represents one rule of a scoring model, as loaded and checked.</summary>
/// <remarks>Built with named members: <c>new ScoringRule { Name = "cto", Group = "fit", Scope = ScoringScope.Lead, Points = 20, Expression = "…" }</c>.</remarks>
public sealed record ScoringRule
{
    /// <summary>Gets the rule's name (RulesEngine's <c>RuleName</c>), unique in the model.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the group the points count towards, for example <c>fit</c> or <c>engagement</c>.</summary>
    public required string Group { get; init; }

    /// <summary>Gets whether the rule runs once per lead or once per activity.</summary>
    public required ScoringScope Scope { get; init; }

    /// <summary>Gets the points a match earns; negative points subtract.</summary>
    public required decimal Points { get; init; }

    /// <summary>Gets the rule's expression; for a nested rule, its children combined with its operator.</summary>
    public required string Expression { get; init; }

    /// <summary>Gets how an activity's points decay with age, or <see langword="null"/> for none.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public ScoreDecay? Decay { get; init; }

    /// <summary>Gets the age in days after which activities earn nothing, or <see langword="null"/> for no window.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public decimal? WindowDays { get; init; }

    /// <summary>Gets the most matching activities that earn points per calendar day (UTC), or <see langword="null"/> for no limit.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public int? MaxPerDay { get; init; }

    /// <summary>Gets a value indicating whether a match is a hand-raise (for example a demo request) that may route the contact straight to MQL or SQL.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool HandRaise { get; init; }

    /// <summary>Gets what the rule means, in words, if given.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Description { get; init; }
}
