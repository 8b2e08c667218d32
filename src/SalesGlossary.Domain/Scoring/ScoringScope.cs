namespace SalesGlossary.Domain;

/// <summary>Whether a scoring rule is evaluated once per lead or once per activity of the lead.</summary>
public enum ScoringScope
{
    /// <summary>Once per lead, reading the parameter <c>lead</c>: fit rules.</summary>
    Lead = 0,

    /// <summary>Once per activity, reading the parameters <c>lead</c> and <c>activity</c>: engagement rules, which can decay.</summary>
    Activity = 1,
}
