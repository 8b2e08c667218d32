
namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// One case per entry of the guard's allow-lists, on an integrator's lead type that holds every kind of value a rule may
/// read: each allowed member and method loads and gives its exact value (so dropping one entry fails exactly one case),
/// the nearest member or method that is not on the list is refused with its reason, and every collection method whose
/// argument the parser turns into a lambda is counted as one.
/// </summary>
public class GuardAllowListEntryTests
{
    private const string MethodReason = " is not allowed: rules may use comparisons, arithmetic, text tests (Contains, StartsWith, EndsWith, …), date arithmetic and Any/All/Count/Sum/… over the lead's own collections";
    private const string MemberReason = " is not allowed: rules read only the lead's own data and simple properties of text, numbers and dates";

    // Thursday 14 March 2024, 15:09:26 (day 74 of a leap year), in UTC+02:00 for the offset value.
    private static readonly DateTime Signed = new(2024, 3, 14, 15, 9, 26, DateTimeKind.Utc);

    private static readonly KindsLead Lead = new()
    {
        Signed = Signed,
        Seen = new DateTimeOffset(2024, 3, 14, 15, 9, 26, TimeSpan.FromHours(2)),
        Tenure = new TimeSpan(3, 4, 5, 6),
        Renewal = new DateOnly(2024, 3, 14),
        Seats = 7_000_000_000L,
        Ratio = 0.25,
        Active = true,
        Grade = 'B',
        Budget = -12.345m,
        Tags = ["enterprise", "emea"],
        Attributes = new Dictionary<string, int> { ["region"] = 3 },
        Visits = [new KindsVisit { At = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), Page = "/pricing" }],
    };

    public static TheoryData<string> AllowedMembers() =>
    [
        "lead.Signed.Year == 2024", "lead.Signed.Month == 3", "lead.Signed.Day == 14", "lead.Signed.Hour == 15",
        "lead.Signed.Minute == 9", "lead.Signed.Second == 26", "lead.Signed.DayOfWeek == DayOfWeek.Thursday",
        "lead.Signed.DayOfYear == 74", "lead.Signed.Date.Hour == 0", "lead.Signed.TimeOfDay.Minutes == 9",
        "lead.Seen.Year == 2024", "lead.Seen.Month == 3", "lead.Seen.Day == 14", "lead.Seen.Hour == 15", "lead.Seen.Minute == 9",
        "lead.Seen.Second == 26", "lead.Seen.DayOfWeek == DayOfWeek.Thursday", "lead.Seen.DayOfYear == 74", "lead.Seen.Date.Day == 14",
        "lead.Seen.TimeOfDay.Hours == 15", "lead.Seen.Offset.Hours == 2", "lead.Seen.UtcDateTime.Hour == 13", "lead.Seen.DateTime.Hour == 15",
        "lead.Tenure.Days == 3", "lead.Tenure.Hours == 4", "lead.Tenure.Minutes == 5", "lead.Tenure.Seconds == 6",
        "lead.Tenure.TotalDays > 3.17 && lead.Tenure.TotalDays < 3.18", "lead.Tenure.TotalHours > 76.08 && lead.Tenure.TotalHours < 76.09",
        "lead.Tenure.TotalMinutes > 4565.09 && lead.Tenure.TotalMinutes < 4565.11", "lead.Tenure.TotalSeconds == 273906",
        "lead.Renewal.Year == 2024", "lead.Renewal.Month == 3", "lead.Renewal.Day == 14", "lead.Renewal.DayOfWeek == DayOfWeek.Thursday",
        "lead.Renewal.DayOfYear == 74",
        "lead.Tags.Count == 2", "lead.Attributes.Count == 1", "lead.Attributes.Keys.Contains(\"region\")", "lead.Attributes.Values.Any(v => v == 3)",
        "lead.Attributes[\"region\"] == 3", "lead.Attributes.ContainsKey(\"region\")", "lead.Tags.Contains(\"emea\")", "lead.Tags[1] == \"emea\"",
        "lead.Grade.Equals('B')",
    ];

    public static TheoryData<string> AllowedMethods() =>
    [
        "lead.Signed.AddDays(1).Day == 15", "lead.Signed.AddHours(9).Day == 15", "lead.Signed.AddMinutes(60).Hour == 16",
        "lead.Signed.AddSeconds(34).Minute == 10", "lead.Signed.AddMonths(1).Month == 4", "lead.Signed.AddYears(1).Year == 2025",
        "lead.Signed.Subtract(lead.Signed).Days == 0", "lead.Signed.CompareTo(lead.Signed.AddDays(1)) < 0", "lead.Signed.Equals(lead.Signed)",
        "lead.Seen.CompareTo(lead.Seen.AddDays(-1)) > 0", "lead.Seen.Equals(lead.Seen.AddDays(1)) == false", "lead.Seen.AddMonths(10).Year == 2025",
        "lead.Tenure.CompareTo(TimeSpan.FromDays(4)) < 0", "lead.Tenure.Equals(lead.Tenure)", "TimeSpan.FromHours(1).Equals(TimeSpan.FromMinutes(60))",
        "lead.Budget.CompareTo(0m) < 0", "lead.Budget.Equals(-12.345m)", "decimal.Round(lead.Budget, 1) == -12.3m", "decimal.Floor(lead.Budget) == -13m",
        "decimal.Ceiling(lead.Budget) == -12m", "decimal.Abs(lead.Budget) == 12.345m",
        "lead.Seats.CompareTo(7000000000) == 0", "lead.Seats.Equals(7000000000)", "lead.Ratio.CompareTo(0.5) < 0", "lead.Ratio.Equals(0.25)",
        "lead.Active.Equals(true)", "lead.Tags.Count.CompareTo(2) == 0",
        "char.IsUpper(lead.Grade)", "!char.IsLower(lead.Grade)", "char.IsLetter(lead.Grade) && !char.IsDigit(lead.Grade) && !char.IsWhiteSpace(lead.Grade)",
        "lead.Visits.Select(v => v.Page).Contains(\"/pricing\")", "lead.Visits.Any(v => v.At < lead.Seen)",
    ];

    [Theory]
    [MemberData(nameof(AllowedMembers))]
    [MemberData(nameof(AllowedMethods))]
    public void EachAllowedEntry_LoadsAndGivesItsExactValue(string expression)
    {
        var model = LoadKinds(expression);

        var score = model.Score(Lead, Generators.ScoringNow);

        Assert.Empty(score.Errors);
        Assert.Equal(10m, score.Total);
    }

    [Theory]
    [InlineData("lead.Signed.Ticks > 0", "the member 'DateTime.Ticks'" + MemberReason)]
    [InlineData("lead.Signed.Kind == DateTimeKind.Utc", "the member 'DateTime.Kind'" + MemberReason)]
    [InlineData("lead.Signed.Millisecond == 0", "the member 'DateTime.Millisecond'" + MemberReason)]
    [InlineData("lead.Signed.ToLocalTime().Hour > 0", "the method 'DateTime.ToLocalTime'" + MethodReason)]
    [InlineData("lead.Signed.AddTicks(1) > lead.Signed", "the method 'DateTime.AddTicks'" + MethodReason)]
    [InlineData("lead.Seen.ToLocalTime().Hour > 0", "the method 'DateTimeOffset.ToLocalTime'" + MethodReason)]
    [InlineData("lead.Tenure.Milliseconds == 0", "the member 'TimeSpan.Milliseconds'" + MemberReason)]
    [InlineData("lead.Tenure.Negate().Days < 0", "the method 'TimeSpan.Negate'" + MethodReason)]
    [InlineData("lead.Renewal.DayNumber > 0", "the member 'DateOnly.DayNumber'" + MemberReason)]
    [InlineData("lead.Renewal.AddDays(1).Day == 15", "the method 'DateOnly.AddDays'" + MethodReason)]
    [InlineData("decimal.Truncate(lead.Budget) == -12m", "the method 'Decimal.Truncate'" + MethodReason)]
    [InlineData("lead.Seats.ToString() != null", "the method 'Object.ToString'" + MethodReason)]
    [InlineData("double.IsNaN(lead.Ratio)", "the method 'Double.IsNaN'" + MethodReason)]
    [InlineData("char.IsPunctuation(lead.Grade)", "the method 'Char.IsPunctuation'" + MethodReason)]
    [InlineData("lead.Attributes.TryGetValue(\"region\", out int x)", null)]
    [InlineData("lead.Tags.Capacity > 0", "the member 'List`1.Capacity'" + MemberReason)]
    public void TheNearestEntryNotOnTheList_IsRefusedWithItsReason(string expression, string? reason)
    {
        var problems = Assert.Throws<DefinitionValidationException>(() => LoadKinds(expression)).Problems;

        if (reason is not null)
        {
            var problem = Assert.Single(problems);
            Assert.Equal("$.Rules[0].Expression", problem.Path);
            Assert.Equal("Rule 'R' is rejected: " + reason + ".", problem.Message);
        }
        else
        {
            Assert.NotEmpty(problems);
        }
    }

    public static TheoryData<string> CountedAsLambdas() =>
    [
        "Any", "All", "Count", "LongCount", "Sum", "Min", "Max", "Average", "Where", "Select", "First", "FirstOrDefault", "Last",
        "LastOrDefault", "SelectMany", "OrderBy", "OrderByDescending", "GroupBy", "TakeWhile", "SkipWhile", "Single", "SingleOrDefault",
    ];

    [Theory]
    [MemberData(nameof(CountedAsLambdas))]
    public void EachCollectionMethodWithAnArgument_CountsAsOneLambda_InAnyCase(string method)
    {
        var limits = new ScoringLimits { MaxLambdaDepth = 1 };
        var call = "lead.Activities." + method + "(Type == \"x\") != null";

        Assert.Null(ExpressionGuard.CheckText(string.Join(" && ", Enumerable.Repeat(call, 8)), limits));
        Assert.Equal("the expression has 9 lambdas; at most 8 are accepted", ExpressionGuard.CheckText(string.Join(" && ", Enumerable.Repeat(call, 9)), limits));
        Assert.Equal("the expression has 9 lambdas; at most 8 are accepted",
            ExpressionGuard.CheckText(string.Join(" && ", Enumerable.Repeat(call.Replace(method, method.ToLowerInvariant(), StringComparison.Ordinal), 9)), limits));
    }

    [Theory]
    [InlineData("Contains")]
    [InlineData("Distinct")]
    [InlineData("Take")]
    [InlineData("Skip")]
    [InlineData("ToList")]
    public void OtherCollectionMethods_AreNotCountedAsLambdas(string method)
    {
        var call = "lead.Activities." + method + "(Type == \"x\") != null";

        Assert.Null(ExpressionGuard.CheckText(string.Join(" && ", Enumerable.Repeat(call, 9)), new ScoringLimits { MaxLambdaDepth = 1 }));
    }

    private static LeadScoringModel<KindsLead, KindsVisit> LoadKinds(string expression) =>
        LeadScoringModel.LoadFor<KindsLead, KindsVisit>(ModelJson.WithRule(expression), l => l.Visits, v => v.At);

    /// <summary>An integrator's lead type holding each kind of value a rule may read.</summary>
    public sealed record KindsLead
    {
        public required DateTime Signed { get; init; }

        public required DateTimeOffset Seen { get; init; }

        public required TimeSpan Tenure { get; init; }

        public required DateOnly Renewal { get; init; }

        public required long Seats { get; init; }

        public required double Ratio { get; init; }

        public required bool Active { get; init; }

        public required char Grade { get; init; }

        public required decimal Budget { get; init; }

        public required List<string> Tags { get; init; }

        public required Dictionary<string, int> Attributes { get; init; }

        public required IReadOnlyList<KindsVisit> Visits { get; init; }
    }

    /// <summary>An integrator's activity type.</summary>
    public sealed record KindsVisit
    {
        public required DateTimeOffset At { get; init; }

        public required string Page { get; init; }
    }
}
