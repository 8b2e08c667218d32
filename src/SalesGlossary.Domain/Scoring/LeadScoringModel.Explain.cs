using System.Buffers;
using System.Globalization;

namespace SalesGlossary.Domain;

/// <content>The explaining sink: what the walk found, turned into contributions with their arithmetic in words.</content>
public sealed partial class LeadScoringModel<TLead, TActivity>
{
    /// <summary>A number with its sign (<c>+2.5</c>, <c>-10</c>, <c>0</c>) and at most four decimals.</summary>
    private const string Signed = "+0.####;-0.####;0";

    private static string Plus(decimal value) => value.ToString(Signed, CultureInfo.InvariantCulture);

    /// <summary>Records every match, error and hand-raise the walk reports.</summary>
    private readonly struct ExplainingSink(Explanation explanation) : IScoreSink
    {
        public Explanation Explanation { get; } = explanation;

        public bool WantsLeadMatches => true;

        public void LeadRuleMatched(int rule) => Explanation.Add(new Found(rule, -1, 0, 0, Explanation.Model.PlanOf(rule).Points, false));

        public void ActivityRuleMatched(int rule, int activityIndex, long occurredTicks, long ageTicks, long earned, bool overDailyMaximum) =>
            Explanation.Add(new Found(rule, activityIndex, occurredTicks, ageTicks, earned, overDailyMaximum));

        public void RuleFailed(string rule, int activityIndex, Exception error)
        {
            Explanation.Errors.Add(new ScoringError(rule, activityIndex < 0 ? null : activityIndex, RuleSandbox.ErrorText(error))); // sandbox: bounded error text
            if (error is RuleBudgetExceededException)
            {
                DomainTelemetry.BudgetStopped(Explanation.Model.Name, DomainTelemetry.Explained, 1);
            }
        }

        public void LeadFailed(string message) => Explanation.Errors.Add(new ScoringError(null, null, message));
    }

    /// <summary>One match as the walk found it: points in hundredths, ages in ticks.</summary>
    private readonly record struct Found(int Rule, int ActivityIndex, long OccurredTicks, long AgeTicks, long Earned, bool OverDailyMaximum);

    /// <summary>Collects one lead's matches and turns them into a <see cref="LeadScore"/>.</summary>
    private sealed class Explanation(LeadScoringModel<TLead, TActivity> model)
    {
        private Found[] found = ArrayPool<Found>.Shared.Rent(16); // returned by Finish: only the LeadScore outlives the walk
        private int count;
        private List<string>? handRaises;
        private List<ScoringError>? errors;

        public LeadScoringModel<TLead, TActivity> Model { get; } = model;

        public List<ScoringError> Errors => errors ??= [];

        public void Add(Found match)
        {
            if (count == found.Length)
            {
                var larger = ArrayPool<Found>.Shared.Rent(count * 2);
                found.AsSpan(0, count).CopyTo(larger);
                ArrayPool<Found>.Shared.Return(found);
                found = larger;
            }

            found[count++] = match;
            var rule = Model.PlanOf(match.Rule).Rule;
            if (rule.HandRaise)
            {
                handRaises ??= [];
                if (!handRaises.Contains(rule.Name))
                {
                    handRaises.Add(rule.Name);
                }
            }
        }

        public LeadScore Finish(DateTimeOffset asOf, ReadOnlySpan<long> sums)
        {
            var rentedPoints = ArrayPool<long>.Shared.Rent(Math.Max(1, count));
            try
            {
                return Finish(asOf, sums, rentedPoints.AsSpan(0, count));
            }
            finally
            {
                ArrayPool<long>.Shared.Return(rentedPoints);
                ArrayPool<Found>.Shared.Return(found);
                found = [];
            }
        }

        private LeadScore Finish(DateTimeOffset asOf, ReadOnlySpan<long> sums, Span<long> points)
        {
            // Contributions in document order of the rules, and within a rule newest activity first (then list order):
            // a cap trims from the end of this order, so later rules first and, within a rule, the oldest activities first.
            var matches = found.AsSpan(0, count);
            SortContributions(matches);
            string?[]? notes = null;
            for (var i = 0; i < count; i++)
            {
                points[i] = matches[i].Earned;
            }

            var groups = Model.groups;
            Span<long> capped = groups.Length <= 64 ? stackalloc long[groups.Length] : new long[groups.Length];
            var total = Model.Cap(sums, capped, out var totalExcess);
            for (var g = 0; g < groups.Length; g++)
            {
                if (sums[g] > capped[g])
                {
                    Trim(matches, g, sums[g] - capped[g], points, ref notes, string.Create(CultureInfo.InvariantCulture, $"group '{groups[g]}' cap of {Model.GroupCaps[groups[g]]:0.####}"));
                }
            }

            if (totalExcess > 0)
            {
                Trim(matches, -1, totalExcess, points, ref notes, string.Create(CultureInfo.InvariantCulture, $"total cap of {Model.TotalCap:0.####}"));
            }

            // The contributions are kept compact (the matches and their final points) and turned into records with their
            // words only when first read: scoring a lead costs no text and no decimal for each match.
            Span<long> groupScores = groups.Length <= 64 ? stackalloc long[groups.Length] : new long[groups.Length];
            var counted = count == 0 ? [] : new Counted[count];
            for (var i = 0; i < count; i++)
            {
                groupScores[Model.PlanOf(matches[i].Rule).Group] += points[i];
                counted[i] = new Counted(matches[i], points[i]);
            }

            var contributions = ValueList<ScoreContribution>.Lazy(count, () => BuildContributions(Model, counted, notes));
            var groupList = new GroupScore[groups.Length];
            for (var g = 0; g < groups.Length; g++)
            {
                groupList[g] = new GroupScore(
                    groups[g],
                    ScoreArithmetic.ToDecimal(sums[g]),
                    Model.plan.GroupCapValue[g],
                    ScoreArithmetic.ToDecimal(groupScores[g]));
            }

            return new LeadScore(
                Model.Name,
                Model.Version,
                asOf,
                ScoreArithmetic.ToDecimal(total),
                ValueList<GroupScore>.Own(groupList),
                Model.Grade(groupList),
                contributions,
                handRaises is null ? [] : [.. handRaises],
                errors is null ? [] : [.. errors]);
        }

