using System.Globalization;
using System.Linq.Expressions;

namespace SalesGlossary.Domain.Scoring;

/// <summary>Represents a loaded, checked and compiled scoring model for one lead type.</summary>
/// <typeparam name="TLead">The lead type rules read as <c>lead</c>.</typeparam>
/// <typeparam name="TActivity">The activity type engagement rules read as <c>activity</c>.</typeparam>
/// <remarks>
/// <para>
/// A model is immutable and thread-safe: share one instance. To publish a changed model, load a new one and swap the
/// reference. Scoring is deterministic: the same lead, model and <c>asOf</c> give the same score.
/// </para>
/// <para>
/// How a score is computed: lead rules are evaluated once, activity rules once per activity that happened at or before
/// <c>asOf</c> (newest first) and inside the rule's window; a rule's <c>maxPerDay</c> keeps the newest matches of each
/// calendar day (UTC); decay reduces each activity's points with its age. Each group is then capped, then the total; a
/// cap removes points from the last contributions first (oldest activities, later rules), so every contribution shows
/// what it finally counts and the contributions add up to the total.
/// </para>
/// </remarks>
public sealed partial class LeadScoringModel<TLead, TActivity>
{
    private readonly CompiledRule[] leadRules;
    private readonly CompiledRule[] activityRules;
    private readonly Func<TLead, IReadOnlyList<TActivity>?> activities;
    private readonly Func<TActivity, DateTimeOffset> occurredAt;
    private readonly ScoringLimits limits;
    private readonly string[] groups;
    private readonly TotalsKernel kernel;

