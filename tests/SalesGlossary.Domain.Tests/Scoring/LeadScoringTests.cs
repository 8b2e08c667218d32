using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Tests.Scoring;

public class LeadScoringTests
{
    private static readonly LeadScoringModel<LeadFacts, LeadActivity> Sample = LeadScoringModel.LoadSample();
    private static readonly DateTimeOffset Now = Generators.ScoringNow;

    private static LeadFacts Lead(params LeadActivity[] activities) =>
        new LeadFacts { Id = "L-1", Email = "mary@acme.de", JobTitle = "Director Marketing", Department = "Marketing", Industry = "Software", Employees = 450, Country = "DE", LeadSource = "Webinar", Activities = activities };

    [Fact]
    public void Score_ExplainsEveryContribution_AndTheyAddUpToTheTotal()
    {
        var score = Sample.Score(
            Lead(
                new LeadActivity { Type = "WebinarAttended", OccurredAt = Now.AddDays(-12) },
                new LeadActivity { Type = "EmailOpen", OccurredAt = Now.AddHours(-1) },
                new LeadActivity { Type = "EmailOpen", OccurredAt = Now.AddHours(-2) },
                new LeadActivity { Type = "EmailOpen", OccurredAt = Now.AddHours(-3) },
                new LeadActivity { Type = "EmailOpen", OccurredAt = Now.AddHours(-4) },
                new LeadActivity { Type = "DemoRequest", OccurredAt = Now.AddDays(-100) }),
            Now);

        Assert.Equal(
            [
                "IndustryIsSoftware: +20 points",
                "MidMarketSize: +20 points",
                "DachRegion: +10 points",
                "SeniorTitle: +15 points",
                "EmailOpened: +2 × (1 − 50 % × 0.04 days / 30 days, at least 0) = +2",
                "EmailOpened: +2 × (1 − 50 % × 0.08 days / 30 days, at least 0) = +2",
                "EmailOpened: +2 × (1 − 50 % × 0.13 days / 30 days, at least 0) = +2",
                "EmailOpened: +2 points, over the daily maximum of 3 on 2026-03-01: 0",
                "WebinarAttended: +15 × (1 − 50 % × 12 days / 30 days, at least 0) = +12",
            ],
            score.Contributions.Select(c => c.Rule + ": " + c.Explanation));
        Assert.Equal(83m, score.Total);
        Assert.Equal(score.Total, score.Contributions.Sum(c => c.Points));
        Assert.Equal("A2", score.Grade!.ToString());
        Assert.Empty(score.HandRaises);
        Assert.True(score.IsComplete);
        Assert.Equal(("sample-lead-scoring", "1.0.0", Now), (score.Model, score.ModelVersion, score.AsOf));
    }

