using System.Globalization;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>A stored score checked before it is trusted: each tampering named with its path, and the records' values and log lines.</summary>
public class LeadScoreValueTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static ScoreContribution Contribution(string rule, string group, decimal points) =>
        new(rule, group, null, null, points, points, points, "+" + points.ToString(CultureInfo.InvariantCulture) + " points");

    /// <summary>fit 10 (cap 10) from 6 + 4, engagement 5 from one contribution: total 15.</summary>
    private static LeadScore Whole() => new(
        "m",
        "1",
        AsOf,
        15m,
        [new GroupScore("fit", 10m, 10m, 10m), new GroupScore("engagement", 5m, null, 5m)],
        null,
        [Contribution("A", "fit", 6m), Contribution("B", "fit", 4m), Contribution("E", "engagement", 5m)],
        [],
        []);

    private static string[] Problems(LeadScore score) =>
        [.. Assert.Throws<DefinitionValidationException>(() => score.EnsureConsistent()).Problems.Select(p => p.ToString())];

    [Fact]
    public void EnsureConsistent_AWholeScore_IsReturnedAsItIs()
    {
        var score = Whole();

        Assert.Same(score, score.EnsureConsistent());
    }

    [Theory]
    [InlineData("", "1")]
    [InlineData(" ", "1")]
    [InlineData("m", "")]
    [InlineData("m", " ")]
    public void EnsureConsistent_WithoutModelOrVersion_IsRefused(string model, string version)
    {
        var score = Whole() with { Model = model, ModelVersion = version };

        Assert.Equal(["$.model: The score does not name the model and version that computed it."], Problems(score));
    }

    [Fact]
    public void EnsureConsistent_ContributionsNotAddingUpToTheTotal_AreRefused()
    {
        var score = Whole() with { Total = 16m };

        Assert.Equal(
            [
                "$.contributions: The contributions add up to 15, not to the total 16.",
                "$.groups: The groups add up to 15, not to the total 16.",
            ],
            Problems(score));
        var error = Assert.Throws<DefinitionValidationException>(() => score.EnsureConsistent());
        Assert.Equal("stored lead score of model 'm'", error.Definition);
    }

    [Fact]
    public void EnsureConsistent_AGroupAboveItsCap_IsRefused()
    {
        var score = Whole() with
        {
            Total = 16m,
            Groups = [new GroupScore("fit", 11m, 10m, 11m), new GroupScore("engagement", 5m, null, 5m)],
            Contributions = [Contribution("A", "fit", 7m), Contribution("B", "fit", 4m), Contribution("E", "engagement", 5m)],
        };

        Assert.Equal(["$.groups[0].score: The group 'fit' scores 11, above its cap 10."], Problems(score));
    }

    [Fact]
    public void EnsureConsistent_AGroupExactlyAtItsCap_IsKept()
    {
        var score = Whole() with { Groups = [new GroupScore("fit", 12m, 10m, 10m), new GroupScore("engagement", 5m, 5m, 5m)] };

        Assert.Same(score, score.EnsureConsistent());
    }

    [Fact]
    public void EnsureConsistent_ContributionsMovedBetweenGroups_AreRefused()
    {
        var score = Whole() with
        {
            Contributions = [Contribution("A", "fit", 6m), Contribution("B", "engagement", 4m), Contribution("E", "engagement", 5m)],
        };

        Assert.Equal(
            [
                "$.groups[0].score: The contributions of group 'fit' add up to 6, not to its score 10.",
                "$.groups[1].score: The contributions of group 'engagement' add up to 9, not to its score 5.",
            ],
            Problems(score));
    }

    [Fact]
    public void EnsureConsistent_MissingParts_AreRefusedAtOnce_WithTheModelProblemToo()
    {
        Assert.Equal(
            ["$: The score is incomplete: groups, contributions, hand-raises and errors are required."],
            Problems(Whole() with { Groups = null! }));
        Assert.Equal(
            ["$: The score is incomplete: groups, contributions, hand-raises and errors are required."],
            Problems(Whole() with { Contributions = null! }));
        Assert.Equal(
            ["$: The score is incomplete: groups, contributions, hand-raises and errors are required."],
            Problems(Whole() with { HandRaises = null! }));
        Assert.Equal(
            ["$: The score is incomplete: groups, contributions, hand-raises and errors are required."],
            Problems(Whole() with { Errors = null! }));
        Assert.Equal(
            ["$: The score is incomplete: groups, contributions, hand-raises and errors are required."],
            Problems(Whole() with { Groups = [new GroupScore("fit", 10m, 10m, 10m), null!] }));
        Assert.Equal(
            ["$: The score is incomplete: groups, contributions, hand-raises and errors are required."],
            Problems(Whole() with { Contributions = [Contribution("A", "fit", 10m), null!] }));
        Assert.Equal(
            [
                "$.model: The score does not name the model and version that computed it.",
                "$: The score is incomplete: groups, contributions, hand-raises and errors are required.",
            ],
            Problems(Whole() with { Model = "", Errors = null! }));
    }

    [Fact]
    public void Records_AreEqualByValue_AndWriteTheirLogLines()
    {
        var score = Whole();
        var sameValues = Whole();
        Assert.NotSame(score, sameValues);
        Assert.Equal(score, sameValues);
        Assert.Equal(score.GetHashCode(), sameValues.GetHashCode());
        Assert.NotEqual(Whole(), Whole() with { Total = 14m });
        Assert.Equal(new GroupScore("fit", 12m, 10m, 10m), new GroupScore("fit", 12m, 10m, 10m));
        Assert.NotEqual(new GroupScore("fit", 12m, 10m, 10m), new GroupScore("fit", 12m, null, 10m));
        Assert.Equal("fit 10 (raw 12.5, cap 10)", new GroupScore("fit", 12.5m, 10m, 10m).ToString());
        Assert.Equal("fit -2 (raw -2)", new GroupScore("fit", -2m, null, -2m).ToString());
        Assert.Equal("B3", new ScoreGrade("B", 3).ToString());
        Assert.NotEqual(new ScoreGrade("B", 3), new ScoreGrade("B", 2));
        Assert.Equal("R [activity 4]: bad", new ScoringError("R", 4, "bad").ToString());
        Assert.Equal("R: bad", new ScoringError("R", null, "bad").ToString());
        Assert.Equal("lead [activity 0]: bad", new ScoringError(null, 0, "bad").ToString());
        Assert.Equal(
            "Visit [activity 12]: +2.5 engagement (configured 5; halved)",
            new ScoreContribution("Visit", "engagement", 12, AsOf, 5m, 2.5m, 2.5m, "halved").ToString());
        Assert.Equal(
            "Cheap: -1 fit (configured -1; -1 points)",
            new ScoreContribution("Cheap", "fit", null, null, -1m, -1m, -1m, "-1 points").ToString());
        Assert.Equal(
            "Zero: +0 fit (configured 3; capped)",
            new ScoreContribution("Zero", "fit", null, null, 3m, 3m, 0m, "capped").ToString());
    }

    [Fact]
    public void ToString_OfAScoreWithAGradeAndErrors_NamesTheFirstError()
    {
        var score = Whole() with
        {
            Grade = new ScoreGrade("A", 2),
            Errors = [new ScoringError("R", 1, "first"), new ScoringError(null, null, "second")],
        };

        Assert.Equal(
            "m 1 as of 2026-03-01T12:00:00.0000000+00:00: 15 (A2); fit 10, engagement 5; 3 contributions; 2 rule errors, first: R [activity 1]: first",
            score.ToString());
        Assert.False(score.IsComplete);
        Assert.True(Whole().IsComplete);
    }
}
