using System.Numerics;
using System.Text.Json;
using RulesEngine.Models;

namespace SalesGlossary.Domain.Tests.Scoring.Conformance;

/// <summary>The expected outcome of scoring one lead, as an engine-neutral record.</summary>
internal sealed record ExpectedScore(
    decimal Total,
    IReadOnlyList<ExpectedGroup> Groups,
    string? Grade,
    IReadOnlyList<ExpectedContribution> Contributions,
    IReadOnlyList<string> HandRaises,
    IReadOnlyList<ExpectedError> Errors);

internal sealed record ExpectedGroup(string Group, decimal Raw, decimal? Cap, decimal Score);

internal sealed record ExpectedContribution(string Rule, int? ActivityIndex, decimal DecayedPoints, decimal Points);

internal sealed record ExpectedError(string? Rule, int? ActivityIndex);

/// <summary>
/// A deliberately simple, independent reference scorer written from docs/scoring-semantics.md: plain RulesEngine 6.0.1
/// (<c>ExecuteAllRulesAsync</c>, default settings) decides which rule matches or fails, once per lead and once per
/// activity; windows, daily maximums, decay (exact fractions of <see cref="BigInteger"/>), caps and grades are computed
/// here in the most direct way. It shares no code with the library's scoring.
/// </summary>
internal static class ReferenceScorer
{
    private const long TicksPerDay = 864_000_000_000;

    public static ExpectedScore Score(string modelJson, LeadFacts lead, DateTimeOffset asOf)
    {
        using var document = JsonDocument.Parse(modelJson);
        var root = document.RootElement;
        var workflow = root.GetProperty("WorkflowName").GetString()!;
        var settings = root.GetProperty("ScoringModel");
        var rules = root.GetProperty("Rules").EnumerateArray()
            .Where(r => !(r.TryGetProperty("Enabled", out var e) && e.ValueKind == JsonValueKind.False))
            .Select(Describe)
            .ToList();
        var byName = rules.Select((r, i) => (r, i)).ToDictionary(x => x.r.Name, x => x.i, StringComparer.Ordinal);
        var engine = new RulesEngine.RulesEngine([modelJson]);

        var found = new List<(int Rule, int? Activity, long Occurred, decimal Earned)>();
        var errors = new List<ExpectedError>();
        var handRaises = new List<string>();

        var leadInput = RuleParameter.Create("lead", lead);
        foreach (var result in Run(engine, workflow, leadInput, RuleParameter.Create<LeadActivity>("activity", null!)))
        {
            if (!byName.TryGetValue(result.Rule.RuleName, out var index) || rules[index].Activity)
            {
                continue;
            }

            CollectErrors(result, null, errors);
            if (result.IsSuccess)
            {
                found.Add((index, null, 0, rules[index].Points));
                NoteHandRaise(rules[index], handRaises);
            }
        }

        var scored = lead.Activities.Select((a, i) => (Activity: a, Index: i))
            .Where(x => x.Activity.OccurredAt <= asOf)
            .OrderByDescending(x => x.Activity.OccurredAt.UtcTicks).ThenBy(x => x.Index)
            .ToList();
        var perDay = new Dictionary<(int Rule, DateOnly Day), int>();
        foreach (var (activity, activityIndex) in scored)
        {
            var age = asOf.UtcTicks - activity.OccurredAt.UtcTicks;
            var results = Run(engine, workflow, leadInput, RuleParameter.Create("activity", activity));
            foreach (var result in results)
            {
                if (!byName.TryGetValue(result.Rule.RuleName, out var index) || !rules[index].Activity || !InWindow(rules[index], age))
                {
                    continue;
                }

                var rule = rules[index];
                CollectErrors(result, activityIndex, errors);
                if (!result.IsSuccess)
                {
                    continue;
                }

                NoteHandRaise(rule, handRaises);
                var key = (index, DateOnly.FromDateTime(activity.OccurredAt.UtcDateTime));
                perDay[key] = perDay.GetValueOrDefault(key) + 1;
                var earned = rule.MaxPerDay is { } max && perDay[key] > max ? 0m : Decayed(rule, age);
                found.Add((index, activityIndex, activity.OccurredAt.UtcTicks, earned));
            }
        }

        // Contributions: document order of rules, newest activity first, then list order.
        var ordered = found.OrderBy(f => f.Rule).ThenByDescending(f => f.Occurred).ThenBy(f => f.Activity ?? -1).ToList();
        var points = ordered.Select(f => f.Earned).ToArray();
        var groupNames = rules.Select(r => r.Group).Distinct(StringComparer.Ordinal).ToList();
        var groupCaps = settings.TryGetProperty("GroupCaps", out var caps)
            ? caps.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDecimal(), StringComparer.Ordinal)
            : [];
        var raw = groupNames.ToDictionary(g => g, g => Enumerable.Range(0, points.Length).Where(i => rules[ordered[i].Rule].Group == g).Sum(i => points[i]), StringComparer.Ordinal);
        foreach (var group in groupNames)
        {
            if (groupCaps.TryGetValue(group, out var cap) && raw[group] > cap)
            {
                TrimFromTheEnd(points, i => rules[ordered[i].Rule].Group == group, raw[group] - cap);
            }
        }

        var total = points.Sum();
        if (settings.TryGetProperty("TotalCap", out var totalCapElement) && total > totalCapElement.GetDecimal())
        {
            TrimFromTheEnd(points, _ => true, total - totalCapElement.GetDecimal());
            total = points.Sum();
        }

