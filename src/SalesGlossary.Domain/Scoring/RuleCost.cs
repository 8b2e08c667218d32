using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents the worst-case work of one rule for one lead, estimated at load: <c>FixedWork + WorkPerItem × n</c>.</summary>
/// <remarks>
/// <para>
/// <c>n</c> is the size of the lead's data: the items of its collections (activities, tags, …) and the characters of
/// the texts a rule builds or loops over. A unit of work is what the run-time meter counts: one step of a loop (a
/// lambda call, or one item a collection method scans) or one character of text built. An activity rule is counted
/// for all the lead's activities together.
/// </para>
/// <para>
/// Every accepted rule is linear: a rule whose work grows faster than the lead's data (a loop over the lead's activities
/// inside another, or inside an activity rule) or that builds text longer than
/// <see cref="ScoringLimits.MaxBuiltTextLength"/> is rejected at load with the reason.
/// </para>
///  Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record RuleCost
{
    [JsonConstructor]
    internal RuleCost(string rule, long fixedWork, long workPerItem)
    {
        Rule = rule;
        FixedWork = fixedWork;
        WorkPerItem = workPerItem;
    }

    /// <summary>Gets the rule's name.</summary>
    public string Rule { get; internal init; }

    /// <summary>Gets the work that does not depend on the lead's data.</summary>
    public long FixedWork { get; internal init; }

    /// <summary>Gets the work per item (or character) of the lead's data.</summary>
    public long WorkPerItem { get; internal init; }

    /// <summary>Gets the estimated worst-case work of one evaluation of the rule (once per lead, or once per activity) at the model's own limits.</summary>
    /// <remarks>
    /// The lead's data is taken as large as the limits admit: <c>n</c> is the larger of
    /// <see cref="ScoringLimits.MaxActivitiesPerLead"/> and <see cref="ScoringLimits.MaxBuiltTextLength"/>. A rule for which
    /// this exceeds <see cref="ScoringLimits.MaxWorkPerRule"/> is rejected at load, so it is never above the budget.
    /// </remarks>
    [JsonInclude]
    public long WorkAtLimits { get; internal init; }

    /// <summary>Gets the estimated worst-case work for a lead of the given size.</summary>
    /// <param name="items">The size of the lead's data (<c>n</c>).</param>
    /// <returns><c>FixedWork + WorkPerItem × items</c>, saturating at <see cref="long.MaxValue"/>.</returns>
    public long For(long items)
    {
        var work = FixedWork + ((decimal)WorkPerItem * Math.Max(0, items));
        return work >= long.MaxValue ? long.MaxValue : (long)work;
    }

    /// <summary>Returns the cost as a formula, for example <c>3 + 2 × n</c>.</summary>
    /// <returns>The formula, culture-invariant.</returns>
    public override string ToString() =>
        WorkPerItem == 0
            ? FixedWork.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{FixedWork} + {WorkPerItem} × n");
}
