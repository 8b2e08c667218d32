using System.Globalization;

namespace SalesGlossary.Domain.Scoring;

/// <summary>Whether a scoring rule is evaluated once per lead or once per activity of the lead.</summary>
public enum ScoringScope
{
    /// <summary>Once per lead, reading the parameter <c>lead</c>: fit rules.</summary>
    Lead = 0,

    /// <summary>Once per activity, reading the parameters <c>lead</c> and <c>activity</c>: engagement rules, which can decay.</summary>
    Activity = 1,
}

/// <summary>Represents linear decay of an activity's points with its age.</summary>
/// <remarks>
/// An activity of age <c>d</c> days earns <c>points × max(0, 1 − Percent/100 × d / EveryDays)</c>, rounded once to two
/// decimals, half away from zero: 50 % every 30 days means half the points at 30 days and nothing from 60 days on. At age 0
/// an activity earns its full points. Scoring computes this exactly on the age in whole ticks (100 ns), with no intermediate
/// rounding (see docs/scoring-semantics.md); <see cref="FactorAt"/> is the same formula in <see cref="decimal"/>.
/// </remarks>
/// <param name="Percent">The share of the points lost every <paramref name="EveryDays"/> days, in percent (above 0, at most 100).</param>
/// <param name="EveryDays">The length of the decay period in days (above 0).</param>
public sealed record ScoreDecay(decimal Percent, decimal EveryDays)
{
    /// <summary>Gets the factor an activity of the given age keeps, between 0 and 1.</summary>
    /// <param name="ageDays">The activity's age in days; negative ages count as 0.</param>
    /// <returns>The factor applied to the rule's points.</returns>
    public decimal FactorAt(decimal ageDays) =>
        Math.Clamp(1m - (Percent / 100m * Math.Max(0m, ageDays) / EveryDays), 0m, 1m);

    /// <summary>Returns the decay as text, for example <c>50 % every 30 days</c>.</summary>
    /// <returns>The decay in words, culture-invariant.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Percent} % every {EveryDays} days");
}

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

/// <summary>Represents the thresholds that turn group scores into a grade such as <c>A1</c>.</summary>
/// <remarks>The fit letter comes from the <c>fit</c> group (A, B or C), the engagement digit from the <c>engagement</c> group (1, 2 or 3).</remarks>
/// <param name="FitA">The fit score from which the letter is A.</param>
/// <param name="FitB">The fit score from which the letter is B; below it, C.</param>
/// <param name="EngagementOne">The engagement score from which the digit is 1.</param>
/// <param name="EngagementTwo">The engagement score from which the digit is 2; below it, 3.</param>
public sealed record GradeThresholds(decimal FitA, decimal FitB, decimal EngagementOne, decimal EngagementTwo);
