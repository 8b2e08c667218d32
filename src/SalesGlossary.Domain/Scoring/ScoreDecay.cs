using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Represents linear decay of an activity's points with its age.</summary>
/// <remarks>
/// An activity of age <c>d</c> days earns <c>points × max(0, 1 − Percent/100 × d / EveryDays)</c>, rounded once to two
/// decimals, half away from zero: 50 % every 30 days means half the points at 30 days and nothing from 60 days on. At age 0
/// an activity earns its full points. Scoring computes this exactly on the age in whole ticks (100 ns), with no intermediate
/// rounding (see docs/scoring-semantics.md); <see cref="FactorAt"/> is the same formula in <see cref="decimal"/>.
/// A scoring model's reader builds it from a rule's <c>decay</c> and refuses a percent outside (0, 100] or a period that is not
/// above 0 with the JSON path; a value built in code refuses them too, naming the member. Built with named members: <c>new ScoreDecay { Percent = 50, EveryDays = 30 }</c>.
/// </remarks>
public sealed record ScoreDecay
{
    /// <summary>Gets the share of the points lost every <see cref="EveryDays"/> days, in percent (above 0, at most 100).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is at or below 0 or above 100; the message names the member and the value.</exception>
    public required decimal Percent { get; init => field = Guard.Positive(value, 100m, nameof(Percent)); }

    /// <summary>Gets the length of the decay period in days (above 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is at or below 0; the message names the member and the value.</exception>
    public required decimal EveryDays { get; init => field = Guard.Positive(value, name: nameof(EveryDays)); }

    /// <summary>Gets the factor an activity of the given age keeps, between 0 and 1.</summary>
    /// <param name="ageDays">The activity's age in days; negative ages count as 0.</param>
    /// <returns>The factor applied to the rule's points.</returns>
    public decimal FactorAt(decimal ageDays) =>
        Math.Clamp(1m - (Percent / 100m * Math.Max(0m, ageDays) / EveryDays), 0m, 1m);

    /// <summary>Returns the decay as text, for example <c>50 % every 30 days</c>.</summary>
    /// <returns>The decay in words, culture-invariant.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Percent} % every {EveryDays} days");
}
