
namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// The cost model on an integrator's types whose activities carry collections of their own: the exact estimate where
/// the size of the current item (an activity's own data) and the size of the lead's data differ, the checks at the
/// model's own limits, and how a refused construct is named.
/// </summary>
public class GuardCostEdgeTests
{
    private static LeadScoringModel<CostLead, CostVisit> Load(string expression, string scope, ScoringLimits? limits = null) =>
        LeadScoringModel.LoadFor<CostLead, CostVisit>(ModelJson.WithRule(expression, "{\"points\": 10, \"scope\": \"" + scope + "\"}"), l => l.Visits, v => v.At, limits);

    private static RuleCost Cost(string expression, string scope = "lead") => Assert.Single(Load(expression, scope).RuleCosts);

    private static string Rejection(string expression, string scope = "lead", ScoringLimits? limits = null)
    {
        var problem = Assert.Single(Assert.Throws<DefinitionValidationException>(() => Load(expression, scope, limits)).Problems);
        Assert.Equal("$.Rules[0].Expression", problem.Path);
        return problem.Message;
    }

    /// <summary>
    /// Each estimate as the semantics give it: a scan of the lead's data costs one unit per item, a loop one step per item
    /// plus its body, text built from an item grows with that item, and an activity rule's total counts one step per activity.
    /// </summary>
    public static TheoryData<string, string, long, long, long> Estimates() => new()
    {
        { "string.Compare(lead.Country, \"DE\") == 0", "lead", 2L, 1L, 10002L },
        { "activity.Page.Take(3).Any(c => c == '?')", "activity", 0L, 5L, 10003L },
        { "new[] { \"ab\", \"abc\" }.Select(x => x + x).Any(s => s.Contains(\"b\"))", "lead", 28L, 0L, 28L },
        { "lead.Visits.Any(v => v.Page.Take(3).Any(c => c == '?'))", "lead", 0L, 5L, 50000L },
        { "new[] { \"ab\", \"abc\" }.Any(s => s.Contains(\"b\"))", "lead", 8L, 0L, 8L },
        { "lead.Names.Contains(\"a\")", "lead", 0L, 1L, 10000L },
        { "lead.Visits.Select(v => v.Page + v.Page).Any(s => s.Contains(\"ab\"))", "lead", 0L, 8L, 80000L },
        { "lead.Visits.Any(v => v.Tags.Select(t => t + \"!\").Any(s => s.Length > 2))", "lead", 0L, 5L, 50000L },
        { "lead.Country.CompareTo(\"DE\") == 0", "lead", 2L, 1L, 10002L },
        { "activity.Tags.Any(t => t.Contains(\"ab\"))", "activity", 0L, 4L, 30000L },
        { "lead.Names.Where(n => n.Length > 1).Select(n => n + n).Any(s => s.StartsWith(\"A\"))", "lead", 0L, 8L, 80000L },
        { "activity.Tags.Select(t => t + t).Any(s => s.Contains(\"ab\"))", "activity", 0L, 9L, 80000L },
        { "new[] { \"ab\", \"\" }.Select(x => x).Any(s => s.Length > 1)", "lead", 4L, 0L, 4L },
        { "lead.Visits.Any(v => v.Tags.Any(t => t.Contains(\"ab\")))", "lead", 0L, 4L, 40000L },
        { "lead.Names.Select(n => n.ToUpper()).Any(s => s.Contains(\"A\"))", "lead", 0L, 4L, 40000L },
    };

    [Theory]
    [MemberData(nameof(Estimates))]
    public void Estimate_OnTheIntegratorsTypes_IsExact(string expression, string scope, long fixedWork, long perItem, long atLimits)
    {
        var cost = Cost(expression, scope);

        Assert.Equal((fixedWork, perItem, atLimits), (cost.FixedWork, cost.WorkPerItem, cost.WorkAtLimits));
    }

