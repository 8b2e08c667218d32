using System.Linq.Expressions;
using System.Numerics;

namespace SalesGlossary.Domain;

/// <content>
/// The seam of the columnar scorer (the SalesGlossary.Domain.Arrow package): the plan's rules, the evaluation of one
/// rule exactly as the walk evaluates it (nested children, failures, the work meter), and the one home of caps. Columnar
/// scoring adds no rule semantics of its own: every answer it tabulates comes from <see cref="EvaluateRule"/>.
/// </content>
public sealed partial class LeadScoringModel<TLead, TActivity>
{
    /// <summary>Gets the number of groups; sums are indexed by <see cref="PlannedRule.Group"/>.</summary>
    internal int GroupCount => groups.Length;

    /// <summary>Gets the limits the model was loaded with.</summary>
    internal ScoringLimits Limits => limits;

    /// <summary>Gets the <c>lead</c> parameter of every <see cref="PlannedRule.Body"/>.</summary>
    internal ParameterExpression LeadParameter => leadParameter;

    /// <summary>Gets the <c>activity</c> parameter of every <see cref="PlannedRule.Body"/>.</summary>
    internal ParameterExpression ActivityParameter => activityParameter;

    /// <summary>Gets the plan's rules in the order of <see cref="Rules"/>.</summary>
    internal IReadOnlyList<PlannedRule> PlannedRules() =>
        [.. planByIndex.Select(r => new PlannedRule(
            r.Index, r.Rule.Name, r.Rule.Scope == ScoringScope.Activity, r.Group, r.Points, r.WindowTicks, r.MaxPerDay, r.Decay, bodies[r.Index]))];

    /// <summary>
    /// Evaluates one rule for a lead (and an activity, for activity rules) exactly as the walk does: every nested child,
    /// a failing child counting as not matched, the rule's work meter and cancellation.
    /// </summary>
    /// <param name="index">The rule's index in <see cref="Rules"/>.</param>
    /// <param name="lead">The lead.</param>
    /// <param name="activity">The activity, or <see langword="default"/> for lead rules.</param>
    /// <param name="failed">Whether the rule or one of its children failed (the lead's score is then incomplete).</param>
    /// <returns>Whether the rule matched.</returns>
    internal bool EvaluateRule(int index, TLead lead, TActivity activity, out bool failed)
    {
        var sink = new FailureSink();
        var matched = planByIndex[index].Node.Evaluate(lead, activity, planByIndex[index].Rule.Scope == ScoringScope.Activity ? 0 : -1, ref sink);
        failed = sink.Failed;
        return matched;
    }

    /// <summary>Caps each group's raw sum, then the total: the one home of caps.</summary>
    /// <param name="sums">Each group's raw sum in hundredths.</param>
    /// <returns>The total in hundredths.</returns>
    internal long CapTotal(ReadOnlySpan<long> sums) => Cap(sums, default, out _);

    /// <summary>
    /// The caps of <see cref="CapTotal"/> for a block of leads at once, in vectors: each group's raw sums lie at
    /// <c>sums[group × stride ..]</c>, one per lead; <paramref name="totals"/> receives each lead's total in hundredths.
    /// </summary>
    /// <remarks>
    /// The same arithmetic as the walk's caps (a capped group counts at most its cap, the total at most the total cap),
    /// written as minimums; the conformance suite and the columnar property test prove the two give the same totals.
    /// </remarks>
    /// <param name="sums">Each group's raw sums, group after group, <paramref name="stride"/> apart.</param>
    /// <param name="stride">The distance between two groups' sums.</param>
    /// <param name="totals">Receives the totals; its length is the number of leads.</param>
    internal void CapTotals(ReadOnlySpan<long> sums, int stride, Span<long> totals)
    {
        unchecked
        {
            totals.Clear();
            var count = totals.Length;
            var overflow = Vector<long>.Zero;
            for (var g = 0; g < groups.Length; g++)
            {
                var groupSums = sums.Slice(g * stride, count);
                var capped = plan.GroupCapped[g];
                var cap = plan.GroupCap[g];
                var i = 0;
                if (Vector.IsHardwareAccelerated)
                {
                    var capVector = new Vector<long>(capped ? cap : long.MaxValue);
                    for (; i <= count - Vector<long>.Count; i += Vector<long>.Count)
                    {
                        var before = new Vector<long>(totals[i..]);
                        var score = Vector.Min(new Vector<long>(groupSums[i..]), capVector);
                        var after = before + score;
                        overflow |= (before ^ after) & (score ^ after); // negative where the addition overflowed
                        after.CopyTo(totals[i..]);
                    }
                }

                for (; i < count; i++)
                {
                    totals[i] = checked(totals[i] + (capped && groupSums[i] > cap ? cap : groupSums[i]));
                }
            }

            if (Vector.LessThanAny(overflow, Vector<long>.Zero))
            {
                throw new OverflowException("Arithmetic operation resulted in an overflow.");
            }

            if (plan.TotalCapped)
            {
                var totalCap = plan.TotalCap;
                var i = 0;
                if (Vector.IsHardwareAccelerated)
                {
                    var capVector = new Vector<long>(totalCap);
                    for (; i <= count - Vector<long>.Count; i += Vector<long>.Count)
                    {
                        Vector.Min(new Vector<long>(totals[i..]), capVector).CopyTo(totals[i..]);
                    }
                }

                for (; i < count; i++)
                {
                    totals[i] = totals[i] > totalCap ? totalCap : totals[i];
                }
            }
        }
    }

    /// <summary>Notes only whether anything failed.</summary>
    private struct FailureSink : IScoreSink
    {
        public bool Failed { get; private set; }

        public readonly bool WantsLeadMatches => false;

        public readonly void LeadRuleMatched(int rule)
        {
        }

        public readonly void ActivityRuleMatched(int rule, int activityIndex, long occurredTicks, long ageTicks, long earned, bool overDailyMaximum)
        {
        }

        public void RuleFailed(string rule, int activityIndex, Exception error) => Failed = true;

        public void LeadFailed(string message) => Failed = true;
    }
}
