using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>The nurture loop: a returned or recycled contact qualifies again only as the agreement's requalification rule says.</summary>
public class NurtureLoopTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static ServiceLevelAgreement With(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(ServiceLevelAgreement.DefaultJson)!.AsObject();
        change(node);
        return ServiceLevelAgreement.Load(node.ToJsonString());
    }

    private static Contact ReturnedLead(ServiceLevelAgreement agreement, FakeTimeProvider time, decimal score = 120m)
    {
        var contact = agreement.GetLeadType("new-prospect").CreateContact("C-42", LifecycleStage.Lead, time, By.Integration);
        contact.ApplyScore(score, By.System);
        contact.AcceptBySales(By.Sales.Named("sam"));
        time.Advance(TimeSpan.FromHours(2));
        contact.ReturnToMarketing("No budget before Q3", By.Sales.Named("sam"));
        return contact;
    }

    [Fact]
    public void ReturnedLead_IsHeldBackOnItsOldScore_UntilItEarnsTheStatedNewEngagement()
    {
        var agreement = ServiceLevelAgreement.Default;
        var time = new FakeTimeProvider(Monday);
        var contact = ReturnedLead(agreement, time);
        var returnedAt = time.GetUtcNow();

        // The story: one day later, with no new activity, the same score must not make it an MQL again.
        time.Advance(TimeSpan.FromDays(1));
        Assert.Empty(contact.ApplyScore(120m, By.System).OfType<StageChanged>());
        Assert.Same(LifecycleStage.Lead, contact.Stage);
        Assert.Same(LeadStatus.ReturnedNotReady, contact.LeadStatus);
        var check = contact.CanQualify();
        Assert.False(check.CanQualify);
        Assert.Equal(20m, check.PointsStillNeeded);
        Assert.Equal(returnedAt, check.HeldSince);
        Assert.Null(check.NotBefore);
        Assert.Equal(
            "Contact 'C-42' is held back in nurture since 2026-03-02 10:00 UTC (ReturnToMarketing: No budget before Q3): it gained 0 points since then and needs 20 new points (20 to go).",
            check.Explanation);

        Assert.Empty(contact.ApplyScore(139.5m, By.System).OfType<StageChanged>());
        Assert.Equal(0.5m, contact.CanQualify().PointsStillNeeded);
        Assert.True(contact.CanQualify(140m).CanQualify);
        Assert.False(contact.CanQualify(139.99m).CanQualify);

        Assert.Single(contact.ApplyScore(140m, By.System).OfType<StageChanged>());
        Assert.Same(LifecycleStage.MarketingQualifiedLead, contact.Stage);
        Assert.Equal("Contact 'C-42' is in stage Marketing Qualified Lead; only a Subscriber or Lead qualifies by score.", contact.CanQualify().Explanation);
    }

    [Fact]
    public void Report_CountsARequalifiedContactsHandoffs_AsTheAgreementDefines()
    {
        var period = new ReportPeriod(Monday, Monday.AddDays(30));
        foreach (var (counting, expected) in new[] { ("EveryHandoff", 2), ("FirstHandoffOnly", 1) })
        {
            var agreement = With(a => a["lifecycle"]!["requalification"] = new JsonObject { ["minimumNewPoints"] = 20, ["countHandoffs"] = counting });
            var time = new FakeTimeProvider(Monday);
            var contact = ReturnedLead(agreement, time);
            time.Advance(TimeSpan.FromDays(1));
            contact.ApplyScore(120m, By.System); // held back: not delivered again
            Assert.Equal(1, SlaReport.ComputeRejections([contact], period).HandedOver);
            contact.ApplyScore(145m, By.System); // earned its way back

            Assert.Equal(2, contact.Handoffs.Count(h => h.To == Team.Sales));
            Assert.Equal(expected, SlaReport.ComputeRejections([contact], period).HandedOver);
        }
    }

    [Fact]
    public void CoolOff_HoldsBackEvenAHighScore_UntilItEnds_AndBothConditionsMustHoldWhenBothAreGiven()
    {
        var coolOffOnly = With(a => a["lifecycle"]!["requalification"] = new JsonObject { ["coolOffDays"] = 14 });
        var time = new FakeTimeProvider(Monday);
        var contact = ReturnedLead(coolOffOnly, time);
        var returnedAt = time.GetUtcNow();
        time.Advance(TimeSpan.FromDays(13));
        Assert.Empty(contact.ApplyScore(500m, By.System).OfType<StageChanged>());
        Assert.Equal(returnedAt.AddDays(14), contact.CanQualify().NotBefore);
        Assert.Null(contact.CanQualify().PointsStillNeeded);
        time.Advance(TimeSpan.FromDays(1));
        Assert.True(contact.CanQualify().CanQualify);
        Assert.Single(contact.ApplyScore(120m, By.System).OfType<StageChanged>());

        var both = With(a => a["lifecycle"]!["requalification"] = new JsonObject { ["minimumNewPoints"] = 30, ["coolOffDays"] = 7 });
        var time2 = new FakeTimeProvider(Monday);
        var second = ReturnedLead(both, time2);
        time2.Advance(TimeSpan.FromDays(8));
        Assert.Empty(second.ApplyScore(140m, By.System).OfType<StageChanged>()); // the cool-off ended, but only 20 new points
        Assert.Equal(10m, second.CanQualify().PointsStillNeeded);
        Assert.Single(second.ApplyScore(150m, By.System).OfType<StageChanged>());
    }

    [Fact]
    public void RecycledAndReopenedContacts_AreHeldBackToo_ButAHandRaiseIsNewEngagementAndRoutes()
    {
        var agreement = ServiceLevelAgreement.Default;
        var time = new FakeTimeProvider(Monday);
        var contact = agreement.GetLeadType("new-prospect").CreateContact("C-7", LifecycleStage.Lead, time, By.Integration);
        contact.ApplyScore(150m, By.System);
        contact.Disqualify(DisqualificationReason.NoBudget, By.Sales);
        contact.Reopen("New budget announced", By.Marketing);
        Assert.Empty(contact.ApplyScore(160m, By.System).OfType<StageChanged>());
        Assert.Contains("(Reopen: New budget announced)", contact.CanQualify().Explanation, StringComparison.Ordinal);

        contact.HandRaise("Demo request", By.Integration);
        Assert.Same(LifecycleStage.SalesQualifiedLead, contact.Stage);
    }

    [Fact]
    public void HeldBackContact_BelowTheThreshold_HearsBothReasons()
    {
        var time = new FakeTimeProvider(Monday);
        var contact = ReturnedLead(ServiceLevelAgreement.Default, time);
        contact.ApplyScore(90m, By.System);

        var check = contact.CanQualify();

        Assert.False(check.CanQualify);
        Assert.StartsWith("Contact 'C-42' has a score of 90; the MQL threshold of its lead type is 100. Contact 'C-42' is held back", check.Explanation, StringComparison.Ordinal);
        Assert.Equal(50m, check.PointsStillNeeded);
    }

    [Fact]
    public void RequalificationGuard_IsDrawnInWords()
    {
        var graph = ServiceLevelAgreement.Default.GetLeadType("new-prospect").Lifecycle.ToMermaidGraph();

        var line = graph.Split('\n').Single(l => l.Contains("Lead --> MarketingQualifiedLead : ReachMqlThreshold", StringComparison.Ordinal) && !l.Contains("Subscriber", StringComparison.Ordinal));
        Assert.Contains(LifecyclePolicy.MqlThresholdGuard, line, StringComparison.Ordinal);
        Assert.Contains(LifecyclePolicy.RequalificationGuard, line, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidRequalificationRules_AreAllReportedAtOnce_WithTheirPaths()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => With(a =>
        {
            a["lifecycle"]!["requalification"] = new JsonObject { ["minimumNewPoints"] = -5, ["coolOffDays"] = 0, ["countHandoffs"] = "Twice" };
        }));

        var paths = error.Problems.Select(p => p.Path).ToArray();
        Assert.Contains("$.lifecycle.requalification.minimumNewPoints", paths);
        Assert.Contains("$.lifecycle.requalification.coolOffDays", paths);
        Assert.Contains("$.lifecycle.requalification.countHandoffs", paths);

        var empty = Assert.Throws<DefinitionValidationException>(() => With(a => a["lifecycle"]!["requalification"] = new JsonObject()));
        Assert.Equal("$.lifecycle.requalification", Assert.Single(empty.Problems).Path);
        Assert.Throws<DefinitionValidationException>(() => new LifecyclePolicy(
            new LifecycleDefinitions { Requalification = new RequalificationRule { MinimumNewPoints = null } },
            new QualificationThresholds(100m),
            SalesGlossary.Domain.ConnectPolicy.Default));
    }

    [Fact]
    public void CanQualify_JudgesTheLeadTypesGroupMinimums_ForABareTotal_AModelScore_AndTheCurrentScore()
    {
        var agreement = With(a => a["leadTypes"]![0]!["thresholds"] = JsonNode.Parse("{\"mql\":100,\"mqlGroups\":{\"fit\":40}}"));
        var time = new FakeTimeProvider(Monday);
        var contact = agreement.GetLeadType("new-prospect").CreateContact("C-77", LifecycleStage.Lead, time, By.Integration);
        ContactScore Score(decimal fit) => new() { Model = "m", ModelVersion = "1", AsOf = Monday, Total = 150m, Groups = [new ScorePart("fit", fit), new ScorePart("engagement", 150m - fit)] };

        var bare = contact.CanQualify(150m);
        Assert.False(bare.CanQualify);
        Assert.Equal("Contact 'C-77' has a score of 150, at or above the MQL threshold of 100, but its lead type also asks group minimums it does not meet: fit 0 of at least 40.", bare.Explanation);
        Assert.False(contact.CanQualify(Score(39.5m)).CanQualify);
        Assert.True(contact.CanQualify(Score(40m)).CanQualify);

        // The current score keeps its groups: a score that misses a minimum is recorded, and CanQualify says why it did not promote.
        contact.ApplyScore(Score(30m), By.System, null);
        Assert.Same(LifecycleStage.Lead, contact.Stage);
        Assert.Contains("fit 30 of at least 40", contact.CanQualify().Explanation, StringComparison.Ordinal);
        contact.ApplyScore(Score(45m), By.System, null);
        Assert.Same(LifecycleStage.MarketingQualifiedLead, contact.Stage);
    }
}