    [Fact]
    public void Score_Caps_RemovePointsFromTheLastContributions_AndSayWhy()
    {
        var activities = Enumerable.Range(0, 10).Select(i => new LeadActivity { Type = "WebinarAttended", OccurredAt = Now.AddMinutes(-i) }).ToArray();

        var score = Sample.Score(Lead(activities), Now);

        var engagement = score.Groups.Single(g => g.Group == "engagement");
        Assert.Equal((150m, 100m), (engagement.Raw, engagement.Cap));
        Assert.Equal(150m, score.Total);
        Assert.Equal(85m, engagement.Score);
        var webinars = score.Contributions.Where(c => c.Rule == "WebinarAttended").ToArray();
        Assert.Equal([15m, 15m, 15m, 15m, 15m, 10m, 0m, 0m, 0m, 0m], webinars.Select(c => c.Points));
        Assert.EndsWith("= +15; capped by the group 'engagement' cap of 100: +15 → 0", webinars[^1].Explanation, StringComparison.Ordinal);
        Assert.EndsWith("= +15; capped by the group 'engagement' cap of 100: +15 → +10; capped by the total cap of 150: +10 → 0", webinars[6].Explanation, StringComparison.Ordinal);
        Assert.EndsWith("= +15; capped by the total cap of 150: +15 → +10", webinars[5].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_HandRaiseRule_IsReported_AndRoutesTheContactStraightToSql()
    {
        var score = Sample.Score(Lead(new LeadActivity { Type = "DemoRequest", OccurredAt = Now.AddDays(-1) }), Now);
        Assert.Equal(["DemoRequested"], score.HandRaises);

        var prospect = ServiceLevelAgreement.Default.GetLeadType("new-prospect");
        var contact = prospect.CreateContact("C-1", LifecycleStage.Lead, new FakeTimeProvider(Now), By.Integration);
        Assert.Single(prospect.ApplyScore(contact, score, By.System).OfType<StageChanged>());
        Assert.Same(LifecycleStage.SalesQualifiedLead, contact.Stage);
        Assert.Equal("DemoRequested", contact.History[^1].Reason);
        Assert.Equal(score.Total, contact.Score);
    }

    [Fact]
    public void Score_ReachingTheMqlThreshold_PromotesTheContact()
    {
        var prospect = ServiceLevelAgreement.Default.GetLeadType("new-prospect");
        var contact = prospect.CreateContact("C-1", LifecycleStage.Lead, new FakeTimeProvider(Now), By.Integration);
        var score = Sample.Score(Lead(Enumerable.Range(0, 4).Select(i => new LeadActivity { Type = "WebinarAttended", OccurredAt = Now.AddDays(-i) }).ToArray()), Now);

        prospect.ApplyScore(contact, score, By.System);

        Assert.True(score.Total >= 100m);
        Assert.Same(LifecycleStage.MarketingQualifiedLead, contact.Stage);
    }

    [Fact]
    public void Score_RuntimeErrorForOneLead_IsReportedForThatLeadAndRule_NeverASilentZero()
    {
        var model = LeadScoringModel.Load(ModelJson.WithRules(
            "{\"RuleName\":\"LongTitle\",\"Expression\":\"lead.JobTitle.Length > 3\",\"Properties\":{\"points\":10}}",
            "{\"RuleName\":\"Ratio\",\"Expression\":\"100 / lead.Employees.Value > 1\",\"Properties\":{\"points\":5}}",
            "{\"RuleName\":\"Always\",\"Expression\":\"true\",\"Properties\":{\"points\":1}}"));

        var score = model.Score(Lead() with { JobTitle = null, Employees = 0 }, Now);

        Assert.False(score.IsComplete);
        Assert.Equal(
            [
                new ScoringError("LongTitle", null, "NullReferenceException: Object reference not set to an instance of an object."),
                new ScoringError("Ratio", null, "DivideByZeroException: Attempted to divide by zero."),
            ],
            score.Errors);
        Assert.Equal(1m, score.Total);
    }

    [Fact]
    public void Score_AsLedgerEntry_ReadsBackUnchanged()
    {
        var score = Sample.Score(Lead(new LeadActivity { Type = "WebinarAttended", OccurredAt = Now.AddDays(-3) }, new LeadActivity { Type = "DemoRequest", OccurredAt = Now.AddHours(-5) }), Now);

        var json = JsonSerializer.Serialize(score, SalesGlossaryJson.Options);
        var back = JsonSerializer.Deserialize<LeadScore>(json, SalesGlossaryJson.Options)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, SalesGlossaryJson.Options));
        Assert.Equal(score.Contributions, back.Contributions);
        Assert.Equal(score.Groups, back.Groups);
        Assert.Equal((score.Total, score.Grade, score.Model, score.ModelVersion, score.AsOf), (back.Total, back.Grade, back.Model, back.ModelVersion, back.AsOf));
    }

    [Fact]
    public void LoadFor_ScoresTheIntegratorsOwnLeadType()
    {
        var model = LeadScoringModel.LoadFor<Account, Visit>(
            ModelJson.WithRules(
                "{\"RuleName\":\"BigAccount\",\"Expression\":\"lead.Seats >= 50 && lead.Plan == \\\"Pro\\\"\",\"Properties\":{\"points\":30}}",
                "{\"RuleName\":\"DocsVisit\",\"Expression\":\"activity.Path.StartsWith(\\\"/docs\\\")\",\"Properties\":{\"points\":4,\"group\":\"engagement\",\"decay\":{\"percent\":100,\"everyDays\":10}}}"),
            account => account.Visits,
            visit => visit.At);

        var score = model.Score(new Account(60, "Pro", [new Visit("/docs/api", Now.AddDays(-5)), new Visit("/blog", Now)]), Now);

        Assert.Equal(32m, score.Total);
        Assert.Equal([30m, 2m], score.Contributions.Select(c => c.Points));
    }

    [Property(MaxTest = 100)]
    public Property Total_EqualsPlainRulesEngineMatches_AfterTheSameDecayAndCaps() =>
        Prop.ForAll(Generators.Leads().ToArbitrary(), lead =>
        {
            var expected = PlainRulesEngineReference.Total(lead, Now);
            var actual = Sample.Score(lead, Now);
            return (actual.Total == expected).Label($"library {actual.Total}, plain RulesEngine {expected}");
        });