    internal LeadScoringModel(
        ScoringModelDefinition definition,
        ParameterExpression lead,
        ParameterExpression activity,
        Func<TLead, IReadOnlyList<TActivity>?> activities,
        Func<TActivity, DateTimeOffset> occurredAt,
        ScoringLimits limits)
    {
        Name = definition.Name;
        Version = definition.Version;
        Rules = [.. definition.Rules.Where(r => r.Enabled).Select(r => r.Rule)];
        GroupCaps = new Dictionary<string, decimal>(definition.GroupCaps, StringComparer.Ordinal);
        TotalCap = definition.TotalCap;
        Grades = definition.Grades;
        this.activities = activities;
        this.occurredAt = occurredAt;
        this.limits = limits;
        var compiled = definition.Rules
            .Where(r => r.Enabled)
            .Select((r, i) => new CompiledRule(r.Rule, i, Expression.Lambda<Func<TLead, TActivity, bool>>(r.Body, lead, activity).Compile()))
            .ToArray();
        leadRules = [.. compiled.Where(r => r.Rule.Scope == ScoringScope.Lead)];
        activityRules = [.. compiled.Where(r => r.Rule.Scope == ScoringScope.Activity)];
        groups = [.. Rules.Select(r => r.Group).Distinct(StringComparer.Ordinal)];
        MaximumScore = ComputeMaximum();
        kernel = new TotalsKernel(this, [.. definition.Rules.Where(r => r.Enabled).Select(r => r.Body)], lead, activity);
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
    /// <param name="asOf">The instant the score is computed for; activities after it are not counted.</param>
    /// <returns>The score with its groups, grade, contributions, hand-raises and any rule errors for this lead.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is <see langword="null"/>.</exception>
    public LeadScore Score(TLead lead, DateTimeOffset asOf)
    {
        if (lead is null)
        {
            throw new ArgumentNullException(nameof(lead));
        }

        var matches = new List<Match>();
        var errors = new List<ScoringError>();
        var handRaises = new List<string>();
        foreach (var rule in leadRules)
        {
            if (Evaluate(rule, lead, default!, null, errors))
            {
                matches.Add(new Match(rule, null, null, rule.Rule.Points, rule.Rule.Points, Plus(rule.Rule.Points) + " points"));
                NoteHandRaise(rule, handRaises);
            }
        }

        if (activityRules.Length > 0)
        {
            ScoreActivities(lead, asOf, matches, errors, handRaises);
        }

        DomainTelemetry.ScoredExplained(Name, errors.Count);
        return Total(asOf, matches, errors, handRaises);
    }

    private void ScoreActivities(TLead lead, DateTimeOffset asOf, List<Match> matches, List<ScoringError> errors, List<string> handRaises)
    {
        IReadOnlyList<TActivity> list;
        try
        {
            list = activities(lead) ?? [];
        }
#pragma warning disable CA1031 // The integrator's accessor failed for this lead: reported, never a silent zero.
        catch (Exception e)
#pragma warning restore CA1031
        {
            errors.Add(new ScoringError(null, null, "Reading the lead's activities failed: " + e.GetType().Name + ": " + e.Message));
            return;
        }

        var ordered = new List<(int Index, DateTimeOffset At, TActivity Activity)>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var at = occurredAt(list[i]);
            if (at <= asOf)
            {
                ordered.Add((i, at, list[i]));
            }
        }

        ordered.Sort((a, b) => b.At != a.At ? b.At.CompareTo(a.At) : a.Index.CompareTo(b.Index));
        if (ordered.Count > limits.MaxActivitiesPerLead)
        {
            errors.Add(new ScoringError(null, null, string.Create(CultureInfo.InvariantCulture,
                $"The lead has {ordered.Count} activities; only the newest {limits.MaxActivitiesPerLead} were scored (the limit).")));
            ordered.RemoveRange(limits.MaxActivitiesPerLead, ordered.Count - limits.MaxActivitiesPerLead);
        }

        foreach (var rule in activityRules)
        {
            var r = rule.Rule;
            Dictionary<DateOnly, int>? perDay = r.MaxPerDay is null ? null : [];
            foreach (var (index, at, activity) in ordered)
            {
                var ageDays = (decimal)(asOf - at).TotalDays;
                if (r.WindowDays is { } window && ageDays > window)
                {
                    continue;
                }

                if (!Evaluate(rule, lead, activity, index, errors))
                {
                    continue;
                }

                NoteHandRaise(rule, handRaises);
                var day = DateOnly.FromDateTime(at.UtcDateTime);
                if (perDay is not null)
                {
                    perDay[day] = perDay.GetValueOrDefault(day) + 1;
                    if (perDay[day] > r.MaxPerDay)
                    {
                        matches.Add(new Match(rule, index, at, r.Points, 0m, string.Create(CultureInfo.InvariantCulture,
                            $"{Plus(r.Points)} points, over the daily maximum of {r.MaxPerDay} on {day:yyyy-MM-dd}: 0")));
                        continue;
                    }
                }

                if (r.Decay is { } decay)
                {
                    var decayed = decay.Apply(r.Points, ageDays) / 1.0000000000000000000000000000m;
                    matches.Add(new Match(rule, index, at, r.Points, decayed, string.Create(CultureInfo.InvariantCulture,
                        $"{Plus(r.Points)} × (1 − {decay.Percent:0.####} % × {ageDays:0.##} days / {decay.EveryDays:0.####} days, at least 0) = {Plus(decayed)}")));
                }
                else
                {
                    matches.Add(new Match(rule, index, at, r.Points, r.Points, Plus(r.Points) + " points"));
                }
            }
        }
    }

