using System.Globalization;
using System.Linq.Expressions;

namespace SalesGlossary.Domain;

/// <summary>Represents a loaded, checked and compiled scoring model for one lead type.</summary>
/// <typeparam name="TLead">The lead type rules read as <c>lead</c>.</typeparam>
/// <typeparam name="TActivity">The activity type engagement rules read as <c>activity</c>.</typeparam>
/// <remarks>
/// <para>
/// A model is immutable and thread-safe: share one instance. To publish a changed model, load a new one and swap the
/// reference. Scoring is deterministic: the same lead, model and <c>asOf</c> give the same score.
/// </para>
/// <para>
/// How a score is computed (every rule is stated in docs/scoring-semantics.md): lead rules are evaluated once, activity
/// rules once per activity that happened at or before <c>asOf</c> (newest first) and inside the rule's window (exact, in
/// ticks); a rule's <c>maxPerDay</c> keeps the newest matches of each calendar day (UTC); decay reduces each activity's
/// points with its exact age, rounded once to hundredths, half away from zero. Each group is then capped, then the
/// total; a cap removes points from the last contributions first (later rules first, and within a rule the oldest
/// activities first), so every contribution shows what it finally counts and the contributions add up to the total.
/// Arithmetic is exact: whole hundredths inside, <see cref="decimal"/> only in the results.
/// </para>
/// </remarks>
public sealed partial class LeadScoringModel<TLead, TActivity>
{
    private readonly Func<TLead, IReadOnlyList<TActivity>?> activities;
    private readonly Func<TActivity, DateTimeOffset> occurredAt;
    private readonly bool ownActivities;
    private readonly ScoringLimits limits;
    private readonly string[] groups;
    private readonly ScoringPlan plan;
    private readonly PlanRule[] planByIndex;
    private readonly Expression[] bodies;
    private readonly ParameterExpression leadParameter;
    private readonly ParameterExpression activityParameter;

    internal LeadScoringModel(
        ScoringModelDefinition definition,
        ParameterExpression lead,
        ParameterExpression activity,
        Func<TLead, IReadOnlyList<TActivity>?> activities,
        Func<TActivity, DateTimeOffset> occurredAt,
        ScoringLimits limits)
    {
        CheckHundredths(definition);
        Name = definition.Name;
        Version = definition.Version;
        var enabled = definition.Rules.Where(r => r.Enabled).ToArray();
        Rules = [.. enabled.Select(r => r.Rule)];
        RuleCosts = [.. enabled.Select(r => r.Cost)]; // sandbox: the cost model's estimates
        GroupCaps = new Dictionary<string, decimal>(definition.GroupCaps, StringComparer.Ordinal);
        TotalCap = definition.TotalCap;
        Grades = definition.Grades;
        this.activities = activities;
        this.occurredAt = occurredAt;
        ownActivities = ReferenceEquals(activities, LeadScoringModel.OwnActivities) && ReferenceEquals(occurredAt, LeadScoringModel.OwnOccurredAt);
        this.limits = limits;
        groups = [.. Rules.Select(r => r.Group).Distinct(StringComparer.Ordinal)];
        var rules = enabled
            .Select((r, i) => new PlanRule(i, r.Rule, Array.IndexOf(groups, r.Rule.Group), new CompiledNode(r.Node, lead, activity)))
            .ToArray();
        planByIndex = rules;
        bodies = [.. enabled.Select(r => r.Body)];
        leadParameter = lead;
        activityParameter = activity;
        var leadRules = rules.Where(r => r.Rule.Scope == ScoringScope.Lead).ToArray();
        var activityRules = rules.Where(r => r.Rule.Scope == ScoringScope.Activity).ToArray();
        var leadChunks = Fusion.FuseLead(
            [.. leadRules.Select(r => enabled[r.Index].Body)],
            [.. leadRules.Select(r => r.Points)],
            [.. leadRules.Select(r => r.Group)],
            LeadSumsCannotOverflow(leadRules),
            lead,
            activity,
            out var leadSummed);
        var leadSummedChunk = leadChunks.Length == 1 ? leadChunks[0] : null;
        long[] groupLimit = [.. groups.Select(g => GroupCaps.TryGetValue(g, out var c) ? ScoreArithmetic.ToHundredths(c) : long.MaxValue)];
        var totalLimit = TotalCap is { } limit ? ScoreArithmetic.ToHundredths(limit) : long.MaxValue;
        plan = new ScoringPlan
        {
            Lead = leadRules,
            Activity = activityRules,
            LeadChunks = leadChunks,
            LeadSummed = leadSummed,
            LeadSumsOnly = new Lazy<Func<TLead, TActivity, LeadChunkResult>?>(
                () => leadSummedChunk is { } summedChunk && leadSummed is [true]
                ? Fusion.SumsOnly([.. leadRules.Select(r => enabled[r.Index].Body)], [.. leadRules.Select(r => r.Points)], [.. leadRules.Select(r => r.Group)], summedChunk, lead, activity)
                : null,
                LazyThreadSafetyMode.PublicationOnly), // a compilation that fails (out of memory) is tried again, not kept

            LeadTotal = new Lazy<Func<TLead, TActivity, long>>(() => Fusion.TotalOnly(
                [.. leadRules.Select(r => enabled[r.Index].Body)],
                [.. leadRules.Select(r => r.Points)],
                [.. leadRules.Select(r => r.Group)],
                leadSummedChunk ?? throw new InvalidOperationException("The capped total needs the lead rules as one summed chunk."),
                groupLimit,
                totalLimit,
                lead,
                activity),
                LazyThreadSafetyMode.PublicationOnly),
            LeadBits = [.. leadRules.Select(r => new LeadBit(r.Points, r.Group, r.Index))],
            ActivityChunks = Fusion.Fuse([.. activityRules.Select(r => enabled[r.Index].Body)], lead, activity),
            GroupCap = [.. groups.Select(g => GroupCaps.TryGetValue(g, out var c) ? ScoreArithmetic.ToHundredths(c) : 0L)],
            GroupCapped = [.. groups.Select(GroupCaps.ContainsKey)],
            TotalCapped = TotalCap is not null,
            TotalCap = TotalCap is { } t ? ScoreArithmetic.ToHundredths(t) : 0L,
            GroupLimit = groupLimit,
            TotalLimit = totalLimit,
            GroupCapValue = [.. groups.Select(g => GroupCaps.TryGetValue(g, out var c) ? c : (decimal?)null)],
            FitGroup = Array.IndexOf(groups, "fit"),
            EngagementGroup = Array.IndexOf(groups, "engagement"),
            GradeTable = [.. Enumerable.Range(0, 9).Select(i => new ScoreGrade(((char)('A' + (i / 3))).ToString(), (i % 3) + 1))],
        };
        MaximumScore = ComputeMaximum();
    }

