namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>A contact score compares by every part it holds and prints its model, total and groups.</summary>
public class ContactScoreValueTests
{
    private static readonly DateTimeOffset At = new(2026, 4, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly ContactScore Score = new()
    {
        Model = "lead-model",
        ModelVersion = "1.2.0",
        AsOf = At,
        Total = 55.5m,
        Groups = [new ScorePart("fit", 40m), new ScorePart("engagement", 15.5m)],
        Rules = [new ScorePart("Industry", 40m)],
    };

    [Fact]
    public void Equals_ComparesEveryPart()
    {
        Assert.Equal(Score, Score with { Groups = [new ScorePart("fit", 40m), new ScorePart("engagement", 15.5m)] });
        Assert.NotEqual(Score, Score with { Model = "other-model" });
        Assert.NotEqual(Score, Score with { ModelVersion = "1.3.0" });
        Assert.NotEqual(Score, Score with { AsOf = At.AddSeconds(1) });
        Assert.NotEqual(Score, Score with { Total = 55.6m });
        Assert.NotEqual(Score, Score with { Groups = [new ScorePart("fit", 40m)] });
        Assert.NotEqual(Score, Score with { Rules = [] });
        Assert.False(Score.Equals(null));
    }

    [Fact]
    public void ToString_ShowsModelTotalAndGroups()
    {
        Assert.Equal("lead-model v1.2.0: 55.5 (fit 40, engagement 15.5)", Score.ToString());
        Assert.Equal("lead-model v1.2.0: 55.5", (Score with { Groups = [] }).ToString());
    }

    [Fact]
    public void ScorePart_ToString_ShowsNameAndPointsInvariantly()
    {
        Assert.Equal("Webinar -2.25", new ScorePart("Webinar", -2.25m).ToString());
    }
}
