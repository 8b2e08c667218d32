using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// Pins each decision of the host-independence check, the cost formula and the token classes one by one, on the exact
/// method, conversion or constructor the parser would produce: what is refused with its exact reason, and the nearest
/// form that stays allowed.
/// </summary>
public class GuardHostIndependenceEdgeTests
{
    private const string Why = "rules must give the same result on every host, whatever its culture and time zone";

    private static readonly Expression Text = Expression.Constant("a");
    private static readonly Expression Texts = Expression.Constant(new[] { "a", "b" });

    private static MethodInfo StringMethod(string name, params Type[] parameters) => typeof(string).GetMethod(name, parameters)!;

    private static MethodInfo Enumerable(string name, int parameters, Func<MethodInfo, bool>? extra = null) =>
        typeof(Enumerable).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == parameters && (extra?.Invoke(m) ?? true));

    [Fact]
    public void Comparer_OfEqualityOrOrder_IsRefusedNamingTheMethod()
    {
        var contains = Enumerable(nameof(System.Linq.Enumerable.Contains), 3).MakeGenericMethod(typeof(string));
        var orderBy = Enumerable(nameof(System.Linq.Enumerable.OrderBy), 3).MakeGenericMethod(typeof(string), typeof(string));
        Expression<Func<string, string>> identity = s => s;

        Assert.Equal(
            "the overload of 'Enumerable.Contains' that takes a comparer is not allowed in scoring rules",
            HostIndependence.MethodProblem(Expression.Call(contains, Texts, Text, Expression.Constant(null, typeof(IEqualityComparer<string>)))));
        Assert.Equal(
            "the overload of 'Enumerable.OrderBy' that takes a comparer is not allowed in scoring rules",
            HostIndependence.MethodProblem(Expression.Call(orderBy, Texts, identity, Expression.Constant(null, typeof(IComparer<string>)))));
        Assert.Null(HostIndependence.MethodProblem(Expression.Call(Enumerable(nameof(System.Linq.Enumerable.Contains), 2).MakeGenericMethod(typeof(string)), Texts, Text)));
    }

    [Fact]
    public void StringCompare_OrdinalOverloads_AreAllowed_AndEveryOtherIsRefused()
    {
        var ordinal = Expression.Constant(StringComparison.Ordinal);
        var refused = $"this overload of 'String.Compare' compares by the host's culture: {Why}; use string.Compare(a, b) (ordinal) or string.Compare(a, b, StringComparison.OrdinalIgnoreCase)";

        Assert.Null(HostIndependence.MethodProblem(Expression.Call(StringMethod(nameof(string.Compare), typeof(string), typeof(string)), Text, Text)));
        Assert.Null(HostIndependence.MethodProblem(Expression.Call(StringMethod(nameof(string.Compare), typeof(string), typeof(string), typeof(StringComparison)), Text, Text, ordinal)));
        Assert.Equal(refused, HostIndependence.MethodProblem(Expression.Call(StringMethod(nameof(string.Compare), typeof(string), typeof(string), typeof(bool)), Text, Text, Expression.Constant(true))));
        Assert.Equal(refused, HostIndependence.MethodProblem(Expression.Call(
            StringMethod(nameof(string.Compare), typeof(string), typeof(int), typeof(string), typeof(int), typeof(int)),
            Text, Expression.Constant(0), Text, Expression.Constant(0), Expression.Constant(1))));
    }

    [Fact]
    public void StringConcat_OfTextOnly_IsAllowed_AndOfAnyOtherValueIsRefused()
    {
        const string Refused = "text may be joined only with text: numbers, dates and other values have no host-independent text form in rules; compare them as values instead";

        Assert.Null(HostIndependence.MethodProblem(Expression.Call(StringMethod(nameof(string.Concat), typeof(string), typeof(string)), Text, Text)));
        Assert.Equal(Refused, HostIndependence.MethodProblem(Expression.Call(
            StringMethod(nameof(string.Concat), typeof(object), typeof(object)), Expression.Constant("a", typeof(object)), Expression.Constant(1, typeof(object)))));
    }

    [Fact]
    public void StringIndexOf_CultureSensitiveOverload_IsRefused_AndOrdinalOrCharOverloadsAreAllowed()
    {
        var refused = $"this overload of 'String.IndexOf' compares by the host's culture: {Why}; add StringComparison.Ordinal";
        var zero = Expression.Constant(0);
        var one = Expression.Constant(1);
        var ch = Expression.Constant('a');

        string? IndexOf(Type[] parameters, params Expression[] arguments) =>
            HostIndependence.MethodProblem(Expression.Call(Text, StringMethod(nameof(string.IndexOf), parameters), arguments));

        Assert.Equal(refused, IndexOf([typeof(string), typeof(int), typeof(int)], Text, zero, one));
        Assert.Null(IndexOf([typeof(string)], Text));
        Assert.Null(IndexOf([typeof(string), typeof(int)], Text, zero));
        Assert.Null(IndexOf([typeof(char), typeof(int), typeof(int)], ch, zero, one));
        Assert.Null(IndexOf([typeof(string), typeof(StringComparison)], Text, Expression.Constant(StringComparison.Ordinal)));
    }

    [Fact]
    public void CompareTo_OfAnyObject_IsRefused_AndOfTheSameTypeOrAnotherMethodOfAnObjectIsAllowed()
    {
        var number = Expression.Constant(1);

        Assert.Equal(
            "'Int32.CompareTo' of a value of any type is not allowed: compare values of the same type",
            HostIndependence.MethodProblem(Expression.Call(number, typeof(int).GetMethod(nameof(int.CompareTo), [typeof(object)])!, Expression.Constant(2, typeof(object)))));
        Assert.Null(HostIndependence.MethodProblem(Expression.Call(number, typeof(int).GetMethod(nameof(int.CompareTo), [typeof(int)])!, number)));
        Assert.Null(HostIndependence.MethodProblem(Expression.Call(number, typeof(int).GetMethod(nameof(int.Equals), [typeof(object)])!, Expression.Constant(2, typeof(object)))));
    }

    [Fact]
    public void MinAndMaxOfText_AreRefused_AndOtherEnumerableMethodsReturningTextAreAllowed()
    {
        var max = Enumerable(nameof(System.Linq.Enumerable.Max), 1, m => m.IsGenericMethodDefinition && m.GetParameters()[0].ParameterType.IsGenericType).MakeGenericMethod(typeof(string));
        var first = Enumerable(nameof(System.Linq.Enumerable.First), 1).MakeGenericMethod(typeof(string));
        var maxNumber = typeof(Math).GetMethod(nameof(Math.Max), [typeof(int), typeof(int)])!;

        Assert.Equal($"'Enumerable.Max' of text compares by the host's culture: {Why}", HostIndependence.MethodProblem(Expression.Call(max, Texts)));
        Assert.Null(HostIndependence.MethodProblem(Expression.Call(first, Texts)));
        Assert.Null(HostIndependence.MethodProblem(Expression.Call(maxNumber, Expression.Constant(1), Expression.Constant(2))));
    }

    [Fact]
    public void DateTimeBecomingADateTimeOffset_IsRefused_NullableOrNot()
    {
        var refused = $"a DateTime cannot become a DateTimeOffset in a rule, because that reads the host's time zone: {Why}; compare with a DateTimeOffset that states its offset, for example DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(0))";

        Assert.Equal(refused, HostIndependence.ConversionProblem(Expression.Convert(Expression.Constant(new DateTime(2026, 1, 1)), typeof(DateTimeOffset))));
        Assert.Equal(refused, HostIndependence.ConversionProblem(Expression.Convert(Expression.Constant(null, typeof(DateTime?)), typeof(DateTimeOffset?))));
    }

    [Fact]
    public void OtherConversionsOfDates_AreAllowed()
    {
        var offset = Expression.Constant(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Null(HostIndependence.ConversionProblem(Expression.Convert(offset, typeof(DateTimeOffset?))));
        Assert.Null(HostIndependence.ConversionProblem(Expression.Convert(Expression.Constant(new DateTime(2026, 1, 1)), typeof(object))));
        Assert.Null(HostIndependence.ConversionProblem(Expression.Convert(Expression.Constant(new DateTime(2026, 1, 1)), typeof(DateTime?))));
    }

    [Fact]
    public void DateTimeOffsetFromADateTime_IsRefused_WhateverElseItTakes_AndTheParameterlessOneIsAllowed()
    {
        var refused = $"DateTimeOffset(DateTime …) reads the host's time zone: {Why}; write DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(0))";
        var date = Expression.Constant(new DateTime(2026, 1, 1));

        Assert.Equal(refused, HostIndependence.ConstructorProblem(Expression.New(typeof(DateTimeOffset).GetConstructor([typeof(DateTime)])!, date)));
        Assert.Equal(refused, HostIndependence.ConstructorProblem(Expression.New(
            typeof(DateTimeOffset).GetConstructor([typeof(DateTime), typeof(TimeSpan)])!, date, Expression.Constant(TimeSpan.Zero))));
        Assert.Null(HostIndependence.ConstructorProblem(Expression.New(typeof(DateTimeOffset))));
        Assert.Null(HostIndependence.ConstructorProblem(Expression.New(
            typeof(DateTime).GetConstructor([typeof(int), typeof(int), typeof(int)])!, Expression.Constant(2026), Expression.Constant(1), Expression.Constant(1))));
        Assert.Equal(
            $"creating a date with a DateTimeKind or a calendar is not allowed: {Why}",
            HostIndependence.ConstructorProblem(Expression.New(
                typeof(DateTime).GetConstructor([typeof(long), typeof(DateTimeKind)])!, Expression.Constant(0L), Expression.Constant(DateTimeKind.Utc))));
    }

    [Theory]
    [InlineData(3, 0, 0, 3)]
    [InlineData(3, 2, 5, 13)]
    [InlineData(3, 2, -5, 3)]
    [InlineData(1, long.MaxValue / 2, 2, long.MaxValue)]
    [InlineData(1, long.MaxValue / 2, 3, long.MaxValue)]
    [InlineData(0, long.MaxValue, 1, long.MaxValue)]
    [InlineData(long.MaxValue - 1, 1, 1, long.MaxValue)]
    [InlineData(long.MaxValue - 2, 1, 1, long.MaxValue - 1)]
    public void CostFor_IsFixedPlusPerItem_SaturatingAtTheLargestLong(long fixedWork, long perItem, long items, long expected) =>
        Assert.Equal(expected, new RuleCost("R", fixedWork, perItem).For(items));

    [Theory]
    [InlineData(3, 0, "3")]
    [InlineData(3, 2, "3 + 2 × n")]
    [InlineData(0, 1, "0 + 1 × n")]
    [InlineData(1200, 0, "1200")]
    public void CostToString_IsTheFormula_InEveryCulture(long fixedWork, long perItem, string expected)
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "de-DE", "ar-SA", "" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                Assert.Equal(expected, new RuleCost("R", fixedWork, perItem).ToString());
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Theory]
    [InlineData("\"x\"", "Literal")]
    [InlineData("12", "Literal")]
    [InlineData("1.5", "Literal")]
    [InlineData("lead", "Identifier")]
    [InlineData("(", "Open")]
    [InlineData("[", "Open")]
    [InlineData("{", "Open")]
    [InlineData(")", "Close")]
    [InlineData("]", "Close")]
    [InlineData("}", "Close")]
    [InlineData("!", "Prefix")]
    [InlineData("-", "Prefix")]
    [InlineData("+", "Prefix")]
    [InlineData("?", "Conditional")]
    [InlineData("??", "Conditional")]
    [InlineData("?.", "Conditional")]
    [InlineData("=>", "Lambda")]
    [InlineData("==", "Other")]
    [InlineData(",", "Other")]
    public void EachToken_HasItsKind(string text, string kind)
    {
        var tokens = RuleTokens.Read(text, out var error);

        Assert.Null(error);
        Assert.Equal((Enum.Parse<RuleTokens.Kind>(kind), text, 0), Assert.Single(tokens));
    }

    [Theory]
    [InlineData("lead.Email == \"abc", 19)]
    [InlineData("\"abc", 5)]
    [InlineData("lead.Email == 'x", 17)]
    public void AnUnterminatedLiteral_IsReported_AtTheCharacterAfterTheText_CountedFromOne(string expression, int character)
    {
        RuleTokens.Read(expression, out var error);

        Assert.Equal(expression.Length + 1, character);
        Assert.NotNull(error);
        Assert.EndsWith(string.Create(CultureInfo.InvariantCulture, $" (at character {character})"), error, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", error, StringComparison.Ordinal);
    }
}