    [Property(MaxTest = 100)]
    public Property LeadRules_MatchExactlyWherePlainRulesEngineMatchesThem() =>
        Prop.ForAll(Generators.Leads().ToArbitrary(), lead =>
        {
            var plain = PlainRulesEngineReference.MatchedLeadRules(lead);
            var leadRules = Sample.Rules.Where(r => r.Scope == ScoringScope.Lead).Select(r => r.Name).ToHashSet();
            var library = Sample.Score(lead, Now).Contributions.Where(c => leadRules.Contains(c.Rule)).Select(c => c.Rule).ToArray();
            return plain.SequenceEqual(library).Label($"plain RulesEngine [{string.Join(", ", plain)}], library [{string.Join(", ", library)}]");
        });

    [Property(MaxTest = 200)]
    public Property GroupsNeverExceedTheirCaps_TheTotalNeverExceedsTheTotalCap_AndContributionsSumToTheTotal() =>
        Prop.ForAll(Generators.Leads().ToArbitrary(), lead =>
        {
            var score = Sample.Score(lead, Now);
            return score.Groups.All(g => g.Score <= (g.Cap ?? decimal.MaxValue)).Label("group within cap")
                .And((score.Total <= 150m).Label("total within cap"))
                .And((score.Contributions.Sum(c => c.Points) == score.Total).Label("contributions sum to the total"))
                .And((score.Groups.Sum(g => g.Score) == score.Total).Label("groups sum to the total"));
        });

    [Property(MaxTest = 200)]
    public Property AddingAMatchingPositiveEvent_NeverLowersTheEngagementScore() =>
        Prop.ForAll(Generators.Leads().ToArbitrary(), Generators.Activities().ToArbitrary(), (lead, extra) =>
        {
            var positive = extra with { Type = "WebinarAttended" };
            var before = Sample.Score(lead, Now).GroupTotal("engagement");
            var after = Sample.Score(lead with { Activities = [.. lead.Activities, positive] }, Now).GroupTotal("engagement");
            return (after >= before).Label($"before {before}, after {after}");
        });

    [Property(MaxTest = 300)]
    public Property AnOlderEvent_NeverEarnsMoreThanAnIdenticalNewerOne_RuleByRule() =>
        Prop.ForAll(Generators.Activities().ToArbitrary(), Gen.Choose(0, 60 * 24 * 90).ToArbitrary(), (activity, olderBy) =>
        {
            activity = activity.OccurredAt > Now ? activity with { OccurredAt = Now } : activity;
            var newer = PerRule(Sample.Score(Lead(activity), Now));
            var older = PerRule(Sample.Score(Lead(activity with { OccurredAt = activity.OccurredAt.AddMinutes(-olderBy) }), Now));
            return older.All(o => Math.Abs(o.Value) <= Math.Abs(newer.GetValueOrDefault(o.Key)))
                .Label("older " + string.Join(", ", older) + "; newer " + string.Join(", ", newer));
        });

    private static Dictionary<string, decimal> PerRule(LeadScore score) =>
        score.Contributions.Where(c => c.ActivityIndex is not null).GroupBy(c => c.Rule).ToDictionary(g => g.Key, g => g.Sum(c => c.DecayedPoints));

    [Theory]
    [InlineData("EmailOpen", 2)]
    [InlineData("EmailClick", 5)]
    [InlineData("WebinarAttended", 15)]
    [InlineData("ContentDownload", 8)]
    [InlineData("DemoRequest", 40)]
    public void AtAgeZero_AnEventEarnsItsConfiguredPoints(string type, decimal points)
    {
        var score = Sample.Score(Lead(new LeadActivity { Type = type, OccurredAt = Now }), Now);
        Assert.Equal(points, score.Contributions.Single(c => c.ActivityIndex == 0).Points);
    }

    [Fact]
    public void FutureActivities_AreNotCounted()
    {
        var score = Sample.Score(Lead(new LeadActivity { Type = "DemoRequest", OccurredAt = Now.AddMinutes(1) }), Now);
        Assert.DoesNotContain(score.Contributions, c => c.ActivityIndex is not null);
    }

    public sealed record Account(int Seats, string Plan, IReadOnlyList<Visit> Visits);

    public sealed record Visit(string Path, DateTimeOffset At);
}
