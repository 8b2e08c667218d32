using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Lifecycle;

public class ContactTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);

    private Contact NewLead(LifecyclePolicy? policy = null) =>
        Contact.Create("C-42", LifecycleStage.Lead, policy ?? LifecyclePolicy.Default, time, By.Integration.Named("web form"));

    private static LifecyclePolicy Policy(LifecycleDefinitions definitions, QualificationThresholds? thresholds = null) =>
        new(definitions, thresholds ?? new QualificationThresholds(100m), ConnectPolicy.Default);

    private Contact NewSql()
    {
        var contact = NewLead();
        contact.ApplyScore(120, By.System);
        contact.AcceptBySales(By.Sales.Named("sam"));
        return contact;
    }

    [Fact]
    public void Journey_FromSubscriberToCustomer_RecordsEveryStep()
    {
        var contact = Contact.Create("C-1", LifecycleStage.Subscriber, LifecyclePolicy.Default, time, By.Integration);
        time.Advance(TimeSpan.FromDays(1));
        contact.Convert(By.Integration);
        time.Advance(TimeSpan.FromDays(2));
        Assert.Single(contact.ApplyScore(130, By.System).OfType<StageChanged>());
        time.Advance(TimeSpan.FromHours(3));
        contact.AcceptBySales(By.Sales.Named("sam"));
        contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.Connected, "sam"), Actor.Sales);
        time.Advance(TimeSpan.FromDays(5));
        contact.RecordDealCreated(By.Sales.Named("sam"), "D-7");
        time.Advance(TimeSpan.FromDays(30));
        contact.RecordDealWon(By.Sales.Named("sam"), "D-7");

        Assert.Same(LifecycleStage.Customer, contact.Stage);
        Assert.Equal(
            ["Create", "Convert", "ReachMqlThreshold", "AcceptBySales", "RecordConnectAttempt", "CreateDeal", "WinDeal"],
            contact.History.Select(r => r.Trigger.Name));
        Assert.Equal(
            [null, null, "New", "New", "Connected", "OpenDeal", null],
            contact.History.Select(r => r.ToStatus?.Name));
        var mql = contact.History[2];
        Assert.Equal(130m, mql.Score);
        Assert.Equal(By.System, mql.By);
        Assert.Equal(Start.AddDays(3), mql.At);
        Assert.Same(LifecycleStage.MarketingQualifiedLead, contact.StageAt(Start.AddDays(3).AddHours(1)));
        Assert.Same(LifecycleStage.Subscriber, contact.StageAt(Start));
        Assert.Null(contact.StageAt(Start.AddTicks(-1)));
    }

    [Fact]
    public void ReturnToMarketing_SendsTheSqlBackToNurtureWithReason()
    {
        var contact = NewSql();

        contact.ReturnToMarketing("No budget before Q3", By.Sales.Named("sam"));

        Assert.Same(LifecycleStage.Lead, contact.Stage);
        Assert.Same(LeadStatus.ReturnedNotReady, contact.LeadStatus);
        var record = contact.History[^1];
        Assert.Equal(("No budget before Q3", "sam", LifecycleTrigger.ReturnToMarketing), (record.Reason, record.By.Name, record.Trigger));
        Assert.Same(LifecycleStage.SalesQualifiedLead, record.From);
    }

    [Fact]
    public void ApplyScore_BelowThreshold_ChangesNothingButTheScore()
    {
        var contact = NewLead();

        Assert.Empty(contact.ApplyScore(99.5m, By.System).OfType<StageChanged>());

        Assert.Equal(99.5m, contact.Score);
        Assert.Same(LifecycleStage.Lead, contact.Stage);
        Assert.Single(contact.History);
    }

    [Fact]
    public void ApplyScore_UsesTheThresholdsOfTheLeadType()
    {
        var prospect = NewLead(Policy(new LifecycleDefinitions(), new QualificationThresholds(100m)));
        var customer = NewLead(Policy(new LifecycleDefinitions(), new QualificationThresholds(200m)));

        prospect.ApplyScore(150, By.System);
        customer.ApplyScore(150, By.System);

        Assert.Same(LifecycleStage.MarketingQualifiedLead, prospect.Stage);
        Assert.Same(LifecycleStage.Lead, customer.Stage);
    }

    [Fact]
    public void ApplyScore_AboveBothThresholds_PromotesTwiceWhereSqlsQualifyByScore()
    {
        var policy = Policy(new LifecycleDefinitions { SqlQualification = SqlQualification.Score }, new QualificationThresholds(100m, 180m));
        var contact = NewLead(policy);

        Assert.Equal(2, contact.ApplyScore(200, By.System).OfType<StageChanged>().Count());
        Assert.Same(LifecycleStage.SalesQualifiedLead, contact.Stage);
        var error = Assert.Throws<LifecycleTransitionException>(() => NewLead(policy).AcceptBySales(By.Sales));
        Assert.Equal(LifecycleStage.Lead, error.Stage);
    }

    [Fact]
    public void ApplyScore_Lower_NeverDemotes()
    {
        var contact = NewSql();
        contact.ApplyScore(-40, By.System);
        Assert.Same(LifecycleStage.SalesQualifiedLead, contact.Stage);
    }

    [Fact]
    public void AcceptBySales_OnALead_NamesStageTriggerAndWhatIsPermitted()
    {
        var contact = NewLead();
        var before = contact.ToState();

        var error = Assert.Throws<LifecycleTransitionException>(() => contact.AcceptBySales(By.Sales));

        Assert.Equal(
            "Contact 'C-42' in stage Lead cannot AcceptBySales: AcceptBySales is not possible from Lead. Permitted now: HandRaise, Deal.Open, Deal.Win, Disqualify.",
            error.Message);
        Assert.Empty(error.UnmetGuards);
        Assert.Equal(before.History, contact.History);
    }

    [Fact]
    public void AcceptBySales_WhereSqlsQualifyByScoreOnly_NamesTheUnmetGuard()
    {
        var policy = Policy(new LifecycleDefinitions { SqlQualification = SqlQualification.Score }, new QualificationThresholds(100m, 300m));
        var contact = NewLead(policy);
        contact.ApplyScore(150, By.System);

        var error = Assert.Throws<LifecycleTransitionException>(() => contact.AcceptBySales(By.Sales));

        Assert.Equal(
            "Contact 'C-42' in stage Marketing Qualified Lead (lead status New) cannot AcceptBySales: unmet guard: the agreement qualifies SQLs by sales acceptance. Permitted now: HandRaise, Deal.Open, Deal.Win, ReturnToMarketing, Disqualify.",
            error.Message);
        Assert.Equal([LifecyclePolicy.SqlByAcceptanceGuard], error.UnmetGuards);
    }

    [Fact]
    public void HandRaise_WithoutARoute_NamesBothRouteGuards()
    {
        var policy = Policy(new LifecycleDefinitions { HandRaiseRoute = null });
        var contact = NewLead(policy);

        var error = Assert.Throws<LifecycleTransitionException>(() => contact.HandRaise("Demo request", By.Integration));

        Assert.Equal(
            "Contact 'C-42' in stage Lead cannot HandRaise: unmet guards: the agreement routes hand-raises to MQL; the agreement routes hand-raises straight to SQL. Permitted now: Deal.Open, Deal.Win, Disqualify.",
            error.Message);
    }

    [Fact]
    public void HandRaise_RoutesStraightToSqlByDefault()
    {
        var contact = NewLead();
        contact.HandRaise("Demo request", By.Integration);
        Assert.Same(LifecycleStage.SalesQualifiedLead, contact.Stage);
        Assert.Equal("Demo request", contact.History[^1].Reason);
    }

    [Fact]
    public void Disqualify_UnableToReach_BeforeTheConnectPolicyIsExhausted_IsRefused()
    {
        var contact = NewSql();
        for (var i = 0; i < 5; i++)
        {
            contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.NoAnswer), Actor.Sales);
        }

        Assert.False(contact.CanDisqualify(DisqualificationReason.UnableToReach));
        var error = Assert.Throws<LifecycleTransitionException>(() => contact.Disqualify(DisqualificationReason.UnableToReach, By.Sales));
        Assert.Equal(
            "Contact 'C-42' in stage Sales Qualified Lead (lead status Attempted to contact) cannot Disqualify: unmet guard: 'unable to reach' only after the connect policy's attempts are exhausted. Permitted now: Deal.Open, Deal.Win, ReturnToMarketing.",
            error.Message);

        contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Email, ConnectOutcome.Bounced), Actor.Sales);
        Assert.True(contact.CanDisqualify(DisqualificationReason.UnableToReach));
        contact.Disqualify(DisqualificationReason.UnableToReach, By.Sales);
        Assert.Same(LifecycleStage.Other, contact.Stage);
        Assert.Same(LeadStatus.Unqualified, contact.LeadStatus);
        Assert.Same(DisqualificationReason.UnableToReach, contact.History[^1].DisqualificationReason);
    }

    [Fact]
    public void Disqualify_ForOtherReasons_NeedsNoAttempts_ButOtherNeedsANote()
    {
        var contact = NewSql();
        var error = Assert.Throws<LifecycleTransitionException>(() => contact.Disqualify(DisqualificationReason.Other, By.Sales));
        Assert.Equal(["a note says the reason, for disqualification reason Other"], error.UnmetGuards);
        Assert.Same(LifecycleStage.SalesQualifiedLead, contact.Stage);

        contact.Disqualify(DisqualificationReason.NoBudget, By.Sales, "Frozen until 2027");
        Assert.Equal("No budget: Frozen until 2027", contact.History[^1].Reason);
    }

    [Fact]
    public void ConnectAttempts_MoveTheLeadStatus_AndConnectedNeverGoesBack()
    {
        var contact = NewSql();
        contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.NoAnswer), Actor.Sales);
        Assert.Same(LeadStatus.AttemptedToContact, contact.LeadStatus);
        contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Email, ConnectOutcome.Replied), Actor.Sales);
        Assert.Same(LeadStatus.Connected, contact.LeadStatus);
        contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.Busy), Actor.Sales);
        Assert.Same(LeadStatus.Connected, contact.LeadStatus);
        Assert.Equal(3, contact.ConnectAttempts.Count);
        Assert.Equal("Attempt 2 by Email: Replied", contact.History[^1].Reason);
    }

    [Fact]
    public void ConnectAttempt_OnALead_IsRefused()
    {
        var error = Assert.Throws<LifecycleTransitionException>(() =>
            NewLead().RecordConnectAttempt(new ConnectAttempt(Start, ConnectChannel.Phone, ConnectOutcome.NoAnswer), Actor.Sales));
        Assert.Equal(
            "Contact 'C-42' in stage Lead cannot RecordConnectAttempt: connect attempts are recorded on contacts handed to sales (in a stage sales owns: Marketing Qualified Lead, Sales Qualified Lead, Opportunity). Permitted now: HandRaise, Deal.Open, Deal.Win, Disqualify.",
            error.Message);
    }

    [Fact]
    public void FirstSuccessfulConnect_MakesTheSqlAnOpportunity_WhereDefinedSo()
    {
        var policy = Policy(new LifecycleDefinitions { OpportunityDefinition = OpportunityDefinition.FirstSuccessfulConnect });
        var contact = NewLead(policy);
        contact.ApplyScore(100, By.System);
        contact.AcceptBySales(By.Sales);

        contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Meeting, ConnectOutcome.MeetingBooked, "sam"), Actor.Sales);

        Assert.Same(LifecycleStage.Opportunity, contact.Stage);
        Assert.Same(LeadStatus.Connected, contact.LeadStatus);
        contact.RecordDealCreated(By.Sales, "D-1");
        Assert.Same(LeadStatus.OpenDeal, contact.LeadStatus);
    }

    [Fact]
    public void Recycle_AndReopen_NeedAReason()
    {
        var contact = NewSql();
        contact.RecordDealCreated(By.Sales, "D-1");
        var error = Assert.Throws<LifecycleTransitionException>(() => contact.Recycle(" ", By.Sales));
        Assert.Equal(["a reason is given"], error.UnmetGuards);
        Assert.Same(LifecycleStage.Opportunity, contact.Stage);
        contact.Recycle("Lost to competitor", By.Sales);
        Assert.Same(LifecycleStage.Lead, contact.Stage);
        Assert.Null(contact.LeadStatus);
    }

    [Fact]
    public void Override_IsRecordedAsOverride_AndMustChangeSomething()
    {
        var contact = NewLead();
        contact.Override(LifecycleStage.Customer, null, "Imported from the ERP: signed contract", By.Marketing.Named("admin"));

        Assert.Same(LifecycleStage.Customer, contact.Stage);
        Assert.True(contact.History[^1].IsOverride);
        var error = Assert.Throws<ArgumentException>(() => contact.Override(LifecycleStage.Customer, null, "again", By.Marketing));
        Assert.Equal("The override changes nothing: contact 'C-42' is already in stage Customer with lead status none. (Parameter 'stage')", error.Message);
    }

    [Fact]
    public void StatusVerbs_WorkOnQualifiedLeads()
    {
        var contact = NewSql();
        contact.StartWorking(By.Sales);
        Assert.Same(LeadStatus.InProgress, contact.LeadStatus);
        contact.MarkBadTiming("Reorganisation under way", By.Sales);
        Assert.Same(LeadStatus.BadTiming, contact.LeadStatus);
        var error = Assert.Throws<LifecycleTransitionException>(() => contact.StartWorking(By.Sales));
        Assert.Equal(
            "Contact 'C-42' in stage Sales Qualified Lead (lead status Bad timing) cannot StartWorking: work starts on an MQL or SQL whose lead status is New or Open. Permitted now: Deal.Open, Deal.Win, ReturnToMarketing, Disqualify.",
            error.Message);
    }

    [Fact]
    public void Create_InALaterStage_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => Contact.Create("C-1", LifecycleStage.Customer, LifecyclePolicy.Default, time, By.Integration));
        Assert.Equal(
            "A contact starts as Subscriber or Lead, not Customer; later stages are reached through their triggers, and a contact that already has a later stage elsewhere is brought in with Contact.Import (LeadTypePolicy.ImportContact). (Parameter 'initialStage')",
            error.Message);
    }

    [Fact]
    public void ClockGoingBackward_IsRefusedAndChangesNothing()
    {
        var clock = new ManualClock(Start);
        var contact = Contact.Create("C-42", LifecycleStage.Lead, LifecyclePolicy.Default, clock, By.Integration);
        clock.Now = Start.AddHours(-1);

        var error = Assert.Throws<InvalidOperationException>(() => contact.ApplyScore(500, By.System));

        Assert.Equal(
            "The time provider says 2026-03-02T08:00:00.0000000+00:00, before the last record of contact 'C-42' at 2026-03-02T09:00:00.0000000+00:00; history times must not go backward. Check the clock.",
            error.Message);
        Assert.Same(LifecycleStage.Lead, contact.Stage);
        Assert.Single(contact.History);
        Assert.Null(contact.Score);
    }

    [Fact]
    public void TimeInStages_GivesDatesAndLatestAndCumulativeTimes()
    {
        var contact = NewLead();
        time.Advance(TimeSpan.FromDays(2));
        contact.ApplyScore(100, By.System);
        time.Advance(TimeSpan.FromDays(1));
        contact.ReturnToMarketing("Too early", By.Sales);
        time.Advance(TimeSpan.FromDays(4));
        contact.ApplyScore(120, By.System); // 20 new points since the return: the default requalification rule lets it qualify again
        time.Advance(TimeSpan.FromHours(12));

        var times = contact.TimeInStages();

        var lead = times.Single(t => t.Stage == LifecycleStage.Lead);
        var mql = times.Single(t => t.Stage == LifecycleStage.MarketingQualifiedLead);
        Assert.Equal((Start, Start.AddDays(3), Start.AddDays(7), 2), (lead.FirstEntered, lead.LastEntered, lead.LastExited, lead.Stays));
        Assert.Equal((TimeSpan.FromDays(4), TimeSpan.FromDays(6)), (lead.Latest, lead.Cumulative));
        Assert.Equal((Start.AddDays(2), Start.AddDays(7), (DateTimeOffset?)null, 2), (mql.FirstEntered, mql.LastEntered, mql.LastExited, mql.Stays));
        Assert.Equal((TimeSpan.FromHours(12), TimeSpan.FromDays(1.5)), (mql.Latest, mql.Cumulative));
    }

    [Fact]
    public void PermittedTriggers_AreAvailableWithoutFiring()
    {
        var contact = NewSql();
        Assert.Equal(["CreateDeal", "WinDeal", "ReturnToMarketing", "Disqualify"], contact.PermittedTriggers.Select(t => t.Name));
        Assert.True(contact.CanReturnToMarketing);
        Assert.False(contact.CanAcceptBySales);
        Assert.Equal(contact.History.Count + contact.ScoreHistory.Count, contact.Version);
        Assert.Equal(4, contact.Version);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