    [Fact]
    public void AnActivityRule_WhoseWorkPerActivityIsTooLargeAtTheLimits_IsRefused()
    {
        var needle = new string('x', 200);

        Assert.Equal(
            "Rule 'R' is rejected by the cost model: at the model's own limits (lead data of 10000 items or characters: ScoringLimits.MaxActivitiesPerLead is 10000, ScoringLimits.MaxBuiltTextLength is 10000) one evaluation can do 2000000 units of work (0 + 200 × n), above the budget of 1000000 (ScoringLimits.MaxWorkPerRule): it would be stopped for such leads; do less work per item, or raise MaxWorkPerRule.",
            Rejection("activity.Page.Contains(\"" + needle + "\")", "activity"));
        Assert.Equal(1_000_000L, Cost("activity.Page.Contains(\"" + needle[..100] + "\")", "activity").WorkAtLimits);
        Assert.Contains("one evaluation can do 1010000 units of work (0 + 101 × n)", Rejection("activity.Page.Contains(\"" + needle[..101] + "\")", "activity"), StringComparison.Ordinal);
    }

    [Fact]
    public void ARuleRefusedForGrowingWithTheSquare_IsNotAlsoReportedAtTheLimits()
    {
        var needle = new string('x', 200);

        Assert.Equal(
            "Rule 'R' is rejected by the cost model: it loops over 'lead.Visits' and, for each item, over the lead's data again (lead.Visits), so its work grows with the square of the lead's data; compute each part in a rule of its own.",
            Rejection("lead.Visits.Any(a => lead.Visits.Any(b => b.Page.Contains(\"" + needle + "\")))"));
    }

    [Fact]
    public void AnActivityRuleBuildingText_IsMeasuredAgainstTheActivitysOwnText()
    {
        Assert.Equal("Rule 'R' is rejected by the cost model: it can build a text 5 times as long as the lead's texts it reads; at most 4 times is accepted.",
            Rejection("(activity.Page + activity.Page + activity.Page + activity.Page + activity.Page).Length > 0", "activity"));
    }

    [Fact]
    public void AnActivityRuleReadingTheLeadsData_NamesTheLastLoopOverTheLeadsData_NotOneOverTheActivitysOwn()
    {
        Assert.Contains("each time loops over the lead's data (the lead's data), so",
            Rejection("lead.Names.Contains(\"y\") && activity.Tags.Any(t => t == \"x\")", "activity"), StringComparison.Ordinal);
        Assert.Contains("each time loops over the lead's data (lead.Names), so",
            Rejection("lead.Names.Any(n => n == \"y\") && activity.Tags.Any(t => t == \"x\")", "activity"), StringComparison.Ordinal);
    }

    [Fact]
    public void ALongConstructInAReason_IsCutAtEightyCharacters()
    {
        var described = new List<string>();
        for (var padding = 0; padding < 40; padding++)
        {
            var message = Rejection("lead.Country.Contains(lead.Country + \"" + new string('z', padding) + "\")");
            const string Before = "it searches the lead's text for another of the lead's texts (";
            var start = message.IndexOf(Before, StringComparison.Ordinal) + Before.Length;
            described.Add(message[start..message.IndexOf("), so its work", start, StringComparison.Ordinal)]);
        }

        Assert.All(described, d => Assert.True(d.Length <= 80, d));
        Assert.All(described.Where(d => d.EndsWith('…')), d => Assert.Equal(80, d.Length));
        Assert.Contains(described, d => d.Length == 80 && !d.EndsWith('…'));
        Assert.Contains(described, d => d.EndsWith('…'));
        Assert.Contains(described, d => d.Length < 80);
    }

    /// <summary>An integrator's lead.</summary>
    public sealed record CostLead
    {
        public required string Country { get; init; }

        public required IList<string> Names { get; init; }

        public required IReadOnlyList<CostVisit> Visits { get; init; }
    }

    /// <summary>An integrator's activity with a collection of its own.</summary>
    public sealed record CostVisit
    {
        public required DateTimeOffset At { get; init; }

        public required string Page { get; init; }

        public required List<string> Tags { get; init; }
    }
}
