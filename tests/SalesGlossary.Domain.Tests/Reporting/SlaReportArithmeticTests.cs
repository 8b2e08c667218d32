using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Reporting;

/// <summary>The report's periods, counts, rates, durations and attainment against values worked out by hand.</summary>
public class SlaReportArithmeticTests
{
    // Monday 09:00 in Berlin, when the standard connect policy's business day opens.
    private static readonly DateTimeOffset Monday = new(2026, 2, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly ReportPeriod Month = new(Monday.AddDays(-1), Monday.AddDays(-1).AddDays(30.44));
    private readonly FakeTimeProvider time = new(Monday);
    private readonly LeadTypePolicy prospect = ServiceLevelAgreement.Default.GetLeadType("new-prospect");

    private Contact Lead(string id) => prospect.CreateContact(id, LifecycleStage.Lead, time, By.Integration);

    /// <summary>A lead scored past the MQL threshold: handed over to sales now.</summary>
    private Contact HandedOver(string id)
    {
        var contact = Lead(id);
        contact.ApplyScore(120, By.System);
        return contact;
    }

    [Fact]
    public void Period_IncludesItsStart_AndExcludesItsEnd()
    {
        var period = new ReportPeriod(Monday, Monday.AddDays(1));
        Assert.True(period.Contains(Monday));
        Assert.False(period.Contains(Monday.AddTicks(-1)));
        Assert.True(period.Contains(Monday.AddDays(1).AddTicks(-1)));
        Assert.False(period.Contains(Monday.AddDays(1)));
    }

    [Fact]
    public void Period_CountsMonthsOf30Point44Days()
    {
        Assert.Equal(1m, Month.Months);
        Assert.Equal(0.065703m, Math.Round(new ReportPeriod(Monday, Monday.AddDays(2)).Months, 6));
        Assert.Equal(0m, new ReportPeriod(Monday, Monday).Months);
    }

    [Fact]
    public void Funnel_CountsTheCohortCreatedInThePeriod_WithConversionRoundedToOneDecimal()
    {
        var contacts = new[] { HandedOver("A"), HandedOver("B"), Lead("C") };
        var before = new FakeTimeProvider(Month.From.AddTicks(-1));
        var outside = prospect.CreateContact("Old", LifecycleStage.Lead, before, By.Integration);
        var atStart = prospect.CreateContact("Start", LifecycleStage.Lead, new FakeTimeProvider(Month.From), By.Integration);
        var atEnd = prospect.CreateContact("End", LifecycleStage.Lead, new FakeTimeProvider(Month.To), By.Integration);

        var funnel = SlaReport.ComputeFunnel([.. contacts, outside, atStart, atEnd], Month);

        Assert.Equal(LifecycleStage.InFunnelOrder.Where(s => s.IsFunnelStage), funnel.Select(f => f.Stage));
        Assert.Equal([4, 4, 2, 0, 0, 0, 0], funnel.Select(f => f.Reached));
        Assert.Equal([null, 100m, 50m, 0m, null, null, null], funnel.Select(f => f.ConversionPercent));

        var thirds = SlaReport.ComputeFunnel([HandedOver("D"), Lead("E"), Lead("F")], Month);
        Assert.Equal(33.3m, thirds[2].ConversionPercent);
        var twoThirds = SlaReport.ComputeFunnel([HandedOver("G"), HandedOver("H"), Lead("I")], Month);
        Assert.Equal(66.7m, twoThirds[2].ConversionPercent);
    }

    [Fact]
    public void NoContacts_GiveAnEmptyFunnelAndNoRejections()
    {
        var report = SlaReport.Compute(ServiceLevelAgreement.Default, [], [], Month, Monday);

        Assert.All(report.Funnel, f => Assert.Equal((0, (decimal?)null), (f.Reached, f.ConversionPercent)));
        Assert.Equal(new RejectionReport(0, 0, 0m, []), report.Rejections with { ByReason = [] });
        Assert.Empty(report.Rejections.ByReason);
        Assert.Empty(report.TimeInStage);
        Assert.Equal(0m, report.Forecast.WeightedPipeline);
    }

    [Fact]
    public void Rejections_AreCountedPerReason_MostFrequentFirst_ThenByName()
    {
        var contacts = Enumerable.Range(0, 6).Select(i => HandedOver("C-" + i)).ToArray();
        time.Advance(TimeSpan.FromHours(1));
        foreach (var contact in contacts)
        {
            contact.AcceptBySales(By.Sales);
        }

        contacts[0].ReturnToMarketing("Too small", By.Sales);
        contacts[1].ReturnToMarketing("Budget", By.Sales);
        contacts[2].ReturnToMarketing("Too small", By.Sales);
        contacts[3].ReturnToMarketing("Timing", By.Sales);

        var rejections = SlaReport.ComputeRejections(contacts, Month);

        Assert.Equal((6, 4, 66.7m), (rejections.HandedOver, rejections.Returned, rejections.RatePercent));
        Assert.Equal([new ReasonCount("Too small", 2), new ReasonCount("Budget", 1), new ReasonCount("Timing", 1)], rejections.ByReason);
    }

    [Fact]
    public void Rejections_OutsideThePeriod_DoNotCount()
    {
        var contact = HandedOver("A");
        contact.AcceptBySales(By.Sales);
        time.SetUtcNow(Month.To);
        contact.ReturnToMarketing("Late", By.Sales);

        var rejections = SlaReport.ComputeRejections([contact], Month);

        Assert.Equal((1, 0, 0m), (rejections.HandedOver, rejections.Returned, rejections.RatePercent));
        var next = SlaReport.ComputeRejections([contact], new ReportPeriod(Month.To, Month.To.AddDays(1)));
        Assert.Equal((0, 1, 0m), (next.HandedOver, next.Returned, next.RatePercent));
    }

    [Fact]
    public void Handoffs_OfARequalifiedContact_CountAsTheAgreementSays()
    {
        var every = Requalified(RequalifiedHandoffCounting.EveryHandoff);
        var first = Requalified(RequalifiedHandoffCounting.FirstHandoffOnly);

        Assert.Equal(2, every.Handoffs.Count(h => h.To == Team.Sales));
        Assert.Equal(2, SlaReport.ComputeRejections([every], Month).HandedOver);
        Assert.Equal(1, SlaReport.ComputeRejections([first], Month).HandedOver);
        Assert.Equal(1, SlaReport.ComputeRejections([first], new ReportPeriod(Monday, Monday.AddHours(1))).HandedOver);
        Assert.Equal(0, SlaReport.ComputeRejections([first], new ReportPeriod(Monday.AddHours(1), Month.To)).HandedOver);
        Assert.Equal(1, SlaReport.ComputeRejections([every], new ReportPeriod(Monday.AddHours(1), Month.To)).HandedOver);
    }

    private Contact Requalified(RequalifiedHandoffCounting counting)
    {
        var definitions = new LifecycleDefinitions { Requalification = new RequalificationRule { CountHandoffs = counting } };
        var policy = new LifecyclePolicy(definitions, new QualificationThresholds(100m), ConnectPolicy.Default);
        var clock = new FakeTimeProvider(Monday);
        var contact = Contact.Create("R", LifecycleStage.Lead, policy, clock, By.Integration);
        contact.ApplyScore(120, By.System);
        contact.AcceptBySales(By.Sales);
        clock.Advance(TimeSpan.FromHours(2));
        contact.ReturnToMarketing("Not ready", By.Sales);
        contact.ApplyScore(150, By.System);
        return contact;
    }

    [Fact]
    public void TimeInStage_GivesMedianAndNinetiethPercentile_PerStageInFunnelOrder()
    {
        var contacts = new List<Contact>();
        for (var hours = 1; hours <= 5; hours++)
        {
            var clock = new FakeTimeProvider(Monday);
            var contact = prospect.CreateContact("T-" + hours, LifecycleStage.Lead, clock, By.Integration);
            clock.Advance(TimeSpan.FromHours(hours));
            contact.ApplyScore(120, By.System);
            contacts.Add(contact);
        }

        var report = SlaReport.Compute(ServiceLevelAgreement.Default, contacts, [], Month, Monday.AddHours(10));

        var lead = report.TimeInStage[0];
        Assert.Equal(new StageDuration(LifecycleStage.Lead, 5, TimeSpan.FromHours(3), TimeSpan.FromHours(4.6)), lead);
        // Each is an MQL since 1 to 5 hours in, until the report's instant 10 hours in.
        Assert.Equal(new StageDuration(LifecycleStage.MarketingQualifiedLead, 5, TimeSpan.FromHours(7), TimeSpan.FromHours(8.6)), report.TimeInStage[1]);
        Assert.Equal(2, report.TimeInStage.Count);
    }

    [Fact]
    public void Attainment_OfQualifiedLeads_IsDeliveredAgainstTheMonthlyCommitment_CappedAt100()
    {
        var day = new ReportPeriod(Monday, Monday.AddDays(30.44 / 120 * 3));
        var contacts = new[] { HandedOver("A"), HandedOver("B") };

        var mqls = SlaReport.Compute(ServiceLevelAgreement.Default, contacts, [], day, Monday).Attainment[0];
        Assert.Equal(new Attainment(Team.Marketing, "Qualified leads handed to sales", 2m, 3m, 66.7m), mqls);

        var more = SlaReport.Compute(ServiceLevelAgreement.Default, [.. contacts, HandedOver("C"), HandedOver("D")], [], day, Monday).Attainment[0];
        Assert.Equal((4m, 3m, 100m), (more.Actual, more.Target, more.AttainmentPercent));

        var month = SlaReport.Compute(ServiceLevelAgreement.Default, contacts, [], Month, Monday).Attainment[0];
        Assert.Equal((120m, 1.7m), (month.Target, month.AttainmentPercent));
    }

    [Fact]
    public void Attainment_OfTheRejectionRate_Is100AtTheLimit_AndShrinksAboveIt()
    {
        var contacts = Enumerable.Range(0, 5).Select(i => HandedOver("C-" + i)).ToArray();
        foreach (var contact in contacts)
        {
            contact.AcceptBySales(By.Sales);
        }

        contacts[0].ReturnToMarketing("Not ready", By.Sales);
        var atLimit = SlaReport.Compute(ServiceLevelAgreement.Default, contacts, [], Month, Monday).Attainment[1];
        Assert.Equal(new Attainment(Team.Marketing, "SQL rejection rate at most the limit (%)", 20m, 20m, 100m), atLimit);

        contacts[1].ReturnToMarketing("Not ready", By.Sales);
        var above = SlaReport.Compute(ServiceLevelAgreement.Default, contacts, [], Month, Monday).Attainment[1];
        Assert.Equal((40m, 20m, 50m), (above.Actual, above.Target, above.AttainmentPercent));
    }

    [Fact]
    public void Attainment_OfSales_CountsFirstTouchesInTime_AndFullSequences()
    {
        var inTime = HandedOver("In time");
        var late = HandedOver("Late");
        var connected = HandedOver("Connected");
        var untouched = HandedOver("Untouched");
        time.Advance(TimeSpan.FromHours(4));
        inTime.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.NoAnswer), Actor.Sales);
        connected.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.Connected), Actor.Sales);
        time.Advance(TimeSpan.FromTicks(1));
        late.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.NoAnswer), Actor.Sales);

        var attainment = SlaReport.Compute(ServiceLevelAgreement.Default, [inTime, late, connected, untouched], [], Month, time.GetUtcNow()).Attainment;

        Assert.Equal(new Attainment(Team.Sales, "Handed-over leads touched in time", 2m, 4m, 50m), attainment[2]);
        Assert.Equal(new Attainment(Team.Sales, "Handed-over leads with a full attempt sequence", 1m, 4m, 25m), attainment[3]);
        Assert.Equal(untouched.Handoffs[0].At, untouched.HandedOverAt);
    }

    [Fact]
    public void Attainment_WithNothingHandedOver_IsFull()
    {
        var attainment = SlaReport.Compute(ServiceLevelAgreement.Default, [Lead("A")], [], new ReportPeriod(Monday, Monday), Monday).Attainment;

        Assert.Equal([0m, 20m, 0m, 0m], attainment.Select(a => a.Target));
        Assert.Equal([100m, 100m, 100m, 100m], attainment.Select(a => a.AttainmentPercent));
        Assert.Equal([Team.Marketing, Team.Marketing, Team.Sales, Team.Sales], attainment.Select(a => a.Team));
    }

    [Fact]
    public void Report_IncludesTheDealsForecast_AndReadsAsOneLine()
    {
        var contact = HandedOver("A");
        contact.AcceptBySales(By.Sales);
        var deal = prospect.OpenDeal("D-1", contact, 1_234.5m, null, time, By.Sales);

        var report = SlaReport.Compute(ServiceLevelAgreement.Default, [contact], [deal], Month, Monday);

        Assert.Equal(246.9m, report.Forecast.WeightedPipeline);
        Assert.Equal(Month, report.Period);
        Assert.Equal("SLA report 2026-02-01 to 2026-03-03: 1 new contacts, rejection rate 0 %, weighted pipeline 246.9.", report.ToString());
    }

    [Fact]
    public void Compute_ChecksItsArguments_NamingEach()
    {
        var agreement = ServiceLevelAgreement.Default;
        Assert.Equal("agreement", Assert.Throws<ArgumentNullException>(() => SlaReport.Compute(null!, [], [], Month, Monday)).ParamName);
        Assert.Equal("contacts", Assert.Throws<ArgumentNullException>(() => SlaReport.Compute(agreement, null!, [], Month, Monday)).ParamName);
        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => SlaReport.Compute(agreement, [], null!, Month, Monday)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => SlaReport.Compute(agreement, [], [], null!, Monday)).ParamName);
        Assert.Equal("contacts", Assert.Throws<ArgumentNullException>(() => SlaReport.ComputeFunnel(null!, Month)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => SlaReport.ComputeFunnel([Lead("A")], null!)).ParamName);
        Assert.Equal("contacts", Assert.Throws<ArgumentNullException>(() => SlaReport.ComputeRejections(null!, Month)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => SlaReport.ComputeRejections([Lead("A")], null!)).ParamName);
    }

    [Fact]
    public void Rejections_ReadAsOneLine_WithTheirReasonsMostFrequentFirst()
    {
        var contacts = Enumerable.Range(0, 6).Select(i => HandedOver("C-" + i)).ToArray();
        Assert.Equal("0 of 6 handed over returned (0 %)", SlaReport.ComputeRejections(contacts, Month).ToString());

        foreach (var contact in contacts)
        {
            contact.AcceptBySales(By.Sales);
        }

        contacts[0].ReturnToMarketing("Too small", By.Sales);
        contacts[1].ReturnToMarketing("Budget", By.Sales);
        contacts[2].ReturnToMarketing("Too small", By.Sales);

        Assert.Equal("3 of 6 handed over returned (50 %): Too small 2, Budget 1", SlaReport.ComputeRejections(contacts, Month).ToString());
        Assert.Equal("0 of 0 handed over returned (0 %)", SlaReport.ComputeRejections([], Month).ToString());
    }
}
