using System.Reflection;
using System.Text.RegularExpressions;

namespace SalesGlossary.Domain.Tests;

/// <summary>One naming style for tests, as CONTRIBUTING.md writes it down: <c>Subject_WhatHappens</c>, parts in PascalCase.</summary>
public partial class TestNamingTests
{
    [Fact]
    public void EveryTest_IsNamedSubjectThenWhatHappens()
    {
        var wrong = typeof(TestNamingTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any())
            .Where(m => !Style().IsMatch(m.Name))
            .Select(m => m.DeclaringType!.Name + "." + m.Name)
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("Load_DisabledRule_IsCheckedButNotScored", true)]
    [InlineData("Score_IsExact", true)]
    [InlineData("ScoreIsExact", false)]
    [InlineData("score_is_exact", false)]
    [InlineData("Score__Twice", false)]
    public void Style_AcceptsOnlyPascalCasePartsJoinedByUnderscores(string name, bool accepted) =>
        Assert.Equal(accepted, Style().IsMatch(name));

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*(_[A-Z0-9][A-Za-z0-9]*)+$")]
    private static partial Regex Style();
}
