namespace SalesGlossary.Domain.Tests.Connecting;

/// <summary>What stops a sequence and when it falls short, at the edges the connect policy edge tests leave open; the evaluation's log line; the channels' and outcomes' own flags.</summary>
public class ConnectSequenceEdgeTests
{
    private static readonly BusinessHours EveryDay = new(new BusinessHoursOptions { TimeZone = "UTC", WorkingDays = [.. Enum.GetValues<DayOfWeek>()] });

    private static readonly DateTimeOffset Handoff = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static ConnectPolicy Policy(int minimumAttempts = 3, int overDays = 2, int minimumChannels = 2) =>
        new(new ConnectPolicyOptions
        {
            Name = "P",
            BusinessHours = EveryDay,
            FirstTouchWithin = TimeSpan.FromHours(4),
            MinimumAttempts = minimumAttempts,
            OverDays = overDays,
            MinimumChannels = minimumChannels,
            MinimumSpacing = TimeSpan.FromHours(1),
        });

    private static ConnectAttempt Attempt(double hours, ConnectChannel? channel = null, ConnectOutcome? outcome = null) =>
        new(Handoff.AddHours(hours), channel ?? ConnectChannel.Phone, outcome ?? ConnectOutcome.NoAnswer);

    [Fact]
    public void AttemptsMissing_IsAnArgumentErrorNamingThem()
    {
        var policy = Policy();
        Assert.Equal("attempts", Assert.Throws<ArgumentNullException>(() => policy.Evaluate(Handoff, null!, Handoff)).ParamName);
        Assert.Equal("attempts", Assert.Throws<ArgumentNullException>(() => policy.IsExhausted(null!)).ParamName);
    }

    [Fact]
    public void ABounce_StopsOnlyASequenceStillInProgress_NotOneThatConnectedOrWasExhausted()
    {
        var policy = Policy(minimumAttempts: 3, overDays: 0, minimumChannels: 2);

        var connected = policy.Evaluate(Handoff, [Attempt(0, ConnectChannel.Email, ConnectOutcome.Bounced), Attempt(2, ConnectChannel.Phone, ConnectOutcome.Connected)], Handoff.AddDays(3));
        Assert.Equal((ConnectStatus.Connected, (ConnectOutcome?)null), (connected.Status, connected.StoppedBy));
        Assert.Empty(connected.Breaches);

        var exhausted = policy.Evaluate(Handoff, [Attempt(0, ConnectChannel.Email, ConnectOutcome.Bounced), Attempt(2), Attempt(4)], Handoff.AddDays(3));
        Assert.Equal((ConnectStatus.Exhausted, (ConnectOutcome?)null), (exhausted.Status, exhausted.StoppedBy));
        Assert.True(policy.IsExhausted([Attempt(4), Attempt(0, ConnectChannel.Email, ConnectOutcome.Bounced), Attempt(2)]));

        var stopped = policy.Evaluate(Handoff, [Attempt(0, ConnectChannel.Email, ConnectOutcome.Bounced)], Handoff.AddDays(3));
        Assert.Equal((ConnectStatus.InProgress, ConnectOutcome.Bounced), (stopped.Status, stopped.StoppedBy));
    }

    [Fact]
    public void NoAttemptAtAll_IsLateButNotYetShort_HoweverLongAgoTheHandoffWas()
    {
        var evaluation = Policy(overDays: 2).Evaluate(Handoff, [], Handoff.AddDays(30));

        Assert.Equal(ConnectStatus.NotStarted, evaluation.Status);
        Assert.Equal([ConnectBreachKind.FirstTouchLate], evaluation.Breaches.Select(b => b.Kind));
        Assert.Equal(Handoff.AddHours(4), evaluation.NextAttemptDue);
    }

