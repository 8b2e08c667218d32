using System.Buffers;
using System.Globalization;
using System.Linq.Expressions;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace SalesGlossary.Domain;

/// <content>The scoring plan and its single walker: the one home of windows, daily maximums, decay and caps.</content>
public sealed partial class LeadScoringModel<TLead, TActivity>
{
    private const int StackActivities = 128;
    private const int StackRules = 256;

    /// <summary>Walks one lead through the plan: lead rules once, then each scored activity (newest first) through the activity rules.</summary>
    /// <returns>The total in hundredths after group caps and the total cap; <paramref name="sums"/> holds each group's raw sum.</returns>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The instant the score is computed for.</param>
    /// <param name="sink">Receives what the walk finds.</param>
    /// <param name="sums">Receives each group's raw sum; one per group.</param>
    /// <param name="cancellation">The scoring call's token (<see cref="WorkMeter.Observed"/>), read once by the caller per run or per lead.</param>
    private long Walk<TSink>(TLead lead, DateTimeOffset asOf, ref TSink sink, scoped Span<long> sums, CancellationToken cancellation)
        where TSink : IScoreSink, allows ref struct
    {
        sums.Clear();
        var chunks = plan.LeadChunks.Length;
        var bits = plan.LeadBits;
        var wantsMatches = sink.WantsLeadMatches;

        // A sink that needs no matched bits reads a single summed chunk's sums only (no mask, no text charges on short texts).
        var sumsOnly = wantsMatches || chunks != 1 ? null : plan.LeadSumsOnly.Value;
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            cancellation.ThrowIfCancellationRequested(); // sandbox: cancellation is observed between rules and inside metered rules
            var found = LeadMask(sumsOnly ?? plan.LeadChunks[chunk], lead, out var failed);
            var mask = found.Mask;
            if (failed)
            {
                // One rule failed inside the fused delegate: evaluate the chunk rule by rule to find and report it.
                mask = RuleByRule(plan.Lead, chunk, lead, default!, -1, long.MinValue, ref sink);
            }
            else if (plan.LeadSummed[chunk])
            {
                // The delegate summed the points itself (no overflow possible, see FuseLead): no walk over the matched bits.
                AddChunkSums(sums, found);
                if (wantsMatches)
                {
                    while (mask != 0)
                    {
                        var r = unchecked((chunk << 6) + BitOperations.TrailingZeroCount(mask));
                        mask &= unchecked(mask - 1);
                        sink.LeadRuleMatched(bits[r].Index);
                    }
                }

                continue;
            }

            while (mask != 0)
            {
                var r = unchecked((chunk << 6) + BitOperations.TrailingZeroCount(mask));
                mask &= unchecked(mask - 1);
                var bit = bits[r];
                sums[bit.Group] = checked(sums[bit.Group] + bit.Points);
                if (wantsMatches)
                {
                    sink.LeadRuleMatched(bit.Index);
                }
            }
        }

        if (plan.Activity.Length > 0)
        {
            WalkActivities(lead, asOf, ref sink, sums, cancellation);
        }