    /// <summary>Gets the model's name (the workflow's <c>WorkflowName</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the model's version.</summary>
    public string Version { get; }

    /// <summary>Gets the enabled rules, in the order of the document.</summary>
    public IReadOnlyList<ScoringRule> Rules { get; }

    /// <summary>Gets the cap of each capped group.</summary>
    public IReadOnlyDictionary<string, decimal> GroupCaps { get; }

    /// <summary>Gets the cap of the total, or <see langword="null"/> when the total is not capped.</summary>
    public decimal? TotalCap { get; }

    /// <summary>Gets the grade thresholds, or <see langword="null"/> when the model defines no grades.</summary>
    public GradeThresholds? Grades { get; }

    /// <summary>Gets the highest total the model can give, or <see langword="null"/> when it is unbounded (uncapped activity rules).</summary>
    /// <remarks>A qualification threshold above it can never be reached.</remarks>
    public decimal? MaximumScore { get; }

    /// <summary>Scores a lead as of an instant, with every contribution explained.</summary>
    /// <param name="lead">The lead.</param>
    /// <param name="asOf">The instant the score is computed for; activities after it are not counted by activity rules.</param>
    /// <returns>The score with its groups, grade, contributions, hand-raises and any rule errors for this lead.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An activity of the lead is <see langword="null"/>.</exception>
    public LeadScore Score(TLead lead, DateTimeOffset asOf)
    {
        if (lead is null)
        {
            throw new ArgumentNullException(nameof(lead));
        }

        var sink = new ExplainingSink(new Explanation(this));
        Span<long> sums = groups.Length <= 64 ? stackalloc long[groups.Length] : new long[groups.Length];
        Walk(lead, asOf, ref sink, sums, WorkMeter.Observed);
        var score = sink.Explanation.Finish(asOf, sums);
        DomainTelemetry.ScoredExplained(Name, score.Errors.Count);
        return score;
    }

    private static void CheckHundredths(ScoringModelDefinition definition)
    {
        // Scores are exact whole hundredths; a number with finer digits could only be honoured by rounding it silently.
        var problems = new ValidationCollector();
        for (var i = 0; i < definition.Rules.Count; i++)
        {
            var points = definition.Rules[i].Rule.Points;
            if (!ScoreArithmetic.IsHundredths(points))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"$.Rules[{i}].Properties.points"), string.Create(CultureInfo.InvariantCulture,
                    $"Rule '{definition.Rules[i].Rule.Name}' has {points} points; points are counted in hundredths, so use at most two decimals."));
            }
        }

        foreach (var (group, cap) in definition.GroupCaps)
        {
            if (!ScoreArithmetic.IsHundredths(cap))
            {
                problems.Add("$.ScoringModel.GroupCaps." + group, string.Create(CultureInfo.InvariantCulture,
                    $"The cap of group '{group}' is {cap}; caps are counted in hundredths, so use at most two decimals."));
            }
        }

        if (definition.TotalCap is { } total && !ScoreArithmetic.IsHundredths(total))
        {
            problems.Add("$.ScoringModel.TotalCap", string.Create(CultureInfo.InvariantCulture,
                $"The total cap is {total}; caps are counted in hundredths, so use at most two decimals."));
        }

        problems.ThrowIfAny("scoring model '" + definition.Name + "'");
    }

    /// <summary>
    /// Whether no sum of lead-rule points can overflow: the walk adds lead rules first, into sums that start at 0, so
    /// when the magnitudes of all lead rules' points add up to less than <see cref="long.MaxValue"/>, neither the walk's
    /// checked sums nor the fused delegates' sums can overflow, and both give the same sums.
    /// </summary>
    private static bool LeadSumsCannotOverflow(PlanRule[] leadRules) =>
        leadRules.Aggregate(System.Numerics.BigInteger.Zero, (sum, r) => sum + System.Numerics.BigInteger.Abs(r.Points)) < long.MaxValue;

    private decimal? ComputeMaximum()
    {
        decimal total = 0;
        foreach (var group in groups)
        {
            var rules = Rules.Where(r => r.Group == group).ToArray();
            var unbounded = rules.Any(r => r.Scope == ScoringScope.Activity && r.Points > 0);
            var sum = rules.Where(r => r.Points > 0).Sum(r => r.Points);
            if (GroupCaps.TryGetValue(group, out var cap))
            {
                total += unbounded ? cap : Math.Min(cap, sum);
            }
            else if (unbounded)
            {
                return TotalCap;
            }
            else
            {
                total += sum;
            }
        }

        return TotalCap is { } totalCap ? Math.Min(total, totalCap) : total;
    }
}
