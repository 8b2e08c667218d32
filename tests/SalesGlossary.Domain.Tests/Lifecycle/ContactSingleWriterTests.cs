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
        var contact = Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, clock, Actor.Integration);
        contact.TakeEvents();

        // The scoring thread stops inside ApplyScore, at its first look at the clock.
        clock.Arm();
        var scoring = Task.Factory.StartNew(() => contact.ApplyScore(150, Actor.System), TaskCreationOptions.LongRunning);
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
        var contact = Contact.Create("C-2", LifecycleStage.Lead, LifecyclePolicy.Default, clock, Actor.Integration);
        contact.ApplyScore(40, Actor.System);
        var deal = Deal.Open("D-1", Pipeline.Default, contact, 1000m, null, clock, Actor.Sales);
        var before = contact.Version;

        deal.Win(Actor.Sales);

        Assert.Same(LifecycleStage.Customer, contact.Stage);
        Assert.Equal(before + 1, contact.Version);
        Assert.Equal(40m, contact.Score);
    }

    private static object Attempt(Contact contact, string verb) => verb switch
    {
        "ApplyScore(total)" => contact.ApplyScore(10, Actor.System),
        "ApplyScore(model)" => contact.ApplyScore(new ContactScore { Model = "fit", ModelVersion = "1", AsOf = Start, Total = 200 }, Actor.System, null),
        "AcceptBySales" => contact.AcceptBySales(Actor.Sales),
        "ReturnToMarketing" => contact.ReturnToMarketing("Not ready", Actor.Sales),
        "RecordConnectAttempt" => contact.RecordConnectAttempt(new ConnectAttempt(Start, ConnectChannel.Phone, ConnectOutcome.NoAnswer), Actor.Sales),
        "Override" => contact.Override(LifecycleStage.Subscriber, null, "reset", Actor.Marketing),
        "ChangeLeadStatus" => contact.ChangeLeadStatus(LeadStatus.Open, null, Actor.Sales),
        "StartWorking" => contact.StartWorking(Actor.Sales),
        "MarkBadTiming" => contact.MarkBadTiming("Budget frozen", Actor.Sales),
        "Disqualify" => contact.Disqualify(DisqualificationReason.NoBudget, Actor.Sales),
        "FireSlaTimers" => contact.FireSlaTimers(),
        "TakeEvents" => contact.TakeEvents(),
        _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, "No such verb in this test."),
    };
}