        return Cap(sums, default, out _);
    }

    /// <summary>
    /// Runs one fused chunk of lead rules. Kept out of <see cref="Walk"/> so that the walk's own loop carries no exception
    /// handling; when a rule in the chunk fails, the walk evaluates the chunk rule by rule to find and report it.
    /// </summary>
    /// <returns>The chunk's matches and sums; <paramref name="failed"/> says the fused delegate threw (the result is then empty).</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static LeadChunkResult LeadMask(Func<TLead, TActivity, LeadChunkResult> chunk, TLead lead, out bool failed)
    {
        failed = false;
        try
        {
            return chunk(lead, default!);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failed = true;
            return default;
        }
    }

    /// <summary>Adds the sums a fused chunk computed to the first groups' sums (checked, as every sum of the walk).</summary>
    private static void AddChunkSums(scoped Span<long> sums, in LeadChunkResult found)
    {
        switch (sums.Length)
        {
            case 0:
                break;
            case 1:
                sums[0] = checked(sums[0] + found.Group0);
                break;
            case 2:
                sums[0] = checked(sums[0] + found.Group0);
                sums[1] = checked(sums[1] + found.Group1);
                break;
            case 3:
                sums[0] = checked(sums[0] + found.Group0);
                sums[1] = checked(sums[1] + found.Group1);
                sums[2] = checked(sums[2] + found.Group2);
                break;
            default:
                sums[0] = checked(sums[0] + found.Group0);
                sums[1] = checked(sums[1] + found.Group1);
                sums[2] = checked(sums[2] + found.Group2);
                sums[3] = checked(sums[3] + found.Group3);
                break;
        }
    }

    /// <summary>Caps each group, then the total: the one home of caps. Writes each group's capped score if asked.</summary>
    private long Cap(ReadOnlySpan<long> sums, Span<long> capped, out long totalExcess)
    {
        long total = 0;
        var limits = plan.GroupLimit;
        if (capped.IsEmpty)
        {
            for (var g = 0; g < sums.Length && g < limits.Length; g++)
            {
                total += Math.Min(sums[g], limits[g]);
            }
        }
        else
        {
            for (var g = 0; g < sums.Length && g < limits.Length; g++)
            {
                var score = Math.Min(sums[g], limits[g]);
                capped[g] = score;
                total += score;
            }
        }

        totalExcess = total > plan.TotalLimit ? total - plan.TotalLimit : 0;
        return total - totalExcess;
    }

    private void WalkActivities<TSink>(TLead lead, DateTimeOffset asOf, ref TSink sink, scoped Span<long> sums, CancellationToken cancellation)
        where TSink : IScoreSink, allows ref struct
    {
        IReadOnlyList<TActivity> list;
        TActivity[]? array; // read without an interface call per activity when the list is an array
        try
        {
            if (ownActivities)
            {
                // The library's own lead keeps its activities in a value list (its init converts any list): read its array.
                var own = Unsafe.As<LeadFacts>(lead!).Activities;
                list = Unsafe.As<IReadOnlyList<TActivity>>(own) ?? [];
                array = own is ValueList<LeadActivity> values ? Unsafe.As<TActivity[]>(values.Array) : list as TActivity[];
            }
            else
            {
                list = activities(lead) ?? [];
                array = list as TActivity[];
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            sink.LeadFailed("Reading the lead's activities failed: " + RuleSandbox.ErrorText(e));
            return;
        }

        var listCount = array?.Length ?? list.Count;
        if (listCount == 0)
        {
            return;
        }

        var rules = plan.Activity;
        (long NegativeTicks, int Index)[]? rentedOrder = null;
        int[]? rentedCounts = null;
        long[]? rentedDays = null;
        var order = listCount <= StackActivities ? stackalloc (long, int)[listCount] : (rentedOrder = ArrayPool<(long, int)>.Shared.Rent(listCount));
        var dayCount = rules.Length <= StackRules ? stackalloc int[rules.Length] : (rentedCounts = ArrayPool<int>.Shared.Rent(rules.Length));
        var lastDay = rules.Length <= StackRules ? stackalloc long[rules.Length] : (rentedDays = ArrayPool<long>.Shared.Rent(rules.Length));
        try
        {
            var asOfTicks = asOf.UtcTicks;
            var count = 0;
            for (var i = 0; i < listCount; i++)
            {
                var item = array is not null ? array[i] : list[i];
                if (item is null)
                {
                    RuleSandbox.EnsureActivity(lead, item, i); // sandbox: a null activity is the caller's error, named
                }

                // The library's own activity type is read directly; an integrator's through its accessor.
                var ticks = ownActivities ? Unsafe.As<LeadActivity>(item)!.OccurredAt.UtcTicks : occurredAt(item).UtcTicks;
                if (ticks <= asOfTicks)
                {
                    order[count++] = (-ticks, i);
                }
            }

            // Newest first; at the same instant, in the order of the lead's list.
            var active = order[..count];
            SortNewestFirst(active);
            if (count > limits.MaxActivitiesPerLead)
            {
                sink.LeadFailed(string.Create(CultureInfo.InvariantCulture,
                    $"The lead has {count} activities; only the newest {limits.MaxActivitiesPerLead} were scored (the limit)."));
                active = active[..limits.MaxActivitiesPerLead];
            }

            dayCount[..rules.Length].Clear();
            lastDay[..rules.Length].Fill(long.MinValue);
            var chunks = plan.ActivityChunks;
            foreach (var (negativeTicks, index) in active)
            {
                cancellation.ThrowIfCancellationRequested(); // sandbox: cancellation between activities
                var occurred = -negativeTicks;
                var age = asOfTicks - occurred;
                var day = occurred / TimeSpan.TicksPerDay;
                var activity = array is not null ? array[index] : list[index];
                for (var chunk = 0; chunk < chunks.Length; chunk++)
                {
                    ulong mask;
                    try
                    {
                        mask = chunks[chunk](lead, activity);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        mask = RuleByRule(rules, chunk, lead, activity, index, age, ref sink);
                    }

                    while (mask != 0)
                    {
                        var r = unchecked((chunk << 6) + BitOperations.TrailingZeroCount(mask));
                        mask &= unchecked(mask - 1);
                        var rule = rules[r];
                        if (age > rule.WindowTicks)
                        {
                            // Outside its window the rule is not evaluated: the fused delegate ran it, but its answer does not count.
                            continue;
                        }

                        var over = false;
                        if (rule.MaxPerDay != int.MaxValue)
                        {
                            if (lastDay[r] != day)
                            {
                                lastDay[r] = day;
                                dayCount[r] = 0;
                            }

                            over = ++dayCount[r] > rule.MaxPerDay;
                        }

                        var earned = over ? 0 : rule.Decay is { } decay ? decay.Apply(age) : rule.Points;
                        sums[rule.Group] = checked(sums[rule.Group] + earned);
                        sink.ActivityRuleMatched(rule.Index, index, occurred, age, earned, over);
                    }
                }
            }
        }
        finally
        {
            if (rentedOrder is not null)
            {
                ArrayPool<(long, int)>.Shared.Return(rentedOrder);
            }

            if (rentedCounts is not null)
            {
                ArrayPool<int>.Shared.Return(rentedCounts);
            }

            if (rentedDays is not null)
            {
                ArrayPool<long>.Shared.Return(rentedDays);
            }
        }
    }

    /// <summary>Sorts (negated ticks, index) pairs ascending: insertion sort for the few activities of a typical lead, the span sort beyond.</summary>
    private static void SortNewestFirst(Span<(long NegativeTicks, int Index)> active)
    {
        if (active.Length > 16)
        {
            active.Sort();
            return;
        }

        for (var i = 1; i < active.Length; i++)
        {
            var item = active[i];
            var j = i - 1;
            while (j >= 0 && (active[j].NegativeTicks > item.NegativeTicks || (active[j].NegativeTicks == item.NegativeTicks && active[j].Index > item.Index)))
            {
                active[j + 1] = active[j];
                j--;
            }

            active[j + 1] = item;
        }
    }

    /// <summary>
    /// Evaluates one chunk rule by rule, each nested rule child by child, reporting every failure; an activity rule is
    /// evaluated only inside its window (<paramref name="age"/> is <see cref="long.MinValue"/> for lead rules).
    /// </summary>
    private static ulong RuleByRule<TSink>(PlanRule[] rules, int chunk, TLead lead, TActivity activity, int activityIndex, long age, ref TSink sink)
        where TSink : IScoreSink, allows ref struct
    {
        ulong mask = 0;
        for (var bit = 0; bit < 64 && (chunk << 6) + bit < rules.Length; bit++)
        {
            var rule = rules[(chunk << 6) + bit];
            if (age > rule.WindowTicks)
            {
                continue;
            }

            if (rule.Node.Evaluate(lead, activity, activityIndex, ref sink))
            {
                mask |= 1UL << bit;
            }
        }

        return mask;
    }

    /// <summary>One rule of the plan: its place, group, points (hundredths) and, for activity rules, window, daily maximum and decay.</summary>
    private sealed class PlanRule(int index, ScoringRule rule, int group, CompiledNode node)
    {
        public int Index { get; } = index;

        public ScoringRule Rule { get; } = rule;

        public int Group { get; } = group;

        public long Points { get; } = ScoreArithmetic.ToHundredths(rule.Points);

        public CompiledNode Node { get; } = node;

        public long WindowTicks { get; } = rule.Scope == ScoringScope.Activity ? ScoreArithmetic.WindowTicks(rule.WindowDays) : long.MaxValue;

        public int MaxPerDay { get; } = rule.MaxPerDay ?? int.MaxValue;

        public DecayPlan? Decay { get; } = rule.Decay is { } d ? new DecayPlan(d, ScoreArithmetic.ToHundredths(rule.Points)) : null;

        /// <summary>Gets the words of a match that earns the rule's points unchanged, written once: <c>+20 points</c>.</summary>
        public string PointsInWords { get; } = Plus(rule.Points) + " points";

        /// <summary>Gets the words of a decayed match around its age and its points, written once: <c>+2 × (1 − 50 % × </c> and <c> days / 30 days, at least 0) = </c>.</summary>
        public (string? Before, string? After) DecayWords { get; } = rule.Decay is { } decay
            ? (string.Create(CultureInfo.InvariantCulture, $"{Plus(rule.Points)} × (1 − {decay.Percent:0.####} % × "),
               string.Create(CultureInfo.InvariantCulture, $" days / {decay.EveryDays:0.####} days, at least 0) = "))
            : (null, null);
    }

    /// <summary>A rule as RulesEngine evaluates it: a leaf that fails on its own, or children that are all evaluated and combined.</summary>
    /// <remarks>
    /// At load each rule is compiled once, into its scope's fused delegates. A leaf is compiled on its own only when it is
    /// first evaluated alone (a fused delegate failed, or a caller evaluates one rule), once per model: loading never
    /// compiles a rule twice.
    /// </remarks>
    private sealed class CompiledNode
    {
        private readonly string name;
        private readonly Expression? body;
        private readonly ParameterExpression leadParameter;
        private readonly ParameterExpression activityParameter;
        private readonly bool isAnd;
        private readonly CompiledNode[] children;
        private Func<TLead, TActivity, bool>? leaf;
        private object? compiling;

        public CompiledNode(RuleNode node, ParameterExpression lead, ParameterExpression activity)
        {
            name = node.Name;
            body = node.Leaf;
            leadParameter = lead;
            activityParameter = activity;
            isAnd = node.IsAnd;
            children = [.. node.Children.Select(c => new CompiledNode(c, lead, activity))];
        }

        private Func<TLead, TActivity, bool> Leaf =>
            leaf ?? LazyInitializer.EnsureInitialized(ref leaf, ref compiling, () => Expression.Lambda<Func<TLead, TActivity, bool>>(body!, leadParameter, activityParameter).Compile());

        public bool Evaluate<TSink>(TLead lead, TActivity activity, int activityIndex, ref TSink sink)
            where TSink : IScoreSink, allows ref struct
        {
            if (body is not null)
            {
                WorkMeter.ThrowIfCancelled(); // sandbox: cancellation between rules, and inside metered rules
                try
                {
                    return Leaf(lead, activity);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A failing rule does not match and is reported for this lead: never a silent zero.
                    sink.RuleFailed(name, activityIndex, e);
                    return false;
                }
            }

            // Every child is evaluated, as RulesEngine does by default; a failing child counts as not matched.
            var result = isAnd;
            foreach (var child in children)
            {
                var matched = child.Evaluate(lead, activity, activityIndex, ref sink);
                result = isAnd ? result & matched : result | matched;
            }

            return result;
        }
    }

    /// <summary>What one matched lead rule adds: its points (hundredths) to its group; its index in the model's rules.</summary>
    private readonly record struct LeadBit(long Points, int Group, int Index);

    /// <summary>The compiled model: rules per scope in document order, fused match delegates, caps in hundredths.</summary>
    private sealed class ScoringPlan
    {
        public required PlanRule[] Lead { get; init; }

        public required PlanRule[] Activity { get; init; }

        public required Func<TLead, TActivity, LeadChunkResult>[] LeadChunks { get; init; }

        /// <summary>Gets, per lead chunk, whether its delegate sums its rules' points itself (see <see cref="Fusion.FuseLead"/>).</summary>
        public required bool[] LeadSummed { get; init; }

        /// <summary>
        /// Gets, for a model whose lead rules are one summed chunk, the chunk's sums without its mask and, for short texts,
        /// without the meter's text charges (see <see cref="Fusion.SumsOnly"/>); compiled on first use by the bulk path.
        /// </summary>
        public required Lazy<Func<TLead, TActivity, LeadChunkResult>?> LeadSumsOnly { get; init; }

        /// <summary>
        /// Gets, for a model whose lead rules are one summed chunk and which has no activity rules, each lead's capped total in
        /// hundredths (see <see cref="Fusion.TotalOnly"/>); compiled on first use by the bulk path.
        /// </summary>
        public required Lazy<Func<TLead, TActivity, long>> LeadTotal { get; init; }

        /// <summary>Gets what the walk adds for each lead rule that matched, in the order of <see cref="Lead"/>, without reading the rule itself.</summary>
        public required LeadBit[] LeadBits { get; init; }

        public required Func<TLead, TActivity, ulong>[] ActivityChunks { get; init; }

        public required long[] GroupCap { get; init; }

        public required bool[] GroupCapped { get; init; }

        public required bool TotalCapped { get; init; }

        public required long TotalCap { get; init; }

        /// <summary>Gets each group's cap, <see cref="long.MaxValue"/> for an uncapped group: a group counts the smaller of its sum and its limit.</summary>
        public required long[] GroupLimit { get; init; }

        /// <summary>Gets the total's cap, <see cref="long.MaxValue"/> when the total is not capped.</summary>
        public required long TotalLimit { get; init; }

        /// <summary>Gets each group's cap as the model states it, <see langword="null"/> for an uncapped group.</summary>
        public required decimal?[] GroupCapValue { get; init; }

        /// <summary>Gets the index of the group named <c>fit</c>, or -1.</summary>
        public required int FitGroup { get; init; }

        /// <summary>Gets the index of the group named <c>engagement</c>, or -1.</summary>
        public required int EngagementGroup { get; init; }

        /// <summary>Gets the nine grades, A1 to C3, at <c>fit × 3 + engagement</c> (0-based).</summary>
        public required ScoreGrade[] GradeTable { get; init; }
    }
}
