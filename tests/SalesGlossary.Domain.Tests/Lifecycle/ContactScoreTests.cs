using Microsoft.Extensions.Time.Testing;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Tests.Lifecycle;

public class ContactScoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static ContactScore Score(decimal fit, decimal engagement, string version = "1.0.0", params (string Rule, decimal Points)[] rules) => new()
    {
        Model = "lead-model",
        ModelVersion = version,
        AsOf = Start,
        Total = fit + engagement,
        Groups = [new ScorePart("engagement", engagement), new ScorePart("fit", fit)],
        Rules = [.. rules.Select(r => new ScorePart(r.Rule, r.Points))],
    };

    private static (Contact Contact, FakeTimeProvider Time) NewLead(QualificationThresholds? thresholds = null)
    {
        var time = new FakeTimeProvider(Start);
        var policy = new LifecyclePolicy(new LifecycleDefinitions(), thresholds ?? new QualificationThresholds(100), ConnectPolicy.Default);
        return (Contact.Create("C-1", LifecycleStage.Lead, policy, time, By.Integration), time);
    }

    [Fact]
    public void ScoreOnlyChange_BumpsVersion_AndIsInTheHistory()
    {
        var (contact, time) = NewLead();
        contact.ApplyScore(Score(20, 10, rules: [("Industry", 20), ("EmailOpen", 10)]), By.System, null);
        var before = contact.Version;
        time.Advance(TimeSpan.FromHours(1));

        var events = contact.ApplyScore(Score(20, 25, rules: [("Industry", 20), ("EmailOpen", 10), ("Webinar", 15)]), By.System, null);

        Assert.Same(LifecycleStage.Lead, contact.Stage);
        Assert.Equal(before + 1, contact.Version);
        Assert.Single(contact.History);
        var change = Assert.IsType<ScoreChanged>(Assert.Single(events)).Change;
        Assert.Same(change, contact.ScoreHistory[^1]);
        Assert.Equal((30m, 45m, 15m), (change.Previous!.Total, change.Current.Total, change.Delta));
        Assert.Equal([new ScorePart("Webinar", 15)], change.RuleDeltas);
        Assert.Equal([new ScorePart("engagement", 15)], change.GroupDeltas);
        Assert.Equal("Rescored by 'lead-model' v1.0.0: 30 → 45 (+15); rules: Webinar +15.", change.Reason);
        Assert.Equal((45m, 20m, 25m), (contact.Score!.Value, contact.Scores[0].Fit, contact.Scores[0].Engagement));
    }

    [Fact]
    public void TheSameScoreAgain_AfterAnotherModel_BecomesCurrentAgain_AsARecordedChangeThatReplays()
    {
        var (contact, time) = NewLead();
        contact.ApplyScore(Score(20, 10, rules: [("Industry", 20)]), By.System, null);
        time.Advance(TimeSpan.FromHours(1));
        contact.ApplyScore(12, By.System);
        var version = contact.Version;
        time.Advance(TimeSpan.FromHours(1));

        var events = contact.ApplyScore(Score(20, 10, rules: [("Industry", 20)]), By.System, null);

        Assert.Equal(30m, contact.Score);
        Assert.Equal(version + 1, contact.Version);
        Assert.IsType<ScoreChanged>(Assert.Single(events));
        var replayed = Contact.Replay(contact.TakeEvents().OfType<ContactEvent>(), contact.Policy, time);
        Assert.Equal(contact.Score, replayed.Score);
        Assert.Equal(contact.Scores.Count, replayed.Scores.Count);
    }

    [Fact]
    public void TheSameScoreAgain_RecordsNothing_AndLeavesVersion()
    {
        var (contact, time) = NewLead();
        contact.ApplyScore(Score(20, 10, rules: [("Industry", 20)]), By.System, null);
        var version = contact.Version;
        time.Advance(TimeSpan.FromDays(1));

        var events = contact.ApplyScore(Score(20, 10, rules: [("Industry", 20)]) with { AsOf = time.GetUtcNow() }, By.System, null);

        Assert.Empty(events);
        Assert.Equal(version, contact.Version);
    }

    [Fact]
    public void ANewModelVersion_WithTheSameTotal_IsARecordedChange()
    {
        var (contact, _) = NewLead();
        contact.ApplyScore(Score(20, 10), By.System, null);

        var change = Assert.IsType<ScoreChanged>(Assert.Single(contact.ApplyScore(Score(20, 10, "1.1.0"), By.System, null))).Change;

        Assert.Equal(0m, change.Delta);
        Assert.StartsWith("Rescored with a new model version by 'lead-model' v1.1.0: 30 → 30 (+0)", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralModels_EachKeepTheirLatestScore()
    {
        var (contact, _) = NewLead();
        contact.ApplyScore(Score(20, 10), By.System, null);
        contact.ApplyScore(Score(5, 5) with { Model = "product-interest" }, By.System, null);
        contact.ApplyScore(Score(30, 10), By.System, null);

        Assert.Equal(["lead-model 40", "product-interest 10"], contact.Scores.Select(s => s.Model + " " + s.Total).Order(StringComparer.Ordinal));
        Assert.Equal(3, contact.ScoreHistory.Count);
        Assert.Equal(20m, contact.ScoreHistory[^1].Previous!.Fit);
    }

    [Fact]
    public void ScoreHistory_IsBounded_AndVersionKeepsCounting_ThroughStorage()
    {
        var (contact, time) = NewLead(new QualificationThresholds(10_000));
        for (var i = 1; i <= Contact.ScoreHistoryLimit + 10; i++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            contact.ApplyScore(i, By.System);
        }

        Assert.Equal(Contact.ScoreHistoryLimit, contact.ScoreHistory.Count);
        Assert.Equal((11, Contact.ScoreHistoryLimit + 10), (contact.ScoreHistory[0].Sequence, contact.ScoreHistory[^1].Sequence));
        Assert.Equal(1 + Contact.ScoreHistoryLimit + 10, contact.Version);

        var json = System.Text.Json.JsonSerializer.Serialize(contact.ToState(), SalesGlossaryJson.Options);
        var back = Contact.Rehydrate(SalesGlossaryJson.Read<ContactState>(json), contact.Policy, time);
        Assert.Equal(contact.Version, back.Version);
        Assert.Equal(contact.ScoreHistory, back.ScoreHistory);
        Assert.Equal(contact.Scores, back.Scores);
    }

    [Theory]
    [InlineData(45, 35, true)]
    [InlineData(40, 30, true)]
    [InlineData(39.99, 80, false)]
    [InlineData(80, 29, false)]
    public void GroupThresholds_MqlNeedsFitAndEngagement(decimal fit, decimal engagement, bool mql)
    {
        var (contact, _) = NewLead(new QualificationThresholds(50) { MqlGroups = [new GroupThreshold("fit", 40), new GroupThreshold("engagement", 30)] });

        contact.ApplyScore(Score(fit, engagement), By.System, null);

        Assert.Equal(mql ? LifecycleStage.MarketingQualifiedLead : LifecycleStage.Lead, contact.Stage);
    }

    [Fact]
    public void GroupThresholds_AreNeverMetByABareTotal()
    {
        var (contact, _) = NewLead(new QualificationThresholds(50) { MqlGroups = [new GroupThreshold("fit", 40)] });

        contact.ApplyScore(500, By.System);

        Assert.Same(LifecycleStage.Lead, contact.Stage);
    }

    [Fact]
    public void GroupThresholds_AreValidated_EachProblemWithItsPath()
    {
        var thresholds = new QualificationThresholds(50) { MqlGroups = [new GroupThreshold("fit", 0), new GroupThreshold("engagement", 10), new GroupThreshold("engagement", 20)] };

        var error = Assert.Throws<DefinitionValidationException>(() => new LifecyclePolicy(new LifecycleDefinitions(), thresholds, ConnectPolicy.Default));

        Assert.Contains(error.Problems, p => p.Path.EndsWith(".mqlGroups.fit", StringComparison.Ordinal) && p.Message.Contains("above 0", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Path.EndsWith(".mqlGroups.engagement", StringComparison.Ordinal) && p.Message.Contains("two minimums", StringComparison.Ordinal));
    }
}
