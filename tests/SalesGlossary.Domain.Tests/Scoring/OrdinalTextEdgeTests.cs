using System.Globalization;
using System.Linq.Expressions;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>Each culture-sensitive text operation of a rule gives its ordinal answer, and constant lists are folded once.</summary>
public class OrdinalTextEdgeTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static decimal Total(string expression, LeadFacts lead) =>
        LeadScoringModel.Load(ModelJson.WithRule(expression)).Score(lead, AsOf).Total;

    [Theory]
    [InlineData("lead.JobTitle.StartsWith(\"ab\")", "a\u00ADb", false)]
    [InlineData("lead.JobTitle.StartsWith(\"a\")", "a\u00ADb", true)]
    [InlineData("lead.JobTitle.EndsWith(\"ab\")", "xa\u00ADb", false)]
    [InlineData("lead.JobTitle.EndsWith(\"b\")", "xa\u00ADb", true)]
    [InlineData("lead.JobTitle.IndexOf(\"ab\") == -1", "a\u00ADb", true)]
    [InlineData("lead.JobTitle.IndexOf(\"b\") == 2", "a\u00ADb", true)]
    [InlineData("lead.JobTitle.IndexOf(\"ab\", 1) == -1", "xa\u00ADb", true)]
    [InlineData("lead.JobTitle.IndexOf(\"b\", 1) == 3", "xa\u00ADb", true)]
    [InlineData("lead.JobTitle.IndexOf(\"x\", 1) == -1", "xa\u00ADb", true)]
    [InlineData("lead.JobTitle.CompareTo(\"B\") == 1", "a", true)]
    [InlineData("lead.JobTitle.CompareTo(\"c\") == -1", "a", true)]
    [InlineData("lead.JobTitle.CompareTo(\"a\") == 0", "a", true)]
    [InlineData("string.Compare(lead.JobTitle, \"B\") == 1", "a", true)]
    [InlineData("string.Compare(lead.JobTitle, \"c\") == -1", "a", true)]
    [InlineData("string.Compare(lead.Email, \"a\") == -1", "a", true)]
    [InlineData("string.Compare(lead.JobTitle, lead.Email) == 1", "a", true)]
    [InlineData("lead.JobTitle.ToLower() == \"àb\"", "ÀB", true)]
    [InlineData("lead.JobTitle.ToUpper() == \"ÀB\"", "àb", true)]
    public void TextOperations_AreOrdinal_WhateverTheCulture(string expression, string title, bool matches)
    {
        var lead = new LeadFacts { Id = "L", JobTitle = title };
        foreach (var culture in new[] { "en-US", "tr-TR", "de-DE" })
        {
            var previous = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            try
            {
                Assert.Equal(matches ? 10m : 0m, Total(expression, lead));
            }
            finally
            {
                CultureInfo.CurrentCulture = previous;
            }
        }
    }

    [Fact]
    public void CasingInTurkish_IsTheInvariantOne()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
        try
        {
            Assert.Equal(10m, Total("lead.JobTitle.ToLower() == \"i\"", new LeadFacts { Id = "L", JobTitle = "I" }));
            Assert.Equal(10m, Total("lead.JobTitle.ToUpper() == \"I\"", new LeadFacts { Id = "L", JobTitle = "i" }));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("lead.JobTitle.CompareTo(\"a\") == 0")]
    [InlineData("lead.JobTitle.StartsWith(\"a\")")]
    [InlineData("lead.JobTitle.ToLower() == \"a\"")]
    public void AnOperationOnANullText_StillFails_AndIsReported(string expression)
    {
        var score = LeadScoringModel.Load(ModelJson.WithRule(expression)).Score(new LeadFacts { Id = "L" }, AsOf);

        Assert.Equal(0m, score.Total);
        Assert.StartsWith("NullReferenceException: ", Assert.Single(score.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(4, false)]
    public void AListOfConstants_ContainsItsItemsOnly(int employees, bool matches) =>
        Assert.Equal(matches ? 10m : 0m, Total("new[] { 1, 2, 3 }.Contains(lead.Employees.Value)", new LeadFacts { Id = "L", Employees = employees }));

    [Fact]
    public void Rewrite_FoldsAnArrayOfConstants_IntoOneArray()
    {
        var folded = OrdinalText.Rewrite(Expression.NewArrayInit(typeof(string), Expression.Constant("DE"), Expression.Constant("AT")));
        var open = Expression.Parameter(typeof(string), "x");
        var kept = OrdinalText.Rewrite(Expression.NewArrayInit(typeof(string), Expression.Constant("DE"), open));
        var bounds = OrdinalText.Rewrite(Expression.NewArrayBounds(typeof(int), Expression.Constant(2)));

        var constant = Assert.IsAssignableFrom<ConstantExpression>(folded);
        Assert.Equal(typeof(string[]), constant.Type);
        Assert.Equal(["DE", "AT"], (string[])constant.Value!);
        Assert.Equal(ExpressionType.NewArrayInit, kept.NodeType);
        Assert.Equal(ExpressionType.NewArrayBounds, bounds.NodeType);
    }

    [Fact]
    public void Rewrite_TurnsAShortConstantContains_IntoComparisons_AndLeavesTheRest()
    {
        var value = Expression.Parameter(typeof(int), "v");
        var contains = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(int));
        Expression Call(int count) => Expression.Call(contains, Expression.Constant(Enumerable.Range(1, count).ToArray()), value);

        var one = OrdinalText.Rewrite(Call(1));
        var sixteen = OrdinalText.Rewrite(Call(16));
        var seventeen = OrdinalText.Rewrite(Call(17));
        var empty = OrdinalText.Rewrite(Call(0));

        Assert.Equal(ExpressionType.Equal, one.NodeType);
        Assert.Equal(ExpressionType.OrElse, sixteen.NodeType);
        Assert.Equal(ExpressionType.Call, seventeen.NodeType);
        Assert.Equal(ExpressionType.Call, empty.NodeType);
        var test = Expression.Lambda<Func<int, bool>>(sixteen, value).Compile();
        Assert.Equal([false, true, true, false], new[] { 0, 1, 16, 17 }.Select(test));
    }

    [Fact]
    public void Rewrite_LeavesContainsOfFloatingPointItems_ForNaNsSake()
    {
        var value = Expression.Parameter(typeof(double), "v");
        var contains = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(double));

        var rewritten = OrdinalText.Rewrite(Expression.Call(contains, Expression.Constant(new[] { double.NaN, 1.0 }), value));

        Assert.Equal(ExpressionType.Call, rewritten.NodeType);
        Assert.True(Expression.Lambda<Func<double, bool>>(rewritten, value).Compile()(double.NaN));
    }

    [Fact]
    public void CompareStandIns_ReturnOnlyTheSign_AndCompareToThrowsOnNull()
    {
        Assert.Equal(-1, OrdinalText.Compare("a", "z"));
        Assert.Equal(1, OrdinalText.Compare("z", "a"));
        Assert.Equal(0, OrdinalText.Compare("a", "a"));
        Assert.Equal(-1, OrdinalText.Compare(null, "a"));
        Assert.Equal(1, OrdinalText.Compare("a", null));
        Assert.Equal(-1, OrdinalText.CompareTo("a", "z"));
        Assert.Equal(1, OrdinalText.CompareTo("a", null));
        Assert.Throws<NullReferenceException>(() => OrdinalText.CompareTo(null!, "a"));
    }

    [Theory]
    [InlineData("abCD", "abcd", "ABCD")]
    [InlineData("Ab", "ab", "AB")]
    [InlineData("aB", "ab", "AB")]
    [InlineData("ÀÿŸĀāΣςЁё", "àÿÿāāσςёё", "ÀŸŸĀĀΣΣЁЁ")]
    [InlineData("ß×÷İı", "ß×÷İı", "ß×÷İı")]
    public void FixedCasing_MapsEveryCharacterAfterTheFirstChange_AndKeepsTheOnesBefore(string text, string lower, string upper)
    {
        Assert.Equal(lower, FixedCasing.ToLower(text));
        Assert.Equal(upper, FixedCasing.ToUpper(text));
    }

    [Fact]
    public void FixedCasing_ReturnsAnUnchangedTextItself_AndFailsOnNull()
    {
        const string lower = "already lower";
        const string upper = "ALREADY UPPER";

        Assert.Same(lower, FixedCasing.ToLower(lower));
        Assert.Same(upper, FixedCasing.ToUpper(upper));
        Assert.Equal(string.Empty, FixedCasing.ToLower(string.Empty));
        Assert.Throws<NullReferenceException>(() => FixedCasing.ToLower(null!));
        Assert.Throws<NullReferenceException>(() => FixedCasing.ToUpper(null!));
    }
}
