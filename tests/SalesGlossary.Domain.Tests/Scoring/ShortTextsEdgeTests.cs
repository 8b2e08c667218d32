using System.Linq.Expressions;
using System.Reflection;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>The bound of each text charge that may be left out, at the longest text it allows and one past, and which properties read plainly.</summary>
public class ShortTextsEdgeTests
{
    private static readonly ParameterExpression Lead = Expression.Parameter(typeof(LeadFacts), "lead");
    private static readonly ParameterExpression Activity = Expression.Parameter(typeof(LeadActivity), "activity");
    private static readonly MethodInfo Contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo EqualsIgnoringCase = typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string), typeof(StringComparison)])!;

    private static MemberExpression Title => Expression.Property(Lead, nameof(LeadFacts.JobTitle));

    private static MemberExpression Department => Expression.Property(Lead, nameof(LeadFacts.Department));

    private static Func<LeadFacts, LeadActivity, bool>? Guard(long budget, params Expression[] bodies)
    {
        if (!ShortTexts.TryUnmeter([.. bodies.Select(b => WorkMetering.Instrument(b, budget))], Lead, Activity, out var unmetered, out var guard))
        {
            return null;
        }

        Assert.All(unmetered, u => Assert.DoesNotContain("InRule", u.ToString(), StringComparison.Ordinal));
        return Expression.Lambda<Func<LeadFacts, LeadActivity, bool>>(guard, Lead, Activity).Compile();
    }

    private static LeadFacts With(int? title, int? department = null) => new()
    {
        Id = "L",
        JobTitle = title is { } t ? new string('x', t) : null,
        Department = department is { } d ? new string('y', d) : null,
    };

    [Fact]
    public void TwoTextsCompared_AreEachBoundByTheStrideOverTwo()
    {
        // |title| + |department| ≤ 1,000 for every pair: each at most 500.
        var test = Guard(1_000, Expression.Call(EqualsIgnoringCase, Title, Department, Expression.Constant(StringComparison.OrdinalIgnoreCase)))!;

        Assert.True(test(With(500, 500), null!));
        Assert.False(test(With(501, 0), null!));
        Assert.False(test(With(0, 501), null!));
        Assert.False(test(With(null, 501), null!));
        Assert.False(test(With(501, null), null!));
        Assert.True(test(With(null, null), null!));
    }

    [Fact]
    public void ATextComparedWithAConstant_IsBoundByTheStrideLessTheConstant()
    {
        // |title| + 10 ≤ 1,000.
        var test = Guard(1_000, Expression.Call(EqualsIgnoringCase, Title, Expression.Constant("0123456789"), Expression.Constant(StringComparison.OrdinalIgnoreCase)))!;

        Assert.True(test(With(990), null!));
        Assert.False(test(With(991), null!));
    }

    [Fact]
    public void AConstantSearchedForATextFromTheLead_IsBoundByItsLength()
    {
        // A constant text of 10 searched for the title: 10 × (L + 1) ≤ 1,000, so L ≤ 99.
        var test = Guard(1_000, Expression.Call(Expression.Constant("0123456789"), Contains, Title))!;

        Assert.True(test(With(99), null!));
        Assert.False(test(With(100), null!));
    }

    [Theory]
    [InlineData(1_000, true)]
    [InlineData(1_001, false)]
    public void AConstantAtOrBelowTheStride_MayBeLeftUnmetered_OnlyForAnEmptyText(int length, bool unmetered)
    {
        var test = Guard(1_000, Expression.Call(Expression.Constant(new string('c', length)), Contains, Title));

        Assert.Equal(unmetered, test is not null);
        if (test is not null)
        {
            Assert.True(test(With(0), null!));
            Assert.False(test(With(1), null!));
        }
    }

    [Fact]
    public void TheBoundsOfSeveralRules_AreAllRequired_TheSmallestForEveryText()
    {
        // One rule under a budget of 1,000 searches the title for 5 characters (≤ 200), another the department for 4
        // (≤ 250): one bound, the smaller, is tested on every text read.
        var test = Guard(
            1_000,
            Expression.Call(Title, Contains, Expression.Constant("sales")),
            Expression.Call(Department, Contains, Expression.Constant("abcd")))!;

        Assert.True(test(With(200, 200), null!));
        Assert.False(test(With(201, 0), null!));
        Assert.False(test(With(0, 201), null!));
        Assert.True(test(With(null, 200), null!));
        Assert.True(test(With(null, null), null!));
    }

    [Fact]
    public void ATextSearchedForAText_KeepsItsMeter()
    {
        Assert.Null(Guard(1_000, Expression.Call(Title, Contains, Department)));
    }

    [Fact]
    public void TheSameTextReadTwice_IsTestedOnce_WithTheWorkOfBoth()
    {
        // Two searches of the title in one rule: 5 + 3 characters of needle, so 8 × L ≤ 1,000: L ≤ 125.
        var body = Expression.AndAlso(Expression.Call(Title, Contains, Expression.Constant("sales")), Expression.Call(Title, Contains, Expression.Constant("abc")));

        var test = Guard(1_000, body)!;

        Assert.True(test(With(125), null!));
        Assert.False(test(With(126), null!));
    }

    [Theory]
    [InlineData("lead.Title.Contains(\"x\")", true)]
    [InlineData("activity.Page.Contains(\"x\")", true)]
    [InlineData("lead.Shout.Contains(\"x\")", false)]
    [InlineData("activity.Loud.Contains(\"x\")", false)]
    public void OnlyTextsReadFromAutoPropertiesOfTheLeadOrTheActivity_MayBeLeftUnmetered(string expression, bool unmetered)
    {
        var scope = expression.StartsWith("lead", StringComparison.Ordinal) ? "lead" : "activity";
        var json = ModelJson.WithRule(expression, "{\"points\":1,\"scope\":\"" + scope + "\"}");
        var model = LeadScoringModel.LoadFor<Account, Visit>(json, a => a.Visits, v => v.At);
        var body = model.PlannedRules().Single().Body;

        Assert.Equal(unmetered, ShortTexts.TryUnmeter([body], model.LeadParameter, model.ActivityParameter, out _, out _));
    }

    [Fact]
    public void IsAutoProperty_OnlyForCompilerGeneratedGettersNoTypeCanOverride()
    {
        Assert.True(ShortTexts.IsAutoProperty(typeof(LeadFacts).GetProperty(nameof(LeadFacts.JobTitle))!));
        Assert.True(ShortTexts.IsAutoProperty(typeof(Shapes).GetProperty(nameof(Shapes.Plain))!));
        Assert.True(ShortTexts.IsAutoProperty(typeof(SealedShapes).GetProperty(nameof(SealedShapes.Overridable))!));
        Assert.False(ShortTexts.IsAutoProperty(typeof(Shapes).GetProperty(nameof(Shapes.Computed))!));
        Assert.False(ShortTexts.IsAutoProperty(typeof(Shapes).GetProperty(nameof(Shapes.Overridable))!));
        Assert.False(ShortTexts.IsAutoProperty(typeof(Shapes).GetProperty(nameof(Shapes.Shared))!));
        Assert.False(ShortTexts.IsAutoProperty(typeof(Shapes).GetProperty(nameof(Shapes.WithFieldBody))!));
    }

    private class Shapes
    {
        public static string? Shared { get; set; }

        public string? Plain { get; init; }

        public string Computed => "c";

        public virtual string? Overridable { get; init; }

        public string? WithFieldBody { get => field ?? "none"; init; }
    }

    private sealed class SealedShapes : Shapes
    {
        public sealed override string? Overridable { get; init; }
    }

    /// <summary>A lead with a plain title and a computed one.</summary>
    public sealed record Account(string? Title, IReadOnlyList<Visit> Visits)
    {
        /// <summary>Gets the title in capitals: computed, so reading it runs the author's code.</summary>
        public string? Shout => Title?.ToUpperInvariant();
    }

    /// <summary>An activity with a plain page and a computed one.</summary>
    public sealed record Visit(DateTimeOffset At, string? Page)
    {
        /// <summary>Gets the page in capitals: computed.</summary>
        public string? Loud => Page?.ToUpperInvariant();
    }
}
