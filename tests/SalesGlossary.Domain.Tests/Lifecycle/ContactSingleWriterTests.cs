namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>
/// A verb holds the contact from its first read of the state to its last write. These tests stop one verb in the middle
/// (its clock blocks) and make another caller try every verb meanwhile: each attempt must be refused with the
/// concurrent-change error, and when the first verb finishes the contact holds exactly its change.
/// </summary>
public class ContactSingleWriterTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Verbs() =>
    [
        "ApplyScore(total)", "ApplyScore(model)", "AcceptBySales", "ReturnToMarketing", "RecordConnectAttempt", "Override",
        "ChangeLeadStatus", "StartWorking", "MarkBadTiming", "Disqualify", "FireSlaTimers", "TakeEvents",
    ];

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Contact_VerbOverlappingAScoreInProgress_IsRefusedAndChangesNothing(string verb)
    {
        var clock = new GateClock(Start);
        var contact = Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, clock, By.Integration);
        contact.TakeEvents();

        // The scoring thread stops inside ApplyScore, at its first look at the clock.
        clock.Arm();
        var scoring = Task.Factory.StartNew(() => contact.ApplyScore(150, By.System), TaskCreationOptions.LongRunning);
        Assert.True(clock.WaitUntilHeld(TimeSpan.FromSeconds(30)), "The scoring thread did not reach the clock.");

        var refused = Record.Exception(() => Attempt(contact, verb));

        clock.Release();
        var events = await scoring;

        var error = Assert.IsType<InvalidOperationException>(refused);
        Assert.Contains("changed by another caller", error.Message, StringComparison.Ordinal);

        // Exactly the scoring's change: its score, the MQL step, and nothing of the refused verb.
        Assert.Equal(["ScoreChanged", "StageChanged", "LeadStatusChanged", "HandedOver"], events.Select(e => e.GetType().Name));
        Assert.Same(LifecycleStage.MarketingQualifiedLead, contact.Stage);
        Assert.Same(LeadStatus.New, contact.LeadStatus);
        Assert.Equal(150m, contact.Score);
        Assert.Equal(2, contact.History.Count);
        Assert.Single(contact.Scores);
        Assert.Single(contact.ScoreHistory);
        Assert.Empty(contact.ConnectAttempts);
        Assert.Equal(events, contact.PendingEvents);
        Assert.Equal(contact.Version, Contact.Rehydrate(contact.ToState(), LifecyclePolicy.Default, clock).Version);
    }

    [Fact]
    public void Deal_WinRecordedOnItsContact_RunsAsOneNestedChange()
    {
        // A deal's verb records on its contact from the same thread: the contact's verbs it calls share one hold.
        var clock = new GateClock(Start);
        var contact = Contact.Create("C-2", LifecycleStage.Lead, LifecyclePolicy.Default, clock, By.Integration);
        contact.ApplyScore(40, By.System);
        var deal = Deal.Open("D-1", Pipeline.Default, contact, 1000m, null, clock, By.Sales);
        var before = contact.Version;

        deal.Win(By.Sales);

        Assert.Same(LifecycleStage.Customer, contact.Stage);
        Assert.Equal(before + 1, contact.Version);
        Assert.Equal(40m, contact.Score);
    }

    private static object Attempt(Contact contact, string verb) => verb switch
    {
        "ApplyScore(total)" => contact.ApplyScore(10, By.System),
        "ApplyScore(model)" => contact.ApplyScore(new ContactScore { Model = "fit", ModelVersion = "1", AsOf = Start, Total = 200 }, By.System, null),
        "AcceptBySales" => contact.AcceptBySales(By.Sales),
        "ReturnToMarketing" => contact.ReturnToMarketing("Not ready", By.Sales),
        "RecordConnectAttempt" => contact.RecordConnectAttempt(new ConnectAttempt(Start, ConnectChannel.Phone, ConnectOutcome.NoAnswer), Actor.Sales),
        "Override" => contact.Override(LifecycleStage.Subscriber, null, "reset", By.Marketing),
        "ChangeLeadStatus" => contact.ChangeLeadStatus(LeadStatus.Open, null, By.Sales),
        "StartWorking" => contact.StartWorking(By.Sales),
        "MarkBadTiming" => contact.MarkBadTiming("Budget frozen", By.Sales),
        "Disqualify" => contact.Disqualify(DisqualificationReason.NoBudget, By.Sales),
        "FireSlaTimers" => contact.FireSlaTimers(),
        "TakeEvents" => contact.TakeEvents(),
        _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, "No such verb in this test."),
    };
}
