using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SalesGlossary.Domain.Arrow;

/// <summary>
/// A scoring model compiled for columns: lead rules become loops over encoded columns, activity rules become tables per
/// distinct activity, and every other rule is evaluated lead by lead inside the same run. Totals are exactly those of
/// <see cref="LeadScoringModel{TLead, TActivity}.Score(TLead, DateTimeOffset)"/>.
/// </summary>
/// <remarks>
/// <para>
/// Nothing about a rule's meaning is re-implemented here. A lead rule that reads one text or boolean column is evaluated
/// once per distinct value of that column (null included) by the model's own compiled rule, and the answers are looked up
/// per lead. A lead rule that compares one numeric column with constants (<c>&lt;</c>, <c>&lt;=</c>, <c>==</c>,
/// <c>!=</c>, <c>&gt;=</c>, <c>&gt;</c>, combined by <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>) is evaluated at each constant
/// and between neighbours, and becomes vector comparisons. An activity rule that reads only the activity's
/// <c>Type</c>, <c>Url</c> and <c>JourneyStage</c> is evaluated once per distinct combination of them. Windows, daily
/// maximums, decay and caps are the model's own (its plan's decay and its caps).
/// </para>
/// <para>
/// Every other rule (several lead columns at once, the lead's activity list, the activity's instant, a lead column read by
/// an activity rule) runs row by row on the lead and activity as the row path would see them, with the model's work
/// meter and cancellation: the sandbox's guarantees hold for both kinds. <see cref="RulePlans"/> says which rule runs how.
/// </para>
/// <para>An instance is immutable and thread-safe. Per-column tables are built once per <see cref="ColumnarLeads"/> and kept with it.</para>
/// </remarks>
public sealed class ColumnarScoringModel
{
    private const int Block = 1024;

    private readonly LeadScoringModel<LeadFacts, LeadActivity> model;
    private readonly LeadPlan[] leadPlans;
    private readonly ActivityPlan[] activityPlans;
    private readonly int words;
    private readonly ActivityRule[] activityRules;
    private readonly ActivityTerm[]? ruleTerms;
    private readonly int maxActivities;
    private readonly ConditionalWeakTable<ColumnarLeads, Tables> tables = [];
    private readonly ConditionalWeakTable<ColumnarLeads, Tables>.CreateValueCallback createTables;

    private ColumnarScoringModel(LeadScoringModel<LeadFacts, LeadActivity> model)
    {
        this.model = model;
        var planned = model.PlannedRules();
        leadPlans = [.. planned.Where(r => !r.IsActivity).Select(r => LeadPlan.Of(model, r))];
        activityPlans = [.. planned.Where(r => r.IsActivity).Select(r => ActivityPlan.Of(model, r))];
        words = Math.Max(1, (activityPlans.Length + 63) / 64);
        activityRules = [.. activityPlans.Select(p => new ActivityRule(p.Rule.Group, p.Rule.Points, p.Rule.WindowTicks, p.Rule.MaxPerDay, p.Rule.Decay))];
        createTables = leads => new Tables(this, leads);
        maxActivities = model.Limits.MaxActivitiesPerLead;
        ruleTerms = ActivityTerm.Of(activityPlans, activityRules);

        // Vector sums add without overflow checks: keep them to models whose vectorized points cannot overflow.
        var bound = leadPlans.Where(p => p.Kind != LeadKind.Fallback).Aggregate(0m, (sum, p) => sum + Math.Abs((decimal)p.Rule.Points));
        if (bound > long.MaxValue / 4)
        {
            leadPlans = [.. leadPlans.Select(p => p.Kind == LeadKind.Fallback ? p : LeadPlan.Fallback(p.Rule, "the points of the model's lead rules are too large to add in vectors"))];
        }

        RulePlans = [.. planned.Select(r => r.IsActivity ? activityPlans.First(a => a.Rule.Index == r.Index).Describe() : leadPlans.First(l => l.Rule.Index == r.Index).Describe())];
    }

    /// <summary>Gets the row-path model this columnar model scores exactly like.</summary>
    public LeadScoringModel<LeadFacts, LeadActivity> Model => model;

    /// <summary>Gets, for each rule of the model in order, whether it runs over columns or row by row, and why.</summary>
    public IReadOnlyList<ColumnarRulePlan> RulePlans { get; }