        var groups = groupNames.Select(g => new ExpectedGroup(
            g,
            raw[g],
            groupCaps.TryGetValue(g, out var c) ? c : null,
            Enumerable.Range(0, points.Length).Where(i => rules[ordered[i].Rule].Group == g).Sum(i => points[i]))).ToList();
        string? grade = null;
        if (settings.TryGetProperty("Grades", out var grades))
        {
            var fit = groups.FirstOrDefault(g => g.Group == "fit")?.Score ?? 0m;
            var engagement = groups.FirstOrDefault(g => g.Group == "engagement")?.Score ?? 0m;
            var f = grades.GetProperty("Fit");
            var e = grades.GetProperty("Engagement");
            var letter = fit >= f.GetProperty("A").GetDecimal() ? "A" : fit >= f.GetProperty("B").GetDecimal() ? "B" : "C";
            var digit = engagement >= e.GetProperty("1").GetDecimal() ? "1" : engagement >= e.GetProperty("2").GetDecimal() ? "2" : "3";
            grade = letter + digit;
        }

        return new ExpectedScore(
            total,
            groups,
            grade,
            [.. ordered.Select((f, i) => new ExpectedContribution(rules[f.Rule].Name, f.Activity, f.Earned, points[i]))],
            handRaises,
            Canonical(errors));
    }

    /// <summary>Errors in a canonical order (lead errors first, then by activity index, then rule name): engines may walk differently.</summary>
    public static IReadOnlyList<ExpectedError> Canonical(IEnumerable<ExpectedError> errors) =>
        [.. errors.OrderBy(e => e.ActivityIndex ?? -1).ThenBy(e => e.Rule, StringComparer.Ordinal)];

    private static List<RuleResultTree> Run(RulesEngine.RulesEngine engine, string workflow, params RuleParameter[] inputs) =>
        engine.ExecuteAllRulesAsync(workflow, inputs).AsTask().GetAwaiter().GetResult();

    private static void CollectErrors(RuleResultTree result, int? activityIndex, List<ExpectedError> errors)
    {
        if (result.ChildResults is { } children && children.Any())
        {
            foreach (var child in children)
            {
                CollectErrors(child, activityIndex, errors);
            }
        }
        else if (!string.IsNullOrEmpty(result.ExceptionMessage))
        {
            errors.Add(new ExpectedError(result.Rule.RuleName, activityIndex));
        }
    }

    private static void NoteHandRaise(RuleInfo rule, List<string> handRaises)
    {
        if (rule.HandRaise && !handRaises.Contains(rule.Name))
        {
            handRaises.Add(rule.Name);
        }
    }

    private static bool InWindow(RuleInfo rule, long age)
    {
        if (rule.WindowDays is not { } window)
        {
            return true;
        }

        var (n, d) = Fraction(window);
        return age * d <= n * TicksPerDay;
    }

    /// <summary>points × max(0, 1 − percent/100 × age/(everyDays × ticks per day)), exactly, rounded half away from zero to hundredths.</summary>
    private static decimal Decayed(RuleInfo rule, long age)
    {
        if (rule.Decay is not var (percent, everyDays))
        {
            return rule.Points;
        }

        var (qn, qd) = Fraction(rule.Points);
        var (pn, pd) = Fraction(percent);
        var (en, ed) = Fraction(everyDays);
        var factorDenominator = 100 * en * pd * TicksPerDay;
        var factorNumerator = BigInteger.Max(BigInteger.Zero, factorDenominator - (pn * ed * age));
        var numerator = qn * 100 * factorNumerator;
        var denominator = qd * factorDenominator;
        var quotient = BigInteger.DivRem(BigInteger.Abs(numerator), denominator, out var remainder);
        if (remainder * 2 >= denominator)
        {
            quotient += 1;
        }

        return (decimal)(numerator.Sign < 0 ? -quotient : quotient) / 100m;
    }

    private static (BigInteger Numerator, BigInteger Denominator) Fraction(decimal value)
    {
        var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0
            ? (BigInteger.Parse(text, System.Globalization.CultureInfo.InvariantCulture), BigInteger.One)
            : (BigInteger.Parse(text.Remove(point, 1), System.Globalization.CultureInfo.InvariantCulture), BigInteger.Pow(10, text.Length - point - 1));
    }

    private static void TrimFromTheEnd(decimal[] points, Func<int, bool> member, decimal excess)
    {
        for (var i = points.Length - 1; i >= 0 && excess > 0; i--)
        {
            if (!member(i) || points[i] <= 0)
            {
                continue;
            }

            var cut = Math.Min(points[i], excess);
            points[i] -= cut;
            excess -= cut;
        }
    }

    private static RuleInfo Describe(JsonElement rule)
    {
        var p = rule.GetProperty("Properties");
        var group = p.TryGetProperty("group", out var g) ? g.GetString()! : "fit";
        var activity = p.TryGetProperty("scope", out var s) ? s.GetString() == "activity" : group == "engagement";
        return new RuleInfo(
            rule.GetProperty("RuleName").GetString()!,
            group,
            activity,
            p.GetProperty("points").GetDecimal(),
            p.TryGetProperty("windowDays", out var w) ? w.GetDecimal() : null,
            p.TryGetProperty("maxPerDay", out var m) ? m.GetInt32() : null,
            p.TryGetProperty("decay", out var d) ? (d.GetProperty("percent").GetDecimal(), d.GetProperty("everyDays").GetDecimal()) : null,
            p.TryGetProperty("handRaise", out var h) && h.GetBoolean());
    }

    private sealed record RuleInfo(string Name, string Group, bool Activity, decimal Points, decimal? WindowDays, int? MaxPerDay, (decimal Percent, decimal EveryDays)? Decay, bool HandRaise);
}
