using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SalesGlossary.Domain.Tests.Reporting;

public class SlaReportTests
{
    private static readonly ReportPeriod Quarter = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));

    private static Gen<Contact[]> Contacts() =>
        Gen.ListOf(Generators.ContactStates()).Select(states => states.Select(s => Generators.Rehydrate(s, TimeProvider.System)).ToArray());

    [Property(MaxTest = 100)]
    public Property InACohort_NoStageCountsMoreThanTheStageBefore_AndAttainmentStaysWithin0And100() =>
        Prop.ForAll(Contacts().ToArbitrary(), contacts =>
        {
            var period = new ReportPeriod(Generators.ContactEpoch.AddDays(-1), Generators.ContactEpoch.AddDays(90));
            var report = SlaReport.Compute(ServiceLevelAgreement.Default, contacts, [], period, Generators.ContactEpoch.AddDays(100));
            var monotone = report.Funnel.Zip(report.Funnel.Skip(1)).All(p => p.Second.Reached <= p.First.Reached);
            return monotone.Label("funnel never grows")
                .And(report.Attainment.All(a => a.AttainmentPercent is >= 0 and <= 100).Label("attainment within 0–100 %"))
                .And((report.Funnel[0].Reached == contacts.Length).Label("every contact of the cohort counts at the first stage"))
                .Classify(report.Funnel[2].Reached > 0, "has MQLs");
        });

    [Fact]
    public void Report_CountsFunnelRejectionsAndAttainment()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 2, 2, 8, 0, 0, TimeSpan.Zero));
        var prospect = ServiceLevelAgreement.Default.GetLeadType("new-prospect");
        var contacts = Enumerable.Range(0, 4).Select(i => prospect.CreateContact("C-" + i, LifecycleStage.Lead, time, By.Integration)).ToArray();
        contacts[0].ApplyScore(120, By.System);
        contacts[1].ApplyScore(120, By.System);
        time.Advance(TimeSpan.FromHours(2));
        contacts[1].AcceptBySales(By.Sales);
        contacts[1].ReturnToMarketing("Not ready", By.Sales);
        contacts[2].HandRaise("Demo request", By.Integration);

        var report = SlaReport.Compute(ServiceLevelAgreement.Default, contacts, [], Quarter, time.GetUtcNow());

        Assert.Equal([4, 4, 3, 2, 0, 0, 0], report.Funnel.Select(f => f.Reached));
        Assert.Equal([null, 100m, 75m, 66.7m, 0m, null, null], report.Funnel.Select(f => f.ConversionPercent));
        Assert.Equal((3, 1, 33.3m), (report.Rejections.HandedOver, report.Rejections.Returned, report.Rejections.RatePercent));
        Assert.Equal([new ReasonCount("Not ready", 1)], report.Rejections.ByReason);
        var mqls = report.Attainment[0];
        Assert.Equal((Team.Marketing, 3m), (mqls.Team, mqls.Actual));
        Assert.Equal((33.3m, 20m, 60.1m), (report.Attainment[1].Actual, report.Attainment[1].Target, report.Attainment[1].AttainmentPercent));
        Assert.Equal((Team.Sales, 3m, 3m), (report.Attainment[2].Team, report.Attainment[2].Target, report.Attainment[2].Actual));
    }

    [Fact]
    public void BuyerJourney_IsInferredFromRecentActivity()
    {
        var now = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var activities = new[]
        {
            new JourneyActivity(now.AddDays(-40), BuyerJourneyStage.Awareness),
            new JourneyActivity(now.AddDays(-20), BuyerJourneyStage.Awareness),
            new JourneyActivity(now.AddDays(-2), BuyerJourneyStage.Decision),
            new JourneyActivity(now.AddDays(-1), BuyerJourneyStage.Decision),
        };
        Assert.Same(BuyerJourneyStage.Decision, BuyerJourney.Infer(activities, now, TimeSpan.FromDays(30)));
        Assert.Same(BuyerJourneyStage.Awareness, BuyerJourney.Infer(activities, now.AddDays(-10), TimeSpan.FromDays(30)));
        Assert.Null(BuyerJourney.Infer(activities, now.AddDays(100), TimeSpan.FromDays(30)));
    }
}