    [Fact]
    public void ExactlyTheAttemptsAsked_IsNotShortOfAttempts_EvenWhenShortOfChannels()
    {
        var evaluation = Policy(minimumAttempts: 3, overDays: 2, minimumChannels: 2).Evaluate(Handoff, [Attempt(0), Attempt(24), Attempt(48)], Handoff.AddDays(3));

        Assert.Equal(ConnectStatus.InProgress, evaluation.Status);
        Assert.Equal(
            ["TooFewChannels: The attempts used 1 channels; the policy asks for 2."],
            evaluation.Breaches.Select(b => b.ToString()));

        var oneShort = Policy(minimumAttempts: 3, overDays: 2, minimumChannels: 2).Evaluate(Handoff, [Attempt(0), Attempt(48, ConnectChannel.Email)], Handoff.AddDays(3));
        Assert.Equal([ConnectBreachKind.TooFewAttempts], oneShort.Breaches.Select(b => b.Kind));
    }

    [Fact]
    public void Evaluation_ReadsAsOneLogLine_WithWhatIsDueWhatStoppedItAndEveryBreach()
    {
        var policy = Policy(minimumAttempts: 3, overDays: 2, minimumChannels: 2);

        Assert.Equal(
            "InProgress: 1 attempts on 1 channels since 2026-03-02T09:00:00.0000000+00:00, next due 2026-03-02T10:00:00.0000000+00:00; no breach",
            policy.Evaluate(Handoff, [Attempt(0)], Handoff.AddHours(1)).ToString());
        Assert.Equal(
            "NotStarted: 0 attempts on 0 channels since 2026-03-02T09:00:00.0000000+00:00, next due 2026-03-02T13:00:00.0000000+00:00; FirstTouchLate: The first touch has not happened after 5 business hours; the policy allows 4.",
            policy.Evaluate(Handoff, [], Handoff.AddHours(5)).ToString());
        var stopped = policy.Evaluate(Handoff, [Attempt(0, ConnectChannel.Email, ConnectOutcome.Bounced)], Handoff.AddDays(3));
        Assert.Equal(
            "InProgress: 1 attempts on 1 channels since 2026-03-02T09:00:00.0000000+00:00, stopped by Bounced; TooFewAttempts: 1 attempts were made; the policy asks for 3.; TooFewChannels: The attempts used 1 channels; the policy asks for 2.",
            stopped.ToString());
        var connected = policy.Evaluate(Handoff, [Attempt(0, outcome: ConnectOutcome.Replied)], Handoff.AddHours(1));
        Assert.Equal("Connected: 1 attempts on 1 channels since 2026-03-02T09:00:00.0000000+00:00; no breach", connected.ToString());
    }

    [Theory]
    [InlineData("Phone", "Phone", true)]
    [InlineData("Email", "Email", false)]
    [InlineData("Voicemail", "Voicemail", false)]
    [InlineData("Social", "Social", false)]
    [InlineData("Sms", "SMS", false)]
    [InlineData("Meeting", "Meeting", true)]
    public void Channel_CarriesItsWordsAndWhetherItIsLive(string name, string displayName, bool live)
    {
        var channel = ConnectChannel.FromName(name);
        Assert.Equal((displayName, live), (channel.DisplayName, channel.IsSynchronous));
    }

    [Theory]
    [InlineData("Connected", "Connected", true, true)]
    [InlineData("Replied", "Replied", true, true)]
    [InlineData("LeftVoicemail", "Left voicemail", false, false)]
    [InlineData("LeftLiveMessage", "Left live message", false, false)]
    [InlineData("NoAnswer", "No answer", false, false)]
    [InlineData("Busy", "Busy", false, false)]
    [InlineData("WrongNumber", "Wrong number", false, false)]
    [InlineData("Bounced", "Bounced", false, true)]
    [InlineData("MeetingBooked", "Meeting booked", true, true)]
    public void Outcome_CarriesItsWordsWhetherItConnectsAndWhetherItStopsTheSequence(string name, string displayName, bool connects, bool stops)
    {
        var outcome = ConnectOutcome.FromName(name);
        Assert.Equal((displayName, connects, stops), (outcome.DisplayName, outcome.IsConnectedByDefault, outcome.StopsSequence));
    }
}
