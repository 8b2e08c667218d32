using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>Whether a score qualifies a contact, in the exact words of each answer: wrong stage, no score, short of the threshold or a group minimum, held back in nurture, qualified.</summary>
public class QualificationCheckTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly QualificationThresholds TwoGroups = new QualificationThresholds(100m)
    {
        MqlGroups = [new GroupThreshold("fit", 40m), new GroupThreshold("engagement", 30m)],
    };

    private static Contact Lead(QualificationThresholds? thresholds = null, RequalificationRule? rule = null, FakeTimeProvider? time = null) =>
        Contact.Create(
            "C-1",
            LifecycleStage.Lead,
            new LifecyclePolicy(new LifecycleDefinitions { Requalification = rule ?? new RequalificationRule() }, thresholds ?? new QualificationThresholds(100m), ConnectPolicy.Default),
            time ?? new FakeTimeProvider(Start),
            By.Integration);

    private static ContactScore Score(decimal fit, decimal engagement) => new()
    {
        Model = "lead-model",
        ModelVersion = "1",
        AsOf = Start,
        Total = fit + engagement,
        Groups = [new ScorePart("fit", fit), new ScorePart("engagement", engagement)],
    };

    private static Contact Returned(RequalificationRule rule, FakeTimeProvider time)
    {
        var contact = Lead(rule: rule, time: time);
        contact.ApplyScore(120m, By.System);
        contact.AcceptBySales(By.Sales);
        contact.ReturnToMarketing("No budget", By.Sales);
        Assert.Same(LifecycleStage.Lead, contact.Stage);
        return contact;
    }

    [Fact]
    public void Mql_DoesNotQualifyAgain()
    {
        var contact = Lead();
        contact.ApplyScore(100m, By.System);

        var check = contact.CanQualify(500m);

        Assert.False(check.CanQualify);
        Assert.Equal("Contact 'C-1' is in stage Marketing Qualified Lead; only a Subscriber or Lead qualifies by score.", check.Explanation);
    }

    [Fact]
    public void Other_DoesNotQualifyByScore()
    {
        var contact = Lead();
        contact.Disqualify(DisqualificationReason.InaccurateData, By.Marketing);

        var check = contact.CanQualify(500m);

        Assert.False(check.CanQualify);
        Assert.Equal("Contact 'C-1' is in stage Other; only a Subscriber or Lead qualifies by score.", check.Explanation);
    }

    [Fact]
    public void NoScore_IsShortOfTheThreshold()
    {
        var check = Lead().CanQualify();

        Assert.False(check.CanQualify);
        Assert.Equal("Contact 'C-1' has a score of none; the MQL threshold of its lead type is 100.", check.Explanation);
    }

    [Fact]
    public void Points_AreShownWithAtMostTwoDecimals()
    {
        var check = Lead(new QualificationThresholds(100.5m)).CanQualify(33.3333m);

        Assert.Equal("Contact 'C-1' has a score of 33.33; the MQL threshold of its lead type is 100.5.", check.Explanation);
    }

    [Fact]
    public void TotalAtTheThreshold_Qualifies_AndJustBelowDoesNot()
    {
        var contact = Lead();

        var at = contact.CanQualify(100m);

        Assert.True(at.CanQualify);
        Assert.Equal("Contact 'C-1' has a score of 100, at or above the MQL threshold of 100; it qualifies.", at.Explanation);
        Assert.Null(at.PointsStillNeeded);
        Assert.False(contact.CanQualify(99.99m).CanQualify);
    }

    [Fact]
    public void EveryMissedGroupMinimum_IsNamed()
    {
        var check = Lead(TwoGroups).CanQualify(Score(90m, 20m));

        Assert.False(check.CanQualify);
        Assert.Equal(
            "Contact 'C-1' has a score of 110, at or above the MQL threshold of 100, but its lead type also asks group minimums it does not meet: engagement 20 of at least 30.",
            check.Explanation);
        Assert.Equal(
            "Contact 'C-1' has a score of 120, at or above the MQL threshold of 100, but its lead type also asks group minimums it does not meet: fit 30.5 of at least 40, engagement 29.5 of at least 30.",
            Lead(TwoGroups).CanQualify(Score(30.5m, 29.5m) with { Total = 120m }).Explanation);
    }

    [Fact]
    public void GroupMinimumsMet_AreSaidInTheAnswer()
    {
        var check = Lead(TwoGroups).CanQualify(Score(40m, 30m) with { Total = 120m });

        Assert.True(check.CanQualify);
        Assert.Equal("Contact 'C-1' has a score of 120, at or above the MQL threshold of 100 with every group minimum met; it qualifies.", check.Explanation);
    }

    [Fact]
    public void HeldByNewPointsAndCoolOff_NamesBoth()
    {
        var time = new FakeTimeProvider(Start);
        var contact = Returned(new RequalificationRule { MinimumNewPoints = 20m, CoolOff = TimeSpan.FromDays(7) }, time);

        var check = contact.CanQualify(125m);

        Assert.False(check.CanQualify);
        Assert.Equal(
            "Contact 'C-1' is held back in nurture since 2026-03-02 09:00 UTC (ReturnToMarketing: No budget): it gained 5 points since then and needs 20 new points (15 to go) and its cool-off lasts until 2026-03-09 09:00 UTC.",
            check.Explanation);
        Assert.Equal(15m, check.PointsStillNeeded);
        Assert.Equal(Start.AddDays(7), check.NotBefore);
    }

    [Fact]
    public void HeldByCoolOffOnly_UntilItEnds()
    {
        var time = new FakeTimeProvider(Start);
        var contact = Returned(new RequalificationRule { MinimumNewPoints = null, CoolOff = TimeSpan.FromDays(7) }, time);

        Assert.Equal(
            "Contact 'C-1' is held back in nurture since 2026-03-02 09:00 UTC (ReturnToMarketing: No budget): its cool-off lasts until 2026-03-09 09:00 UTC.",
            contact.CanQualify().Explanation);
        Assert.False(contact.CanTake(LifecycleTrigger.ReachMqlThreshold));
        Assert.DoesNotContain(LifecycleTrigger.ReachMqlThreshold, contact.PermittedTriggers);

        time.Advance(TimeSpan.FromDays(7));

        Assert.True(contact.CanQualify().CanQualify);
        Assert.True(contact.CanTake(LifecycleTrigger.ReachMqlThreshold));
    }
}
