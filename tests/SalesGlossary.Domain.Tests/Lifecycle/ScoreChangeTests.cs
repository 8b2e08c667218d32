namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>A recorded score change explains itself in exact words, and compares and prints by every field it holds.</summary>
public class ScoreChangeTests
{
    private static readonly DateTimeOffset At = new(2026, 4, 1, 10, 0, 0, TimeSpan.Zero);

    private static ContactScore Score(decimal total, string version = "1.0.0", params (string Rule, decimal Points)[] rules) => new()
    {
        Model = "lead-model",
        ModelVersion = version,
        AsOf = At,
        Total = total,
        Groups = [new ScorePart("fit", total)],
        Rules = [.. rules.Select(r => new ScorePart(r.Rule, r.Points))],
    };

    private static ScoreChange Change(ContactScore? previous, ContactScore current, int sequence = 3) =>
        new() { Sequence = sequence, At = At, Actor = Actor.System, Previous = previous, Current = current };

    [Fact]
    public void Reason_FirstScore_SaysSoWithEveryRule()
    {
        var change = Change(null, Score(30m, rules: [("Industry", 20m), ("EmailOpen", 10m)]));

        Assert.Equal("First score by 'lead-model' v1.0.0: none → 30 (+30); rules: EmailOpen +10, Industry +20.", change.Reason);
        Assert.Equal("#3 First score by 'lead-model' v1.0.0: none → 30 (+30); rules: EmailOpen +10, Industry +20.", change.ToString());
    }

    [Fact]
    public void Reason_LowerScore_ShowsTheLossWithoutAPlusSign()
    {
        var change = Change(Score(30m, rules: [("Industry", 20m), ("EmailOpen", 10m)]), Score(25m, rules: [("Industry", 20m), ("EmailOpen", 5m)]));

        Assert.Equal("Rescored by 'lead-model' v1.0.0: 30 → 25 (-5); rules: EmailOpen -5.", change.Reason);
    }

    [Fact]
    public void Reason_NewModelVersion_SaysSo_AndEndsWithoutRulesWhenNoneMoved()
    {
        var change = Change(Score(30m), Score(30m, "2.0.0"), sequence: 12);

        Assert.Equal("Rescored with a new model version by 'lead-model' v2.0.0: 30 → 30 (+0).", change.Reason);
        Assert.Equal("#12 Rescored with a new model version by 'lead-model' v2.0.0: 30 → 30 (+0).", change.ToString());
    }

    [Fact]
    public void Equals_ComparesEveryField()
    {
        var change = Change(Score(30m), Score(40m));

        Assert.Equal(change, Change(Score(30m), Score(40m)));
        Assert.NotEqual(change, change with { Sequence = 4 });
        Assert.NotEqual(change, change with { At = At.AddTicks(1) });
        Assert.NotEqual(change, change with { Actor = Actor.Sales });
        Assert.NotEqual(change, change with { Previous = Score(31m) });
        Assert.NotEqual(change, change with { Previous = null });
        Assert.NotEqual(change, change with { Current = Score(41m) });
        Assert.False(change.Equals(null));
    }
}
