using System.Globalization;
using Ardalis.SmartEnum;
using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>
/// What a contact's events, stage times, actors and teams say when written out: whole lines, so that a lost word or a
/// wrong choice between two words shows.
/// </summary>
public class ContactEventTextTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);

    private static ContactImport Import => ContactArgumentTests.Import with { Score = 42m };

    [Fact]
    public void ContactCreated_WithoutLeadTypeOrScore_SaysOnlyTheRecord()
    {
        var contact = Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration.Named("web form"));

        Assert.Equal(
            "ContactCreated of contact 'C-1' at 2026-03-02T09:00:00.0000000+00:00: Lead → Lead on Create by Integration (web form)",
            Assert.Single(contact.PendingEvents).ToString());
    }

    [Fact]
    public void ContactCreated_OfALeadType_NamesIt()
    {
        var contact = ServiceLevelAgreement.Default.GetLeadType("new-prospect").CreateContact("C-1", LifecycleStage.Subscriber, time, By.Integration);

        Assert.Equal(
            "ContactCreated of contact 'C-1' at 2026-03-02T09:00:00.0000000+00:00: Subscriber → Subscriber on Create by Integration, lead type new-prospect",
            Assert.Single(contact.PendingEvents).ToString());
    }

    [Fact]
    public void ContactCreated_ByImport_SaysStatusReasonLeadTypeAndScore()
    {
        var contact = ServiceLevelAgreement.Default.GetLeadType("new-prospect").ImportContact("C-9", Import, time);

        Assert.Equal(
            "ContactCreated of contact 'C-9' at 2026-03-02T09:00:00.0000000+00:00: SalesQualifiedLead → SalesQualifiedLead, status none → New on Import by Integration (migration job): CRM migration, lead type new-prospect, score 42",
            Assert.Single(contact.PendingEvents).ToString());
    }

    [Fact]
    public void ContactCreated_ByImportWithoutLeadType_SaysTheScoreAlone()
    {
        var contact = Contact.Import("C-9", Import with { LeadStatus = null }, LifecyclePolicy.Default, time);

        Assert.Equal(
            "ContactCreated of contact 'C-9' at 2026-03-02T09:00:00.0000000+00:00: SalesQualifiedLead → SalesQualifiedLead on Import by Integration (migration job): CRM migration, score 42",
            Assert.Single(contact.PendingEvents).ToString());
    }

    [Fact]
    public void StageAndStatusChanges_SayBothStatusesAndTheReason()
    {
        var contact = Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
        contact.TakeEvents();
        var mql = contact.ApplyScore(120m, By.System);
        time.Advance(TimeSpan.FromHours(1));
        var customer = contact.Override(LifecycleStage.Customer, null, "Signed elsewhere", By.Sales.Named("sam"));

        Assert.Equal(
            "StageChanged of contact 'C-1' at 2026-03-02T09:00:00.0000000+00:00: Lead → MarketingQualifiedLead, status none → New on ReachMqlThreshold by System",
            mql.OfType<StageChanged>().Single().ToString());
        Assert.Equal(
            "LeadStatusChanged of contact 'C-1' at 2026-03-02T10:00:00.0000000+00:00: MarketingQualifiedLead → Customer, status New → none on Override by Sales (sam): Signed elsewhere",
            customer.OfType<LeadStatusChanged>().Single().ToString());
    }

    [Fact]
    public void ConnectAttemptRecorded_NamesWhoMadeItOnlyWhenKnown()
    {
        var contact = Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
        contact.ApplyScore(120m, By.System);

        var named = contact.RecordConnectAttempt(new ConnectAttempt(Start, ConnectChannel.Phone, ConnectOutcome.NoAnswer, "sam"), Actor.Sales);
        var unnamed = contact.RecordConnectAttempt(new ConnectAttempt(Start, ConnectChannel.Email, ConnectOutcome.Bounced), Actor.Sales);

        Assert.Equal(
            "ConnectAttemptRecorded of contact 'C-1' at 2026-03-02T09:00:00.0000000+00:00: attempt 1 by Phone at 2026-03-02T09:00:00.0000000+00:00, NoAnswer (sam)",
            named.OfType<ConnectAttemptRecorded>().Single().ToString());
        Assert.Equal(
            "ConnectAttemptRecorded of contact 'C-1' at 2026-03-02T09:00:00.0000000+00:00: attempt 2 by Email at 2026-03-02T09:00:00.0000000+00:00, Bounced",
            unnamed.OfType<ConnectAttemptRecorded>().Single().ToString());
    }

    [Fact]
    public void StageTime_ToString_CountsStaysInWords()
    {
        var contact = Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
        time.Advance(TimeSpan.FromHours(2));
        contact.ApplyScore(120m, By.System);
        time.Advance(TimeSpan.FromDays(1));
        contact.ReturnToMarketing("Not ready", By.Sales);
        time.Advance(TimeSpan.FromHours(3));

        Assert.Equal(
            [
                "Lead: 2 stays, latest 03:00:00, cumulative 05:00:00, first entered 2026-03-02T09:00:00.0000000+00:00, still in it",
                "MarketingQualifiedLead: 1 stay, latest 1.00:00:00, cumulative 1.00:00:00, first entered 2026-03-02T11:00:00.0000000+00:00, last left 2026-03-03T11:00:00.0000000+00:00",
            ],
            contact.TimeInStages().Select(s => s.ToString()));
    }

    [Fact]
    public void TimeInStages_ClockBeforeTheLastRecord_CountsNoNegativeTime()
    {
        var clock = new SettableClock(Start);
        var contact = Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, clock, By.Integration);
        clock.Now = Start.AddHours(2);
        contact.ApplyScore(120m, By.System);
        clock.Now = Start.AddHours(1);

        var stages = contact.TimeInStages();

        Assert.Equal(
            [(LifecycleStage.Lead, TimeSpan.FromHours(2)), (LifecycleStage.MarketingQualifiedLead, TimeSpan.Zero)],
            stages.Select(s => (s.Stage, s.Cumulative)));
        Assert.Equal(TimeSpan.Zero, stages[1].Latest);
    }

    [Fact]
    public void Actor_ShippedOrDefinedByAnAgreement_IsToldApartAtNumber100()
    {
        var partner = Actor.Define(new TermDefinition { Name = "Partner", Number = 100, DisplayName = "Channel partner" });

        Assert.False(Actor.Sales.IsDefinedByAgreement);
        Assert.False(Actor.Integration.IsDefinedByAgreement);
        Assert.True(partner.IsDefinedByAgreement);
        Assert.Equal("Vertrieb", Actor.Sales.GetDisplayName(CultureInfo.GetCultureInfo("de-DE")));
        Assert.Equal("Channel partner", partner.GetDisplayName(CultureInfo.GetCultureInfo("de-DE")));
    }

    [Fact]
    public void Actor_SameNumberOtherName_IsAnotherActor()
    {
        var partner = Actor.Define(new TermDefinition { Name = "Partner", Number = 100 });

        Assert.False(partner.Equals(Actor.Define(new TermDefinition { Name = "Reseller", Number = 100 })));
        Assert.True(partner.Equals(Actor.Define(new TermDefinition { Name = "Partner", Number = 100 })));
        Assert.False(Actor.Sales.Equals((SmartEnum<Actor, int>?)null));
        Assert.False(partner.Equals((SmartEnum<Actor, int>?)null));
    }

    [Fact]
    public void Team_ShippedOrDefinedByAnAgreement_IsToldApartAtNumber100()
    {
        Assert.False(Team.Sales.IsDefinedByAgreement);
        Assert.False(Team.Service.IsDefinedByAgreement);
        Assert.True(Team.Define(new TermDefinition { Name = "Partners", Number = 100 }).IsDefinedByAgreement);
    }

    [Fact]
    public void Team_SameNumberOtherName_IsAnotherTeam()
    {
        var partners = Team.Define(new TermDefinition { Name = "Partners", Number = 100 });

        Assert.False(partners.Equals(Team.Define(new TermDefinition { Name = "Resellers", Number = 100 })));
        Assert.True(partners.Equals(Team.Define(new TermDefinition { Name = "Partners", Number = 100 })));
        Assert.False(Team.Sales.Equals((SmartEnum<Team, int>?)null));
    }

    /// <summary>A clock set by the test, which may go backward (a fake time provider refuses that).</summary>
    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
