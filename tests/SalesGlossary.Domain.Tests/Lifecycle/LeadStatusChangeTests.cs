using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>
/// The verbs that move a lead status alone: their argument checks, the exact refusal of a status a verb of its own sets,
/// the reason kept only when given, and the contact left free for the next caller after each of them.
/// </summary>
public class LeadStatusChangeTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly LeadStatus Qualifying = LeadStatus.Define(new LeadStatusDefinition { Name = "Qualifying", Number = 101, IsOpen = true, IsWorking = true });

    private static readonly LeadStatus Parked = LeadStatus.Define(new LeadStatusDefinition { Name = "Parked", Number = 102, IsClosed = true });

    private static readonly LifecyclePolicy OwnStatuses = new(
        new LifecycleDefinitions { LeadStatuses = [.. LeadStatus.List.OrderBy(s => s.Value), Qualifying, Parked] },
        new QualificationThresholds(100m),
        ConnectPolicy.Default);

    private static Contact Mql(LifecyclePolicy? policy = null)
    {
        var contact = Contact.Create("C-1", LifecycleStage.Lead, policy ?? OwnStatuses, new FakeTimeProvider(Start), By.Integration);
        contact.ApplyScore(100m, By.System);
        Assert.Same(LifecycleStage.MarketingQualifiedLead, contact.Stage);
        Assert.Same(LeadStatus.New, contact.LeadStatus);
        return contact;
    }

    private static Exception? OnAnotherThread(Action change)
    {
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                change();
            }
            catch (Exception e)
            {
                error = e;
            }
        });
        thread.Start();
        thread.Join();
        return error;
    }

    [Fact]
    public void ChangeLeadStatus_NullArguments_AreArgumentErrorsNamingThem()
    {
        var contact = Mql();

        Assert.Equal("status", Assert.Throws<ArgumentNullException>(() => contact.ChangeLeadStatus(null!, null, By.Sales)).ParamName);
        Assert.Equal("by", Assert.Throws<ArgumentNullException>(() => contact.ChangeLeadStatus(Qualifying, null, null!)).ParamName);
        Assert.Same(LeadStatus.New, contact.LeadStatus);
    }

    [Fact]
    public void StartWorkingAndMarkBadTiming_WithoutWho_AreArgumentErrorsNamingIt()
    {
        var contact = Mql();

        Assert.Equal("by", Assert.Throws<ArgumentNullException>(() => contact.StartWorking(null!)).ParamName);
        Assert.Equal("by", Assert.Throws<ArgumentNullException>(() => contact.MarkBadTiming("Budget frozen", null!)).ParamName);
        Assert.Same(LeadStatus.New, contact.LeadStatus);
    }

    [Fact]
    public void ChangeLeadStatus_StatusOutsideTheAgreement_IsRefusedWithTheKnownOnes()
    {
        var contact = Mql(LifecyclePolicy.Default);

        var error = Assert.Throws<ArgumentException>(() => contact.ChangeLeadStatus(Qualifying, null, By.Sales));

        Assert.Equal("status", error.ParamName);
        Assert.Equal(
            "Qualifying is not a lead status of the agreement of contact 'C-1'. Known: New, Open, InProgress, AttemptedToContact, Connected, OpenDeal, Unqualified, BadTiming, ReturnedNotReady. (Parameter 'status')",
            error.Message);
    }

    [Theory]
    [InlineData("New", "the handoff to sales")]
    [InlineData("InProgress", "StartWorking")]
    [InlineData("AttemptedToContact", "RecordConnectAttempt")]
    [InlineData("Connected", "RecordConnectAttempt")]
    [InlineData("OpenDeal", "Deal.Open")]
    [InlineData("Unqualified", "Disqualify")]
    [InlineData("BadTiming", "MarkBadTiming")]
    [InlineData("ReturnedNotReady", "ReturnToMarketing")]
    public void ChangeLeadStatus_StatusAVerbSets_IsRefusedNamingTheVerb(string status, string verb)
    {
        var contact = Mql();
        var target = LeadStatus.FromName(status);

        var error = Assert.Throws<LifecycleTransitionException>(() => contact.ChangeLeadStatus(target, "Because", By.Sales));

        var permitted = string.Join(", ", error.PermittedTriggers.Select(t => t.Verb).Distinct(StringComparer.Ordinal));
        Assert.Equal(
            $"Contact 'C-1' in stage Marketing Qualified Lead (lead status New) cannot ChangeLeadStatus: lead status {target.DisplayName} is set by {verb}, so that it always agrees with the record. Permitted now: {permitted}.",
            error.Message);
        Assert.Empty(error.UnmetGuards);
        Assert.Same(LeadStatus.New, contact.LeadStatus);
    }

    [Fact]
    public void SetByVerb_AnAgreementsOwnStatus_IsNeverSetByAVerb_EvenUnderAShippedName()
    {
        Assert.Null(LeadStatusRules.SetByVerb(LeadStatus.Define(new LeadStatusDefinition { Name = "InProgress", Number = 100, IsOpen = true, IsWorking = true })));
        Assert.Null(LeadStatusRules.SetByVerb(LeadStatus.Open));
        Assert.Equal("StartWorking", LeadStatusRules.SetByVerb(LeadStatus.InProgress));
    }

    [Fact]
    public void ChangeLeadStatus_KeepsTheReasonGiven_AndNoneForBlank()
    {
        var contact = Mql();

        contact.ChangeLeadStatus(Qualifying, "Event follow-up", By.Sales);
        Assert.Equal("Event follow-up", contact.History[^1].Reason);
        Assert.Same(Qualifying, contact.History[^1].ToStatus);

        contact.ChangeLeadStatus(LeadStatus.Open, "   ", By.Sales);
        Assert.Null(contact.History[^1].Reason);
        Assert.Same(LeadStatus.Open, contact.LeadStatus);
    }

    [Fact]
    public void MarkBadTiming_BlankReason_IsRefusedNamingTheGuard()
    {
        var contact = Mql();

        var error = Assert.Throws<LifecycleTransitionException>(() => contact.MarkBadTiming("  ", By.Sales));

        Assert.Equal([LifecyclePolicy.ReasonGuard], error.UnmetGuards);
        Assert.Same(LeadStatus.New, contact.LeadStatus);
    }

    [Fact]
    public void EachStatusVerb_LeavesTheContactFreeForAnotherThread()
    {
        var contact = Mql();

        contact.StartWorking(By.Sales);
        Assert.Null(OnAnotherThread(() => contact.ChangeLeadStatus(Qualifying, null, By.Sales)));
        Assert.Null(OnAnotherThread(() => contact.MarkBadTiming("Budget frozen", By.Sales)));
        contact.ChangeLeadStatus(LeadStatus.Open, null, By.Sales);
        Assert.Null(OnAnotherThread(() => contact.StartWorking(By.Sales)));
        Assert.Same(LeadStatus.InProgress, contact.LeadStatus);
    }

    [Fact]
    public void MarkBadTiming_AfterTheMove_LeavesTheContactFreeForAnotherThread()
    {
        var contact = Mql();

        contact.MarkBadTiming("Budget frozen", By.Sales);

        Assert.Null(OnAnotherThread(() => contact.ChangeLeadStatus(LeadStatus.Open, null, By.Sales)));
        Assert.Same(LeadStatus.Open, contact.LeadStatus);
    }

    [Fact]
    public void RefusedForAMissingNote_LeavesTheContactFreeForAnotherThread()
    {
        var contact = Mql();

        Assert.Throws<LifecycleTransitionException>(() => contact.Disqualify(DisqualificationReason.Other, By.Sales));

        Assert.Null(OnAnotherThread(() => contact.StartWorking(By.Sales)));
        Assert.Same(LeadStatus.InProgress, contact.LeadStatus);
    }

    [Fact]
    public void StatusOfAnEarlierAgreement_StillMovesByItsFlags()
    {
        var contact = Mql();
        contact.ChangeLeadStatus(Qualifying, null, By.Sales);
        var moved = Contact.Rehydrate(contact.ToState(), LifecyclePolicy.Default, new FakeTimeProvider(Start.AddDays(1)));
        Assert.Same(Qualifying, moved.LeadStatus);

        moved.ReturnToMarketing("Not ready", By.Sales);

        Assert.Same(LeadStatus.ReturnedNotReady, moved.LeadStatus);
        Assert.Same(LifecycleStage.Lead, moved.Stage);
    }
}