    private LeadScore Total(DateTimeOffset asOf, List<Match> matches, List<ScoringError> errors, List<string> handRaises)
    {
        // Contributions in a fixed order: groups as first declared, then rule order, then newest activity first.
        var ordered = matches
            .OrderBy(m => Array.IndexOf(groups, m.Rule.Rule.Group))
            .ThenBy(m => m.Rule.Order)
            .ThenByDescending(m => m.At)
            .ThenBy(m => m.ActivityIndex)
            .ToArray();
        var points = ordered.Select(m => m.Decayed).ToArray();
        var notes = ordered.Select(m => m.Explanation).ToArray();
        var groupScores = new List<GroupScore>(groups.Length);
        foreach (var group in groups)
        {
            var members = Enumerable.Range(0, ordered.Length).Where(i => ordered[i].Rule.Rule.Group == group).ToArray();
            var raw = members.Sum(i => points[i]);
            decimal? cap = GroupCaps.TryGetValue(group, out var c) ? c : null;
            if (cap is { } limit && raw > limit)
            {
                TrimFromTheEnd(members, raw - limit, points, notes, string.Create(CultureInfo.InvariantCulture, $"group '{group}' cap of {limit:0.####}"));
            }

            groupScores.Add(new GroupScore(group, raw, cap, members.Sum(i => points[i])));
        }

        var total = points.Sum();
        if (TotalCap is { } totalCap && total > totalCap)
        {
            var all = Enumerable.Range(0, ordered.Length).ToArray();
            TrimFromTheEnd(all, total - totalCap, points, notes, string.Create(CultureInfo.InvariantCulture, $"total cap of {totalCap:0.####}"));
            total = points.Sum();
            groupScores = [.. groupScores.Select(g => g with { Score = Enumerable.Range(0, ordered.Length).Where(i => ordered[i].Rule.Rule.Group == g.Group).Sum(i => points[i]) })];
        }

        var contributions = ordered
            .Select((m, i) => new ScoreContribution(m.Rule.Rule.Name, m.Rule.Rule.Group, m.ActivityIndex, m.At, m.Rule.Rule.Points, m.Decayed, Normal(points[i]), notes[i]))
            .ToArray();
        groupScores = [.. groupScores.Select(g => g with { Raw = Normal(g.Raw), Score = Normal(g.Score) })];
        return new LeadScore(Name, Version, asOf, Normal(total), groupScores, Grade(groupScores), contributions, [.. handRaises.Distinct(StringComparer.Ordinal)], errors);
    }

    private static void TrimFromTheEnd(int[] members, decimal excess, decimal[] points, string[] notes, string cap)
    {
        for (var k = members.Length - 1; k >= 0 && excess > 0; k--)
        {
            var i = members[k];
            if (points[i] <= 0)
            {
                continue;
            }

            var cut = Math.Min(points[i], excess);
            var before = points[i];
            points[i] -= cut;
            excess -= cut;
            notes[i] += string.Create(CultureInfo.InvariantCulture, $"; capped by the {cap}: {Plus(before)} → {Plus(points[i])}");
        }
    }

    private ScoreGrade? Grade(IReadOnlyList<GroupScore> groupScores)
    {
        if (Grades is not { } g)
        {
            return null;
        }

        var fit = groupScores.FirstOrDefault(s => s.Group == "fit")?.Score ?? 0m;
        var engagement = groupScores.FirstOrDefault(s => s.Group == "engagement")?.Score ?? 0m;
        return new ScoreGrade(
            fit >= g.FitA ? "A" : fit >= g.FitB ? "B" : "C",
            engagement >= g.EngagementOne ? 1 : engagement >= g.EngagementTwo ? 2 : 3);
    }

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

    private static bool Evaluate(CompiledRule rule, TLead lead, TActivity activity, int? activityIndex, List<ScoringError> errors)
    {
        try
        {
            return rule.Match(lead, activity);
        }
#pragma warning disable CA1031 // A rule that fails for one lead is reported for that lead and rule, never a silent zero.
        catch (Exception e)
#pragma warning restore CA1031
        {
            errors.Add(new ScoringError(rule.Rule.Name, activityIndex, e.GetType().Name + ": " + e.Message));
            return false;
        }
    }

    private static void NoteHandRaise(CompiledRule rule, List<string> handRaises)
    {
        if (rule.Rule.HandRaise)
        {
            handRaises.Add(rule.Rule.Name);
        }
    }

    private static decimal Normal(decimal value) => value / 1.0000000000000000000000000000m;

    private static string Plus(decimal value) => (value > 0 ? "+" : string.Empty) + value.ToString("0.####", CultureInfo.InvariantCulture);

    private sealed record CompiledRule(ScoringRule Rule, int Order, Func<TLead, TActivity, bool> Match);

    private sealed record Match(CompiledRule Rule, int? ActivityIndex, DateTimeOffset? At, decimal Configured, decimal Decayed, string Explanation);
}