    /// <summary>Compiles a model for columnar scoring.</summary>
    /// <param name="model">A model loaded for <see cref="LeadFacts"/>, for example by <see cref="LeadScoringModel.Load(string, ScoringLimits?)"/>.</param>
    /// <returns>The columnar model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    public static ColumnarScoringModel Create(LeadScoringModel<LeadFacts, LeadActivity> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var observed = WorkMeter.Observe(CancellationToken.None);
        return new ColumnarScoringModel(model);
    }

    /// <summary>Scores resident leads into totals on the calling thread: exactly the totals of <see cref="LeadScoringModel{TLead, TActivity}.Score(TLead, DateTimeOffset)"/>.</summary>
    /// <param name="leads">The encoded leads.</param>
    /// <param name="asOf">The instant the scores are computed for.</param>
    /// <param name="totals">Receives each lead's total at the lead's row; at least <see cref="ColumnarLeads.Count"/> long.</param>
    /// <param name="cancellationToken">Stops the run, also inside a rule evaluated row by row.</param>
    /// <returns>How many leads were scored and how many had rule errors (score those with the row path to see the errors).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A rule reads a column the leads lack, or <paramref name="totals"/> is too short.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled; the totals are then incomplete.</exception>
    public BulkScoringSummary ScoreTotals(ColumnarLeads leads, DateTimeOffset asOf, Span<decimal> totals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leads);
        CheckDestination(leads, totals.Length, nameof(totals));
        return Score(leads, asOf, totals, default, cancellationToken);
    }

    /// <summary>
    /// Scores resident leads into totals in whole hundredths of a point on the calling thread: the totals of
    /// <see cref="ScoreTotals(ColumnarLeads, DateTimeOffset, Span{decimal}, CancellationToken)"/> times 100, exactly, without
    /// building a <see cref="decimal"/> per lead (every score is a whole number of hundredths).
    /// </summary>
    /// <param name="leads">The encoded leads.</param>
    /// <param name="asOf">The instant the scores are computed for.</param>
    /// <param name="totalHundredths">Receives each lead's total in hundredths at the lead's row; at least <see cref="ColumnarLeads.Count"/> long.</param>
    /// <param name="cancellationToken">Stops the run, also inside a rule evaluated row by row.</param>
    /// <returns>How many leads were scored and how many had rule errors (score those with the row path to see the errors).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A rule reads a column the leads lack, or <paramref name="totalHundredths"/> is too short.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled; the totals are then incomplete.</exception>
    public BulkScoringSummary ScoreTotalsInHundredths(ColumnarLeads leads, DateTimeOffset asOf, Span<long> totalHundredths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leads);
        CheckDestination(leads, totalHundredths.Length, nameof(totalHundredths));
        return Score(leads, asOf, default, totalHundredths, cancellationToken);
    }

    private static void CheckDestination(ColumnarLeads leads, int length, string name)
    {
        if (length < leads.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The totals destination holds {length} values but there are {leads.Count} leads."), name);
        }
    }

    /// <summary>
    /// Scores block by block: every lead rule over the block's columns into per-group sums, then each lead's activities,
    /// then the caps over the whole block; totals leave as decimals or as hundredths.
    /// </summary>
    private BulkScoringSummary Score(ColumnarLeads leads, DateTimeOffset asOf, Span<decimal> totals, Span<long> hundredths, CancellationToken cancellationToken)
    {
        using var observed = WorkMeter.Observe(cancellationToken); // sandbox: cancellation inside rules evaluated here
        using var activity = DomainTelemetry.StartBulk(model.Name, model.Version, DomainTelemetry.Columnar, leads.Count);
        var table = tables.GetValue(leads, createTables);
        var groups = model.GroupCount;
        var sums = new long[groups * Block];
        var blockTotals = new long[Block];
        var incomplete = new bool[Block];
        var state = new ActivityState(activityPlans.Length, words);
        var activities = activityPlans.Length > 0 ? leads.Activities : null;
        var asOfTicks = asOf.UtcTicks;
        long incompleteLeads = 0;
        for (var start = 0; start < leads.Count; start += Block)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(Block, leads.Count - start);
            Array.Clear(sums);
            Array.Clear(incomplete);
            ScoreLeadRules(leads, table, start, count, sums, incomplete);
            if (activities is not null && table.Lists is { } lists)
            {
                ScoreRuleLists(lists, activities.Ticks, start / Block, start, asOfTicks, sums, incomplete, cancellationToken);
            }
            else if (activities is not null)
            {
                for (var i = 0; i < count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested(); // sandbox: cancellation between leads; rules run row by row also check inside
                    incomplete[i] |= table.FallbackActivityRules.Length == 0
                        ? ScoreTabledActivities(activities, table, start + i, asOfTicks, sums, i, state)
                        : ScoreActivities(leads, activities, table, start + i, asOfTicks, sums, i, state);
                }
            }

            var blockTotal = blockTotals.AsSpan(0, count);
            model.CapTotals(sums, Block, blockTotal);
            if (hundredths.IsEmpty)
            {
                var destination = totals.Slice(start, count);
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = ScoreArithmetic.ToDecimal(blockTotal[i]);
                }
            }
            else
            {
                blockTotal.CopyTo(hundredths.Slice(start, count));
            }

            for (var i = 0; i < count; i++)
            {
                incompleteLeads += incomplete[i] ? 1 : 0;
            }
        }

        DomainTelemetry.BulkScored(activity, model.Name, DomainTelemetry.Columnar, leads.Count, incompleteLeads);
        return new BulkScoringSummary(leads.Count, incompleteLeads, model.Name, model.Version);
    }

    private void ScoreLeadRules(ColumnarLeads leads, Tables table, int start, int count, long[] sums, bool[] incomplete)
    {
        for (var g = 0; g < table.TextLookups.Length; g++)
        {
            var sum = sums.AsSpan(g * Block, count);
            var done = 0;
            if (table.Fused[g] is { } fused)
            {
                // Every text, boolean and range rule of the group in one pass of eight leads: lookups in registers.
                done = AddFused(sum, fused, leads.Employees, start);
                AddLookups(sum, fused.WideText, start);
            }
            else
            {
                AddLookups(sum, table.TextLookups[g], start);
            }

            var tail = sum[done..];
            if (table.Fused[g] is null || done < count)
            {
                if (done < count)
                {
                    AddLookups(tail, table.Fused[g]?.NarrowText ?? [], start + done);
                }

                AddLookups(tail, table.BoolLookups[g], start + done);
                if (table.RangeRules[g].Length > 0)
                {
                    AddRanges(tail, leads.Employees!.Values.AsSpan(start + done, count - done), leads.Employees.NullMask.AsSpan(start + done, count - done), table.RangeRules[g]);
                }
            }
        }

        foreach (var column in table.Columns)
        {
            if (column.Failed is { } failed)
            {
                for (var i = 0; i < count; i++)
                {
                    incomplete[i] |= column.IsBool ? failed[leads.Bools[column.Column][start + i]] : failed[leads.Texts[column.Column].Codes[start + i]];
                }
            }
        }

        LeadFacts?[]? materialized = null;
        for (var p = 0; p < leadPlans.Length; p++)
        {
            var plan = leadPlans[p];
            var sum = sums.AsSpan(plan.Rule.Group * Block, count);
            switch (plan.Kind)
            {
                case LeadKind.Constant:
                    if (plan.ConstantMatch)
                    {
                        AddAll(sum, plan.Rule.Points);
                    }

                    if (plan.ConstantFailed)
                    {
                        incomplete.AsSpan(0, count).Fill(true);
                    }

                    break;
                case LeadKind.Text or LeadKind.Bool or LeadKind.IntRanges:
                    break; // in the fused column tables and range tests above

                case LeadKind.DecimalThresholds:
                    AddThresholds(sum, leads.Revenue!, start, plan);
                    break;
                default:
                    materialized ??= new LeadFacts?[count];
                    for (var i = 0; i < count; i++)
                    {
                        var lead = materialized[i] ??= leads.Materialize(start + i);
                        if (model.EvaluateRule(plan.Rule.Index, lead, default!, out var failed))
                        {
                            sum[i] = checked(sum[i] + plan.Rule.Points);
                        }

                        incomplete[i] |= failed;
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Adds, eight leads at a time, the points of a group's text columns of at most sixteen codes and of its boolean
    /// columns (each looked up inside a register by permutation) and of its range rules (a step function of the value:
    /// one comparison per distinct bound). Returns how many leads it scored: the rest go through the scalar passes.
    /// </summary>
    private static int AddFused(Span<long> sum, FusedGroup fused, IntColumn? employees, int start)
    {
        if (!Avx512F.IsSupported)
        {
            return 0;
        }

        unchecked
        {
            var n = sum.Length;
            var i = 0;
            var texts = fused.Text;
            var bools = fused.Bools;
            var steps = fused.Steps;
            var hasRanges = steps is not null;
            var values = hasRanges ? employees!.Values.AsSpan(start, n) : default;
            var nulls = hasRanges ? employees!.NullMask.AsSpan(start, n) : default;
            for (; i <= n - 8; i += 8)
            {
                var acc = Vector512.Create<long>(sum[i..]);
                foreach (var text in texts)
                {
                    var codes = Avx512F.ConvertToVector512Int64(Vector256.Create<int>(text.Codes.AsSpan(start + i, 8)));
                    acc += Avx512F.PermuteVar8x64x2(text.Low, codes, text.High);
                }

                foreach (var flag in bools)
                {
                    var bytes = Vector128.CreateScalar(MemoryMarshal.Read<ulong>(flag.Codes.AsSpan(start + i, 8))).AsByte();
                    acc += Avx512F.PermuteVar8x64(flag.Points, Avx512F.ConvertToVector512Int64(bytes));
                }

                if (hasRanges)
                {
                    var v = Vector512.Create<long>(values[i..]);
                    var ranged = Vector512<long>.Zero;
                    var bounds = steps!.Bounds;
                    var deltas = steps.Deltas;
                    for (var k = 0; k < bounds.Length; k++)
                    {
                        ranged += Vector512.GreaterThanOrEqual(v, Vector512.Create(bounds[k])) & Vector512.Create(deltas[k]);
                    }

                    acc += Vector512.ConditionalSelect(Vector512.Create<long>(nulls[i..]), Vector512.Create(steps.NullPoints), ranged);
                }

                acc.CopyTo(sum[i..]);
            }

            return i;
        }
    }

    private static void AddAll(Span<long> sum, long points)
    {
        unchecked
        {
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += points;
            }
        }
    }

    /// <summary>
    /// Adds, per lead, the points each column's table holds for the lead's code: up to four columns per pass, so a lead's
    /// sum is read and written once per four columns. Sums cannot overflow: the constructor bounds the vectorized points.
    /// </summary>
    private static void AddLookups(Span<long> sum, Lookup[] lookups, int start)
    {
        unchecked
        {
            var n = sum.Length;
            var c = 0;
            for (; c + 4 <= lookups.Length; c += 4)
            {
                ReadOnlySpan<int> c0 = lookups[c].Codes.AsSpan(start, n), c1 = lookups[c + 1].Codes.AsSpan(start, n), c2 = lookups[c + 2].Codes.AsSpan(start, n), c3 = lookups[c + 3].Codes.AsSpan(start, n);
                long[] p0 = lookups[c].Points, p1 = lookups[c + 1].Points, p2 = lookups[c + 2].Points, p3 = lookups[c + 3].Points;
                for (var i = 0; i < sum.Length; i++)
                {
                    sum[i] += p0[c0[i]] + p1[c1[i]] + p2[c2[i]] + p3[c3[i]];
                }
            }

            for (; c + 2 <= lookups.Length; c += 2)
            {
                ReadOnlySpan<int> c0 = lookups[c].Codes.AsSpan(start, n), c1 = lookups[c + 1].Codes.AsSpan(start, n);
                long[] p0 = lookups[c].Points, p1 = lookups[c + 1].Points;
                for (var i = 0; i < sum.Length; i++)
                {
                    sum[i] += p0[c0[i]] + p1[c1[i]];
                }
            }

            for (; c < lookups.Length; c++)
            {
                var c0 = lookups[c].Codes.AsSpan(start, n);
                var p0 = lookups[c].Points;
                for (var i = 0; i < sum.Length; i++)
                {
                    sum[i] += p0[c0[i]];
                }
            }
        }
    }

    private static void AddLookups(Span<long> sum, BoolLookup[] lookups, int start)
    {
        unchecked
        {
            var n = sum.Length;
            var c = 0;
            for (; c + 2 <= lookups.Length; c += 2)
            {
                ReadOnlySpan<byte> c0 = lookups[c].Codes.AsSpan(start, n), c1 = lookups[c + 1].Codes.AsSpan(start, n);
                long[] p0 = lookups[c].Points, p1 = lookups[c + 1].Points;
                for (var i = 0; i < sum.Length; i++)
                {
                    sum[i] += p0[c0[i]] + p1[c1[i]];
                }
            }

            for (; c < lookups.Length; c++)
            {
                var c0 = lookups[c].Codes.AsSpan(start, n);
                var p0 = lookups[c].Points;
                for (var i = 0; i < sum.Length; i++)
                {
                    sum[i] += p0[c0[i]];
                }
            }
        }
    }

    /// <summary>Adds the points of every range rule of one group where the value lies in one of its matching ranges: vector compares, no branch per lead.</summary>
    private static void AddRanges(Span<long> sum, ReadOnlySpan<long> values, ReadOnlySpan<long> nulls, LeadPlan[] plans)
    {
        unchecked
        {
            var i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                for (; i <= sum.Length - Vector<long>.Count; i += Vector<long>.Count)
                {
                    var v = new Vector<long>(values[i..]);
                    var isNull = new Vector<long>(nulls[i..]);
                    var add = Vector<long>.Zero;
                    foreach (var plan in plans)
                    {
                        var match = Vector<long>.Zero;
                        foreach (var (low, high) in plan.Ranges!)
                        {
                            match |= Vector.GreaterThanOrEqual(v, new Vector<long>(low)) & Vector.LessThanOrEqual(v, new Vector<long>(high));
                        }

                        match = Vector.ConditionalSelect(isNull, plan.NullMatches ? Vector<long>.AllBitsSet : Vector<long>.Zero, match);
                        add += match & new Vector<long>(plan.Rule.Points);
                    }

                    (new Vector<long>(sum[i..]) + add).CopyTo(sum[i..]);
                }
            }

            for (; i < sum.Length; i++)
            {
                foreach (var plan in plans)
                {
                    bool matched;
                    if (nulls[i] != 0)
                    {
                        matched = plan.NullMatches;
                    }
                    else
                    {
                        matched = false;
                        foreach (var (low, high) in plan.Ranges!)
                        {
                            matched |= values[i] >= low && values[i] <= high;
                        }
                    }

                    sum[i] += matched ? plan.Rule.Points : 0;
                }
            }
        }
    }

    private static void AddThresholds(Span<long> sum, DecimalColumn column, int start, LeadPlan plan)
    {
        var breaks = plan.Breaks!;
        for (var i = 0; i < sum.Length; i++)
        {
            bool matched;
            if (column.IsNull[start + i])
            {
                matched = plan.NullMatches;
            }
            else
            {
                var at = Array.BinarySearch(breaks, column.Values[start + i]);
                matched = at >= 0 ? plan.AtBreak![at] : plan.BelowBreak![~at];
            }

            sum[i] += matched ? plan.Rule.Points : 0;
        }
    }

    /// <summary>
    /// The activity part of the walk for one lead whose activity rules all have tables (the common case): each activity's
    /// matching rules come from its key's list; windows, daily maximums and decay as the walk applies them. Adds into the
    /// block's sums at <paramref name="slot"/>; returns whether a rule failed.
    /// </summary>
    private bool ScoreTabledActivities(ActivityColumns activities, Tables table, int lead, long asOfTicks, long[] sums, int slot, ActivityState state)
    {
        var from = activities.Start[lead];
        var to = activities.Start[lead + 1];
        var ticks = activities.Ticks;
        while (from < to && ticks[from] > asOfTicks)
        {
            from++; // after asOf: not counted by activity rules
        }

        if (from == to)
        {
            return false;
        }

        var failedLead = false;
        var limit = model.Limits.MaxActivitiesPerLead;
        if (to - from > limit)
        {
            failedLead = true;
            to = from + limit;
        }

        var rules = activityRules;
        var keyStart = table.KeyRuleStart;
        var keyRules = table.KeyRules;
        var keys = activities.Key;
        var lastLead = state.LastLead;
        var lastDay = state.LastDay;
        var dayCount = state.DayCount;
        for (var k = from; k < to; k++)
        {
            var occurred = ticks[k];
            var age = asOfTicks - occurred;
            var key = keys[k];
            if (table.KeyAnyFailed[key])
            {
                failedLead |= FailedInWindow(table, key, age);
            }

            for (var j = keyStart[key]; j < keyStart[key + 1]; j++)
            {
                var r = keyRules[j];
                ref readonly var rule = ref rules[r];
                if (age > rule.WindowTicks)
                {
                    continue; // outside its window the rule is not evaluated
                }

                var over = false;
                if (rule.MaxPerDay != int.MaxValue)
                {
                    var day = occurred / TimeSpan.TicksPerDay;
                    if (lastLead[r] != lead || lastDay[r] != day)
                    {
                        lastLead[r] = lead;
                        lastDay[r] = day;
                        dayCount[r] = 0;
                    }

                    over = ++dayCount[r] > rule.MaxPerDay;
                }

                var earned = over ? 0 : rule.Decay is { } decay ? decay.Apply(age) : rule.Points;
                ref var sum = ref sums[(rule.Group * Block) + slot];
                sum = checked(sum + earned);
            }
        }

        return failedLead;
    }

    /// <summary>
    /// The activity part of the walk for a whole block, rule after rule: each tabled rule runs over the list of the block's
    /// activities it matches, with its window, daily maximum and decay as constants of the loop and no branch that depends
    /// on the activity, adding into the block's sums. Used where no lead has more activities than the limit and no order of
    /// additions can overflow (see <see cref="RuleLists"/>), so the totals are the walk's exactly.
    /// </summary>
    private void ScoreRuleLists(RuleLists lists, long[] ticks, int block, int start, long asOfTicks, long[] sums, bool[] incomplete, CancellationToken cancellationToken)
    {
        var terms = ruleTerms!;
        ref var tick0 = ref MemoryMarshal.GetArrayDataReference(ticks);
        ref var lead0 = ref MemoryMarshal.GetArrayDataReference(lists.LeadOf);
        for (var r = 0; r < terms.Length; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var term = terms[r];
            var matches = lists.Matches(r, block);
            ref var sum0 = ref Unsafe.Subtract(ref MemoryMarshal.GetArrayDataReference(sums), start - term.Offset);
            var window = term.Window;
            var points = term.Points;
            var k = term.K;
            var d = term.D;
            var inverseD = term.InverseD;
            var zeroFrom = term.ZeroFrom;
            var decays = k != 0;
            var limited = term.MaxPerDay != long.MaxValue;
            var maxPerDay = term.MaxPerDay;
            var lastDay = -1L;
            var count = 0L;
            unchecked
            {
                foreach (var a in matches)
                {
                    var occurred = Unsafe.Add(ref tick0, a);
                    var lead = Unsafe.Add(ref lead0, a);
                    var age = asOfTicks - occurred;

                    // All ones where 0 <= age <= window: after asOf or outside its window an activity is not counted (no
                    // overflow: ticks and windows lie well inside 2^62, a window of -1 included).
                    var take = ~(age >> 63) & ((age - window - 1) >> 63);
                    var earned = points;
                    if (decays)
                    {
                        var beyond = age - zeroFrom;
                        var clamped = zeroFrom + (beyond & (beyond >> 63));
                        earned = DecayPlan.Reciprocal(points, k, d, inverseD, clamped & ~(clamped >> 63));
                    }

                    if (limited)
                    {
                        var day = ((long)lead << 32) | (occurred / TimeSpan.TicksPerDay);
                        var counted = (count & -DecayPlan.Bit(lastDay == day)) + 1;
                        lastDay = (day & take) | (lastDay & ~take);
                        count = (counted & take) | (count & ~take);
                        take &= DecayPlan.Bit(counted > maxPerDay) - 1;
                    }

                    ref var sum = ref Unsafe.Add(ref sum0, lead);
                    sum = checked(sum + (earned & take));
                }
            }

            foreach (var a in lists.Failures(r, block))
            {
                var age = asOfTicks - ticks[a];
                incomplete[lists.LeadOf[a] - start] |= age >= 0 && age <= window;
            }
        }
    }

    private bool FailedInWindow(Tables table, int key, long age)
    {
        var failed = false;
        for (var w = 0; w < words; w++)
        {
            var failedMask = table.KeyFailed[(key * words) + w];
            while (failedMask != 0)
            {
                var r = (w << 6) + BitOperations.TrailingZeroCount(failedMask);
                failedMask &= failedMask - 1;
                failed |= age <= activityRules[r].WindowTicks;
            }
        }

        return failed;
    }

    /// <summary>The activity part of the walk for one lead when some activity rules run row by row; returns whether a rule failed.</summary>
    private bool ScoreActivities(ColumnarLeads leads, ActivityColumns activities, Tables table, int lead, long asOfTicks, long[] sums, int slot, ActivityState state)
    {
        var from = activities.Start[lead];
        var to = activities.Start[lead + 1];
        while (from < to && activities.Ticks[from] > asOfTicks)
        {
            from++; // after asOf: not counted by activity rules
        }

        if (from == to)
        {
            return false;
        }

        var failedLead = false;
        var limit = model.Limits.MaxActivitiesPerLead;
        if (to - from > limit)
        {
            failedLead = true;
            to = from + limit;
        }

        state.ResetDays();
        LeadFacts? materialized = null;
        var fallbackWords = state.FallbackMatched;
        var fallbackFailed = state.FallbackFailed;
        for (var k = from; k < to; k++)
        {
            var occurred = activities.Ticks[k];
            var age = asOfTicks - occurred;
            var day = occurred / TimeSpan.TicksPerDay;
            var key = activities.Key[k];
            var matchedWords = table.KeyMatched.AsSpan(key * words, words);
            var failedWords = table.KeyFailed.AsSpan(key * words, words);
            Array.Clear(fallbackWords);
            Array.Clear(fallbackFailed);
            materialized ??= leads.Materialize(lead);
            var activity = activities.Materialize(k);
            foreach (var r in table.FallbackActivityRules)
            {
                if (age > activityRules[r].WindowTicks)
                {
                    continue; // outside its window the rule is not evaluated
                }

                if (model.EvaluateRule(activityPlans[r].Rule.Index, materialized, activity, out var failed))
                {
                    fallbackWords[r >> 6] |= 1UL << (r & 63);
                }

                if (failed)
                {
                    fallbackFailed[r >> 6] |= 1UL << (r & 63);
                }
            }

            for (var w = 0; w < words; w++)
            {
                var failedMask = failedWords[w] | fallbackFailed[w];
                while (failedMask != 0)
                {
                    var r = (w << 6) + BitOperations.TrailingZeroCount(failedMask);
                    failedMask &= failedMask - 1;
                    failedLead |= age <= activityRules[r].WindowTicks;
                }

                var mask = matchedWords[w] | fallbackWords[w];
                while (mask != 0)
                {
                    var r = (w << 6) + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    ref readonly var rule = ref activityRules[r];
                    if (age > rule.WindowTicks)
                    {
                        continue;
                    }

                    var over = false;
                    if (rule.MaxPerDay != int.MaxValue)
                    {
                        if (state.LastDay[r] != day)
                        {
                            state.LastDay[r] = day;
                            state.DayCount[r] = 0;
                        }

                        over = ++state.DayCount[r] > rule.MaxPerDay;
                    }

                    var earned = over ? 0 : rule.Decay is { } decay ? decay.Apply(age) : rule.Points;
                    ref var sum = ref sums[(rule.Group * Block) + slot];
                    sum = checked(sum + earned);
                }
            }
        }

        return failedLead;
    }

    private enum LeadKind
    {
        Fallback,
        Constant,
        Text,
        Bool,
        IntRanges,
        DecimalThresholds,
    }

    /// <summary>Per-lead-batch tables: each vectorized rule's answer per distinct value or per distinct activity.</summary>
    private sealed class Tables
    {
        public Tables(ColumnarScoringModel owner, ColumnarLeads leads)
        {
            var plans = owner.leadPlans;
            var groups = owner.model.GroupCount;
            var columns = new Dictionary<string, ColumnTable>(StringComparer.Ordinal);
            foreach (var plan in plans)
            {
                plan.CheckColumns(leads);
                if (plan.Kind is not (LeadKind.Text or LeadKind.Bool))
                {
                    continue;
                }

                // One table per column and group: the points of every rule on that column, per distinct value.
                var values = plan.Kind == LeadKind.Text ? [null, .. leads.Texts[plan.Column!].Values] : new object?[] { false, true };
                if (!columns.TryGetValue(plan.Column!, out var table))
                {
                    columns[plan.Column!] = table = new ColumnTable(plan.Column!, plan.Kind == LeadKind.Bool, groups, values.Length);
                }

                var points = table.Points[plan.Rule.Group] ??= new long[values.Length];
                for (var c = 0; c < values.Length; c++)
                {
                    var lead = Synthetic.Lead(plan.Column!, values[c]);
                    if (owner.model.EvaluateRule(plan.Rule.Index, lead, default!, out var failed))
                    {
                        points[c] += plan.Rule.Points;
                    }

                    if (failed)
                    {
                        (table.Failed ??= new bool[values.Length])[c] = true;
                    }
                }
            }

            Columns = [.. columns.Values];
            TextLookups = new Lookup[groups][];
            BoolLookups = new BoolLookup[groups][];
            RangeRules = new LeadPlan[groups][];
            for (var g = 0; g < groups; g++)
            {
                TextLookups[g] = [.. Columns.Where(c => !c.IsBool && c.Points[g] is not null).Select(c => new Lookup(leads.Texts[c.Column].Codes, c.Points[g]!))];
                BoolLookups[g] = [.. Columns.Where(c => c.IsBool && c.Points[g] is not null).Select(c => new BoolLookup(leads.Bools[c.Column], c.Points[g]!))];
                RangeRules[g] = [.. plans.Where(p => p.Kind == LeadKind.IntRanges && p.Rule.Group == g)];
            }

            Fused = new FusedGroup?[groups];
            for (var g = 0; g < groups; g++)
            {
                Fused[g] = FusedGroup.Of(TextLookups[g], BoolLookups[g], RangeRules[g]);
            }

            var activityPlans = owner.activityPlans;
            var words = owner.words;
            FallbackActivityRules = [.. Enumerable.Range(0, activityPlans.Length).Where(r => !activityPlans[r].IsVectorized)];
            foreach (var plan in activityPlans)
            {
                plan.CheckColumns(leads);
            }

            var activities = leads.Activities;
            var keys = activities?.KeyCount ?? 0;
            KeyMatched = new ulong[Math.Max(1, keys) * words];
            KeyFailed = new ulong[Math.Max(1, keys) * words];
            for (var key = 0; key < keys; key++)
            {
                var activity = activities!.OfKey(key);
                for (var r = 0; r < activityPlans.Length; r++)
                {
                    if (!activityPlans[r].IsVectorized)
                    {
                        continue;
                    }

                    if (owner.model.EvaluateRule(activityPlans[r].Rule.Index, Synthetic.EmptyLead, activity, out var failed))
                    {
                        KeyMatched[(key * words) + (r >> 6)] |= 1UL << (r & 63);
                    }

                    if (failed)
                    {
                        KeyFailed[(key * words) + (r >> 6)] |= 1UL << (r & 63);
                    }
                }
            }

            var tableKeys = Math.Max(1, keys);
            KeyRuleStart = new int[tableKeys + 1];
            KeyAnyFailed = new bool[tableKeys];
            var keyRules = new List<int>();
            for (var key = 0; key < tableKeys; key++)
            {
                KeyRuleStart[key] = keyRules.Count;
                for (var r = 0; r < activityPlans.Length; r++)
                {
                    var bit = 1UL << (r & 63);
                    if ((KeyMatched[(key * words) + (r >> 6)] & bit) != 0)
                    {
                        keyRules.Add(r);
                    }

                    KeyAnyFailed[key] |= (KeyFailed[(key * words) + (r >> 6)] & bit) != 0;
                }
            }

            KeyRuleStart[tableKeys] = keyRules.Count;
            KeyRules = [.. keyRules];

            if (owner.ruleTerms is { Length: > 0 } && FallbackActivityRules.Length == 0 && activities is not null)
            {
                Lists = RuleLists.Of(owner, leads.Count, activities, KeyRuleStart, KeyRules, KeyFailed, words);
            }
        }

        /// <summary>Gets each tabled activity rule's matching activities block by block, or <see langword="null"/> where the walk lead by lead is needed.</summary>
        public RuleLists? Lists { get; }

        /// <summary>Gets the fused tables of the lead rules on text and boolean columns.</summary>
        public ColumnTable[] Columns { get; }

        /// <summary>Gets, per group, each text column's codes with the group's points per code.</summary>
        public Lookup[][] TextLookups { get; }

        /// <summary>Gets, per group, each boolean column's values with the group's points per value.</summary>
        public BoolLookup[][] BoolLookups { get; }

        /// <summary>Gets, per group, its text, boolean and range rules fused for registers, or <see langword="null"/> where nothing fits.</summary>
        public FusedGroup?[] Fused { get; }

        /// <summary>Gets, per group, the lead rules that test <c>Employees</c> against ranges.</summary>
        public LeadPlan[][] RangeRules { get; }

        /// <summary>Gets where each key's list of matching tabled activity rules starts in <see cref="KeyRules"/> (one more entry than keys).</summary>
        public int[] KeyRuleStart { get; }

        /// <summary>Gets the tabled activity rules each key matches, key after key, in rule order.</summary>
        public int[] KeyRules { get; }

        /// <summary>Gets whether any tabled activity rule failed for each key.</summary>
        public bool[] KeyAnyFailed { get; }

        public ulong[] KeyMatched { get; }

        public ulong[] KeyFailed { get; }

        public int[] FallbackActivityRules { get; }
    }

    /// <summary>Every text or boolean lead rule on one column, fused: per group, the points per distinct value; where any rule failed.</summary>
    private sealed class ColumnTable(string column, bool isBool, int groups, int values)
    {
        public string Column { get; } = column;

        public bool IsBool { get; } = isBool;

        public long[]?[] Points { get; } = new long[groups][];

        public bool[]? Failed { get; set; }

        public int Values { get; } = values;
    }

    /// <summary>
    /// Each tabled activity rule's matching activities (sorted, so lead by lead and newest first), and the activities on
    /// which it failed, with where each block of leads starts in both lists; and each activity's lead.
    /// </summary>
    private sealed class RuleLists
    {
        /// <summary>Each resident activity's lead, shared by every model that scores the same leads (what-if candidates).</summary>
        private static readonly ConditionalWeakTable<ActivityColumns, int[]> LeadsOfActivities = [];

        private readonly int[] matches;
        private readonly int[] matchBounds;
        private readonly int[] failures;
        private readonly int[] failureBounds;
        private readonly int bounds;

        private RuleLists(int[] leadOf, int[] matches, int[] matchBounds, int[] failures, int[] failureBounds, int bounds)
        {
            LeadOf = leadOf;
            this.matches = matches;
            this.matchBounds = matchBounds;
            this.failures = failures;
            this.failureBounds = failureBounds;
            this.bounds = bounds;
        }

        /// <summary>Gets the lead (row) of each sorted activity.</summary>
        public int[] LeadOf { get; }

        public ReadOnlySpan<int> Matches(int rule, int block) => Slice(matches, matchBounds, rule, block);

        public ReadOnlySpan<int> Failures(int rule, int block) => Slice(failures, failureBounds, rule, block);

        /// <summary>
        /// The lists, or <see langword="null"/> where the walk must go lead by lead: a lead has more activities than the
        /// limit (the walk scores only the newest), or the points could overflow a sum in some order of additions.
        /// </summary>
        public static RuleLists? Of(ColumnarScoringModel owner, int leadCount, ActivityColumns activities, int[] keyRuleStart, int[] keyRules, ulong[] keyFailed, int words)
        {
            var start = activities.Start;
            var most = 0;
            for (var l = 0; l < leadCount; l++)
            {
                most = Math.Max(most, start[l + 1] - start[l]);
            }

            if (most > owner.maxActivities)
            {
                return null;
            }

            // Every order of additions stays exact when the largest possible sum fits: lead points plus, per activity, all activity points.
            var bound = owner.leadPlans.Aggregate(0m, (sum, p) => sum + Math.Abs((decimal)p.Rule.Points))
                + (most * owner.activityRules.Aggregate(0m, (sum, r) => sum + Math.Abs((decimal)r.Points)));
            if (bound > long.MaxValue / 2)
            {
                return null;
            }

            var rules = owner.activityRules.Length;
            var count = activities.Count;
            var leadOf = LeadsOfActivities.GetValue(activities, a =>
            {
                var of = new int[a.Count];
                for (var l = 0; l < a.Start.Length - 1; l++)
                {
                    of.AsSpan(a.Start[l], a.Start[l + 1] - a.Start[l]).Fill(l);
                }

                return of;
            });

            var keys = activities.Key;
            var keyCount = keyRuleStart.Length - 1;
            var perKey = new int[keyCount];
            foreach (var key in keys)
            {
                perKey[key]++;
            }

            var blocks = (leadCount + Block - 1) / Block;
            var bounds = blocks + 1;
            var (matches, matchBounds) = Build(key => keyRules.AsSpan(keyRuleStart[key], keyRuleStart[key + 1] - keyRuleStart[key]).ToArray());
            var (failures, failureBounds) = keyFailed.Any(w => w != 0)
                ? Build(key => [.. Enumerable.Range(0, rules).Where(r => (keyFailed[(key * words) + (r >> 6)] & (1UL << (r & 63))) != 0)])
                : ([], new int[rules * bounds]); // no rule failed on any key: every list is empty
            return new RuleLists(leadOf, matches, matchBounds, failures, failureBounds, bounds);

            (int[] List, int[] Bounds) Build(Func<int, int[]> rulesOfKey)
            {
                var ofKey = Enumerable.Range(0, keyCount).Select(rulesOfKey).ToArray();
                var sizes = new int[rules + 1];
                for (var key = 0; key < keyCount; key++)
                {
                    foreach (var r in ofKey[key])
                    {
                        sizes[r + 1] += perKey[key];
                    }
                }

                for (var r = 0; r < rules; r++)
                {
                    sizes[r + 1] += sizes[r];
                }

                var list = new int[sizes[rules]];
                var next = sizes[..rules];
                var listBounds = new int[rules * bounds];
                var block = 0;
                for (var a = 0; a < count; a++)
                {
                    // The first activity of each block marks where the block starts in every rule's list.
                    while (block < blocks && a == start[block * Block])
                    {
                        for (var r = 0; r < rules; r++)
                        {
                            listBounds[(r * bounds) + block] = next[r];
                        }

                        block++;
                    }

                    foreach (var r in ofKey[keys[a]])
                    {
                        list[next[r]++] = a;
                    }
                }

                for (; block < bounds; block++)
                {
                    for (var r = 0; r < rules; r++)
                    {
                        listBounds[(r * bounds) + block] = next[r];
                    }
                }

                return (list, listBounds);
            }
        }

        private ReadOnlySpan<int> Slice(int[] list, int[] listBounds, int rule, int block)
        {
            var from = listBounds[(rule * bounds) + block];
            return list.AsSpan(from, listBounds[(rule * bounds) + block + 1] - from);
        }
    }

    /// <summary>
    /// An activity rule as terms a kernel computes without branching on the activity: it counts where the age is at most
    /// <see cref="Window"/> and the day's count at most <see cref="MaxPerDay"/>, and earns
    /// <see cref="DecayPlan.Reciprocal"/> of its points at the age clamped to <see cref="ZeroFrom"/> (undecayed points are
    /// <c>K = 0</c>, <c>D = 1</c>).
    /// </summary>
    private readonly struct ActivityTerm
    {
        private ActivityTerm(long window, long zeroFrom, long k, long d, double inverseD, long points, long maxPerDay, int offset)
        {
            Window = window;
            ZeroFrom = zeroFrom;
            K = k;
            D = d;
            InverseD = inverseD;
            Points = points;
            MaxPerDay = maxPerDay;
            Offset = offset;
        }

        public long Window { get; }

        public long ZeroFrom { get; }

        public long K { get; }

        public long D { get; }

        public double InverseD { get; }

        public long Points { get; }

        public long MaxPerDay { get; }

        /// <summary>Gets where the rule's group starts in the block's sums.</summary>
        public int Offset { get; }

        /// <summary>The rules' terms, or <see langword="null"/> where a rule runs row by row or its decay needs wider arithmetic than the reciprocal's.</summary>
        public static ActivityTerm[]? Of(ActivityPlan[] plans, ActivityRule[] rules)
        {
            var terms = new ActivityTerm[rules.Length];
            for (var r = 0; r < rules.Length; r++)
            {
                var rule = rules[r];
                if (!plans[r].IsVectorized)
                {
                    return null;
                }

                var maxPerDay = rule.MaxPerDay == int.MaxValue ? long.MaxValue : rule.MaxPerDay;
                var offset = rule.Group * Block;
                if (rule.Decay is { } decay)
                {
                    if (!decay.IsReciprocal)
                    {
                        return null;
                    }

                    terms[r] = new ActivityTerm(rule.WindowTicks, decay.ZeroFrom, decay.K, decay.D, decay.InverseD, decay.Points, maxPerDay, offset);
                }
                else
                {
                    terms[r] = new ActivityTerm(rule.WindowTicks, 0, 0, 1, 1.0, rule.Points, maxPerDay, offset);
                }
            }

            return terms;
        }
    }

    /// <summary>An activity rule's window, daily maximum, decay, group and points, read per matching activity.</summary>
    private readonly record struct ActivityRule(int Group, long Points, long WindowTicks, int MaxPerDay, DecayPlan? Decay);

    /// <summary>
    /// One group's text columns of at most sixteen codes (their points split into two registers of eight), its boolean
    /// columns (points of false and true in one register), its range rules as a step function, and the text columns too
    /// wide for registers.
    /// </summary>
    private sealed class FusedGroup
    {
        private FusedGroup(TextRegisters[] text, Lookup[] narrowText, Lookup[] wideText, BoolRegister[] bools, RangeSteps? steps)
        {
            Text = text;
            NarrowText = narrowText;
            WideText = wideText;
            Bools = bools;
            Steps = steps;
        }

        public TextRegisters[] Text { get; }

        /// <summary>Gets the same columns as <see cref="Text"/> as tables, for the leads after the last full eight.</summary>
        public Lookup[] NarrowText { get; }

        public Lookup[] WideText { get; }

        public BoolRegister[] Bools { get; }

        public RangeSteps? Steps { get; }

        public static FusedGroup? Of(Lookup[] texts, BoolLookup[] bools, LeadPlan[] ranges)
        {
            if (!Avx512F.IsSupported)
            {
                return null;
            }

            var narrow = texts.Where(t => t.Points.Length <= 16).ToArray();
            var wide = texts.Where(t => t.Points.Length > 16).ToArray();
            var registers = narrow.Select(t =>
            {
                var points = new long[16];
                t.Points.CopyTo(points, 0);
                return new TextRegisters(t.Codes, Vector512.Create<long>(points.AsSpan(0, 8)), Vector512.Create<long>(points.AsSpan(8, 8)));
            }).ToArray();
            var flags = bools.Select(b =>
            {
                var points = new long[8];
                b.Points.CopyTo(points, 0);
                return new BoolRegister(b.Codes, Vector512.Create<long>(points));
            }).ToArray();
            return new FusedGroup(registers, narrow, wide, flags, ranges.Length == 0 ? null : RangeSteps.Of(ranges));
        }
    }

    /// <summary>A text column's codes and one group's points for codes 0–7 and 8–15.</summary>
    private readonly record struct TextRegisters(int[] Codes, Vector512<long> Low, Vector512<long> High);

    /// <summary>A boolean column's values (0 or 1) and one group's points for each.</summary>
    private readonly record struct BoolRegister(byte[] Codes, Vector512<long> Points);

    /// <summary>
    /// The summed points of a group's range rules as a step function of the value: the sum of every
    /// <see cref="Deltas"/>[k] whose <see cref="Bounds"/>[k] is at most the value; <see cref="NullPoints"/> for null.
    /// </summary>
    private sealed class RangeSteps(long[] bounds, long[] deltas, long nullPoints)
    {
        public long[] Bounds { get; } = bounds;

        public long[] Deltas { get; } = deltas;

        public long NullPoints { get; } = nullPoints;

        public static RangeSteps Of(LeadPlan[] plans)
        {
            long nullPoints = 0;
            var steps = new SortedDictionary<long, long>();
            foreach (var plan in plans)
            {
                var points = plan.Rule.Points;
                nullPoints += plan.NullMatches ? points : 0;

                // A plan's ranges are sorted and disjoint and lie within the int range, so high + 1 cannot overflow.
                foreach (var (low, high) in plan.Ranges!)
                {
                    steps[low] = steps.GetValueOrDefault(low) + points;
                    steps[high + 1] = steps.GetValueOrDefault(high + 1) - points;
                }
            }

            var kept = steps.Where(s => s.Value != 0).ToArray();
            return new RangeSteps([.. kept.Select(s => s.Key)], [.. kept.Select(s => s.Value)], nullPoints);
        }
    }

    /// <summary>A text column's codes and one group's points per code.</summary>
    private readonly record struct Lookup(int[] Codes, long[] Points);

    /// <summary>A boolean column's values (0 or 1) and one group's points per value.</summary>
    private readonly record struct BoolLookup(byte[] Codes, long[] Points);

    /// <summary>The walk's per-lead state for activity rules, reused across leads.</summary>
    private sealed class ActivityState(int rules, int words)
    {
        /// <summary>Gets, per rule, the lead whose day <see cref="LastDay"/> counts (so the counts need no reset per lead).</summary>
        public int[] LastLead { get; } = Enumerable.Repeat(-1, rules).ToArray();

        public long[] LastDay { get; } = new long[rules];

        public int[] DayCount { get; } = new int[rules];

        public ulong[] FallbackMatched { get; } = new ulong[words];

        public ulong[] FallbackFailed { get; } = new ulong[words];

        public void ResetDays()
        {
            Array.Fill(LastDay, long.MinValue);
            Array.Clear(DayCount);
        }
    }

    /// <summary>How one lead rule is scored.</summary>
    private sealed class LeadPlan
    {
        private LeadPlan(PlannedRule rule, LeadKind kind, string? column, string how, RuleReads? reads)
        {
            Rule = rule;
            Kind = kind;
            Column = column;
            How = how;
            Reads = reads;
        }

        public PlannedRule Rule { get; }

        public LeadKind Kind { get; }

        public string? Column { get; }

        public string How { get; }

        public RuleReads? Reads { get; }

        public (long Low, long High)[]? Ranges { get; private init; }

        public bool NullMatches { get; private init; }

        public decimal[]? Breaks { get; private init; }

        public bool[]? AtBreak { get; private init; }

        public bool[]? BelowBreak { get; private init; }

        public bool ConstantMatch { get; private init; }

        public bool ConstantFailed { get; private init; }

        public static LeadPlan Fallback(PlannedRule rule, string why, RuleReads? reads = null) => new(rule, LeadKind.Fallback, null, "row by row: " + why, reads);

        public static LeadPlan Of(LeadScoringModel<LeadFacts, LeadActivity> model, PlannedRule rule)
        {
            var reads = RuleReads.Of(rule.Body, model.LeadParameter, model.ActivityParameter);
            if (reads.WholeLead || reads.WholeActivity || reads.ActivityMembers.Count > 0)
            {
                return Fallback(rule, "it uses the lead or the activity as a whole", reads);
            }

            if (reads.LeadMembers.Count == 0)
            {
                var matched = model.EvaluateRule(rule.Index, Synthetic.EmptyLead, default!, out var failed);
                return new LeadPlan(rule, LeadKind.Constant, null, "constant: it reads no column", reads) { ConstantMatch = matched, ConstantFailed = failed };
            }

            if (reads.LeadMembers.Count > 1)
            {
                return Fallback(rule, "it reads several columns (" + string.Join(", ", reads.LeadMembers.Order(StringComparer.Ordinal)) + ")", reads);
            }

            var column = reads.LeadMembers.First();
            if (ColumnarLeads.TextColumnNames.Contains(column, StringComparer.Ordinal))
            {
                return new LeadPlan(rule, LeadKind.Text, column, "a table over the distinct values of " + column, reads);
            }

            if (ColumnarLeads.BoolColumnNames.Contains(column, StringComparer.Ordinal))
            {
                return new LeadPlan(rule, LeadKind.Bool, column, "a table over the two values of " + column, reads);
            }

            if (column == ColumnarLeads.EmployeesColumn)
            {
                return IntRanges(model, rule, reads) ?? Fallback(rule, "its comparison of " + column + " is not a threshold test", reads);
            }

            if (column == ColumnarLeads.RevenueColumn)
            {
                return DecimalThresholds(model, rule, reads) ?? Fallback(rule, "its comparison of " + column + " is not a threshold test", reads);
            }

            return Fallback(rule, "it reads " + column + ", which is not encoded as a column", reads);
        }

        public ColumnarRulePlan Describe() => new(Rule.Name, Kind != LeadKind.Fallback, How);

        public void CheckColumns(ColumnarLeads leads)
        {
            var needed = Reads is { WholeLead: false } ? Reads.LeadMembers.Where(m => m != "Activities") : AllLeadColumns;
            foreach (var column in needed)
            {
                if (!leads.HasColumn(column))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"Rule '{Rule.Name}' reads lead.{column}, but the lead batch has no column '{column}'. Its columns: {string.Join(", ", leads.LeadColumns.Select(c => "'" + c + "'"))}."), nameof(leads));
                }
            }
        }

        private static LeadPlan? IntRanges(LeadScoringModel<LeadFacts, LeadActivity> model, PlannedRule rule, RuleReads reads)
        {
            var constants = ThresholdShape.Thresholds(rule.Body, model.LeadParameter, ColumnarLeads.EmployeesColumn, isDecimal: false);
            if (constants is null)
            {
                return null;
            }

            var points = new SortedSet<long> { int.MinValue, int.MaxValue };
            foreach (var c in constants)
            {
                points.Add((long)Math.Clamp(Math.Floor(c), int.MinValue, int.MaxValue));
                points.Add((long)Math.Clamp(Math.Ceiling(c), int.MinValue, int.MaxValue));
            }

            // The answer is constant at each constant and between neighbours: evaluate the rule itself there.
            var ranges = new List<(long Low, long High)>();
            long? previous = null;
            foreach (var point in points)
            {
                if (previous is { } p && point - p > 1 && !Add(p + 1, point - 1))
                {
                    return null;
                }

                if (!Add(point, point))
                {
                    return null;
                }

                previous = point;
            }

            var nullMatches = model.EvaluateRule(rule.Index, Synthetic.Lead(ColumnarLeads.EmployeesColumn, null), default!, out var nullFailed);
            if (nullFailed)
            {
                return null;
            }

            return new LeadPlan(rule, LeadKind.IntRanges, ColumnarLeads.EmployeesColumn, "vector comparisons of Employees", reads) { Ranges = [.. ranges], NullMatches = nullMatches };

            bool Add(long low, long high)
            {
                var matched = model.EvaluateRule(rule.Index, Synthetic.Lead(ColumnarLeads.EmployeesColumn, (int)low), default!, out var failed);
                if (failed)
                {
                    return false;
                }

                if (matched)
                {
                    if (ranges.Count > 0 && ranges[^1].High == low - 1)
                    {
                        ranges[^1] = (ranges[^1].Low, high);
                    }
                    else
                    {
                        ranges.Add((low, high));
                    }
                }

                return true;
            }
        }

        private static LeadPlan? DecimalThresholds(LeadScoringModel<LeadFacts, LeadActivity> model, PlannedRule rule, RuleReads reads)
        {
            var constants = ThresholdShape.Thresholds(rule.Body, model.LeadParameter, ColumnarLeads.RevenueColumn, isDecimal: true);
            if (constants is null)
            {
                return null;
            }

            var breaks = constants.Append(decimal.MinValue).Append(decimal.MaxValue).Distinct().Order().ToArray();
            var at = new bool[breaks.Length];
            var below = new bool[breaks.Length];
            for (var b = 0; b < breaks.Length; b++)
            {
                if (!Evaluate(breaks[b], out at[b]))
                {
                    return null;
                }

                if (b > 0)
                {
                    var between = (breaks[b - 1] / 2) + (breaks[b] / 2);
                    if (between <= breaks[b - 1] || between >= breaks[b] || !Evaluate(between, out below[b]))
                    {
                        return null;
                    }
                }
            }

            var nullMatches = model.EvaluateRule(rule.Index, Synthetic.Lead(ColumnarLeads.RevenueColumn, null), default!, out var nullFailed);
            return nullFailed ? null : new LeadPlan(rule, LeadKind.DecimalThresholds, ColumnarLeads.RevenueColumn, "threshold tests of AnnualRevenue", reads)
            {
                Breaks = breaks,
                AtBreak = at,
                BelowBreak = below,
                NullMatches = nullMatches,
            };

            bool Evaluate(decimal value, out bool matched)
            {
                matched = model.EvaluateRule(rule.Index, Synthetic.Lead(ColumnarLeads.RevenueColumn, value), default!, out var failed);
                return !failed;
            }
        }

        private static readonly string[] AllLeadColumns =
            [ColumnarLeads.IdColumn, .. ColumnarLeads.TextColumnNames, .. ColumnarLeads.BoolColumnNames, ColumnarLeads.EmployeesColumn, ColumnarLeads.RevenueColumn];
    }

    /// <summary>How one activity rule is scored: a table per distinct activity, or row by row.</summary>
    private sealed class ActivityPlan
    {
        private ActivityPlan(PlannedRule rule, bool isVectorized, string how, RuleReads reads)
        {
            Rule = rule;
            IsVectorized = isVectorized;
            How = how;
            Reads = reads;
        }

        public PlannedRule Rule { get; }

        public bool IsVectorized { get; }

        public string How { get; }

        public RuleReads Reads { get; }

        public static ActivityPlan Of(LeadScoringModel<LeadFacts, LeadActivity> model, PlannedRule rule)
        {
            var reads = RuleReads.Of(rule.Body, model.LeadParameter, model.ActivityParameter);
            if (reads.WholeLead || reads.WholeActivity || reads.LeadMembers.Count > 0)
            {
                return new ActivityPlan(rule, false, "row by row: it reads the lead, or the lead or the activity as a whole", reads);
            }

            var other = reads.ActivityMembers.Where(m => !ColumnarLeads.ActivityTextColumnNames.Contains(m, StringComparer.Ordinal)).ToArray();
            return other.Length > 0
                ? new ActivityPlan(rule, false, "row by row: it reads activity." + string.Join(", activity.", other), reads)
                : new ActivityPlan(rule, true, "a table over the distinct activities (" + string.Join(", ", reads.ActivityMembers.Order(StringComparer.Ordinal)) + ")", reads);
        }

        public ColumnarRulePlan Describe() => new(Rule.Name, IsVectorized, How);

        public void CheckColumns(ColumnarLeads leads)
        {
            if (leads.Activities is not { } activities)
            {
                return; // no activities: activity rules never run
            }

            foreach (var member in Reads.ActivityMembers)
            {
                var missing = member switch
                {
                    "Url" => activities.Url is null,
                    "JourneyStage" => activities.Stage is null,
                    _ => false,
                };
                if (missing)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"Rule '{Rule.Name}' reads activity.{member}, but the activity batch has no column '{member}'."), nameof(leads));
                }
            }

            if (!IsVectorized)
            {
                new RowRuleColumns(Rule, Reads).Check(leads);
            }
        }
    }

    /// <summary>The lead columns a row-by-row activity rule reads must be there too.</summary>
    private readonly struct RowRuleColumns(PlannedRule rule, RuleReads reads)
    {
        public void Check(ColumnarLeads leads)
        {
            var needed = reads.WholeLead
                ? [ColumnarLeads.IdColumn, .. ColumnarLeads.TextColumnNames, .. ColumnarLeads.BoolColumnNames, ColumnarLeads.EmployeesColumn, ColumnarLeads.RevenueColumn]
                : reads.LeadMembers.Where(m => m != "Activities").ToArray();
            foreach (var column in needed)
            {
                if (!leads.HasColumn(column))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"Rule '{rule.Name}' reads lead.{column}, but the lead batch has no column '{column}'. Its columns: {string.Join(", ", leads.LeadColumns.Select(c => "'" + c + "'"))}."), nameof(leads));
                }
            }
        }
    }
}