        /// <summary>
        /// Sorts matches by rule, then newest activity first, then list order: by insertion for the few matches of a typical
        /// lead (the walk reports them nearly in this order already), by the span sort beyond.
        /// </summary>
        private static void SortContributions(Span<Found> matches)
        {
            if (matches.Length > 32)
            {
                matches.Sort(static (a, b) => Before(a, b) ? -1 : Before(b, a) ? 1 : 0);
                return;
            }

            for (var i = 1; i < matches.Length; i++)
            {
                var item = matches[i];
                var j = i - 1;
                while (j >= 0 && Before(item, matches[j]))
                {
                    matches[j + 1] = matches[j];
                    j--;
                }

                matches[j + 1] = item;
            }
        }

        private static bool Before(in Found a, in Found b) =>
            a.Rule != b.Rule ? a.Rule < b.Rule
            : a.OccurredTicks != b.OccurredTicks ? a.OccurredTicks > b.OccurredTicks
            : a.ActivityIndex < b.ActivityIndex;

        /// <summary>Removes <paramref name="excess"/> from the last positive contributions (of one group, or all for -1) first.</summary>
        private void Trim(ReadOnlySpan<Found> matches, int group, long excess, Span<long> points, ref string?[]? notes, string cap)
        {
            for (var i = matches.Length - 1; i >= 0 && excess > 0; i--)
            {
                if (points[i] <= 0 || (group >= 0 && Model.PlanOf(matches[i].Rule).Group != group))
                {
                    continue;
                }

                var cut = Math.Min(points[i], excess);
                var before = points[i];
                notes ??= new string?[points.Length];
                points[i] -= cut;
                excess -= cut;
                notes[i] += string.Create(CultureInfo.InvariantCulture, $"; capped by the {cap}: {ScoreArithmetic.ToDecimal(before).ToString(Signed, CultureInfo.InvariantCulture)} → {ScoreArithmetic.ToDecimal(points[i]).ToString(Signed, CultureInfo.InvariantCulture)}");
            }
        }

        internal static string Describe(in Found m, ScoringRule rule, PlanRule plan)
        {
            if (m.OverDailyMaximum)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"{rule.Points.ToString(Signed, CultureInfo.InvariantCulture)} points, over the daily maximum of {rule.MaxPerDay} on {new DateTime(m.OccurredTicks, DateTimeKind.Utc):yyyy-MM-dd}: 0");
            }

            if (m.ActivityIndex >= 0 && plan.DecayWords is var (before, after) && before is not null)
            {
                // The rule's own words are written once per rule; only the age and the points earned are written here.
                Span<char> age = stackalloc char[32];
                Span<char> earned = stackalloc char[32];
                var ageLength = ScoreWords.WriteAgeInDays(age, m.AgeTicks);
                var earnedLength = ScoreWords.WriteHundredths(earned, m.Earned, signed: true);
                return string.Concat(before, age[..ageLength], after, earned[..earnedLength]);
            }

            return plan.PointsInWords;
        }
    }

    private PlanRule PlanOf(int rule) => planByIndex[rule];

    /// <summary>One match with what it finally counts, in hundredths, after caps.</summary>
    private readonly record struct Counted(Found Match, long Points);

    /// <summary>
    /// Builds a lead's contributions from their compact form: <see cref="ScoreContribution"/> records with points as
    /// <see cref="decimal"/> and the arithmetic in words. The explaining walk defers this until the contributions are read.
    /// </summary>
    private static ScoreContribution[] BuildContributions(LeadScoringModel<TLead, TActivity> model, Counted[] counted, string?[]? notes)
    {
        var contributions = new ScoreContribution[counted.Length];
        for (var i = 0; i < counted.Length; i++)
        {
            var (m, points) = counted[i];
            var plan = model.PlanOf(m.Rule);
            var rule = plan.Rule;
            contributions[i] = new ScoreContribution(
                rule.Name,
                rule.Group,
                m.ActivityIndex < 0 ? null : m.ActivityIndex,
                m.ActivityIndex < 0 ? null : new DateTimeOffset(m.OccurredTicks, TimeSpan.Zero),
                rule.Points,
                ScoreArithmetic.ToDecimal(m.Earned),
                ScoreArithmetic.ToDecimal(points),
                notes?[i] is { } note ? Explanation.Describe(m, rule, plan) + note : Explanation.Describe(m, rule, plan));
        }

        return contributions;
    }

    private ScoreGrade? Grade(IReadOnlyList<GroupScore> groupScores)
    {
        if (Grades is not { } g)
        {
            return null;
        }

        // The groups named fit and engagement were found once, at load; a model without one of them grades it as 0.
        var fit = plan.FitGroup >= 0 ? groupScores[plan.FitGroup].Score : 0m;
        var engagement = plan.EngagementGroup >= 0 ? groupScores[plan.EngagementGroup].Score : 0m;
        var fitGrade = fit >= g.FitA ? 0 : fit >= g.FitB ? 1 : 2;
        var engagementGrade = engagement >= g.EngagementOne ? 0 : engagement >= g.EngagementTwo ? 1 : 2;
        return plan.GradeTable[(fitGrade * 3) + engagementGrade]; // the nine grades, built once: a grade is immutable
    }
}
