
namespace SalesGlossary.Domain.Tests.Connecting;

/// <summary>Each limit of a connect policy, each breach and each status at, below and above its edge.</summary>
public class ConnectPolicyEdgeTests
{
    private static readonly BusinessHours EveryDay = new(new BusinessHoursOptions { TimeZone = "UTC", WorkingDays = [.. Enum.GetValues<DayOfWeek>()] });

    private static readonly DateTimeOffset Handoff = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static ConnectPolicy Policy(
        string name = "P",
        TimeSpan? firstTouchWithin = null,
        int minimumAttempts = 3,
        int overDays = 2,
        int minimumChannels = 2,
        TimeSpan? minimumSpacing = null,
        IReadOnlyList<ConnectOutcome>? connected = null,
        BusinessHours? hours = null) =>
        new(new ConnectPolicyOptions
        {
            Name = name,
            BusinessHours = hours ?? EveryDay,
            FirstTouchWithin = firstTouchWithin ?? TimeSpan.FromHours(4),
            MinimumAttempts = minimumAttempts,
            OverDays = overDays,
            MinimumChannels = minimumChannels,
            MinimumSpacing = minimumSpacing ?? TimeSpan.FromHours(1),
            ConnectedOutcomes = connected,
        });

    private static string[] Problems(Func<ConnectPolicy> build) =>
        [.. Assert.Throws<DefinitionValidationException>(() => build()).Problems.Select(p => p.ToString())];

    private static ConnectAttempt Attempt(double hours, ConnectChannel? channel = null, ConnectOutcome? outcome = null) =>
        new(Handoff.AddHours(hours), channel ?? ConnectChannel.Phone, outcome ?? ConnectOutcome.NoAnswer);

    [Fact]
    public void Limits_AtTheirEdges_AreAccepted()
    {
        Assert.Equal(1, Policy(minimumAttempts: 1, minimumChannels: 1).MinimumAttempts);
        Assert.Equal(1000, Policy(minimumAttempts: 1000).MinimumAttempts);
        Assert.Equal(0, Policy(overDays: 0).OverDays);
        Assert.Equal(3650, Policy(overDays: 3650).OverDays);
        Assert.Equal(TimeSpan.FromTicks(1), Policy(firstTouchWithin: TimeSpan.FromTicks(1)).FirstTouchWithin);
        Assert.Equal(TimeSpan.FromHours(100_000), Policy(firstTouchWithin: TimeSpan.FromHours(100_000)).FirstTouchWithin);
        Assert.Equal(TimeSpan.FromHours(100_000), Policy(minimumSpacing: TimeSpan.FromHours(100_000)).MinimumSpacing);
        Assert.Equal(TimeSpan.Zero, Policy(minimumSpacing: TimeSpan.Zero).MinimumSpacing);
        var channels = ConnectChannel.List.Count;
        Assert.Equal(channels, Policy(minimumAttempts: channels, minimumChannels: channels).MinimumChannels);
    }

    [Fact]
    public void Limits_JustBeyondTheirEdges_AreRefusedWithTheirPath()
    {
        Assert.Equal(["$.minimumAttempts: A sequence needs between 1 and 1000 attempts; it is 0."], Problems(() => Policy(minimumAttempts: 0, minimumChannels: 1)));
        Assert.Equal(["$.minimumAttempts: A sequence needs between 1 and 1000 attempts; it is 1001."], Problems(() => Policy(minimumAttempts: 1001)));
        Assert.Equal(["$.overDays: The days a sequence spans must be between 0 and 3650; it is -1."], Problems(() => Policy(overDays: -1)));
        Assert.Equal(["$.overDays: The days a sequence spans must be between 0 and 3650; it is 3651."], Problems(() => Policy(overDays: 3651)));
        Assert.Equal(["$.firstTouchWithin: The first touch must be due after some business time; it is not positive."], Problems(() => Policy(firstTouchWithin: TimeSpan.Zero)));
        Assert.Equal(["$.firstTouchWithin: Business-time limits above 100000 hours are not accepted."], Problems(() => Policy(firstTouchWithin: TimeSpan.FromHours(100_000).Add(TimeSpan.FromTicks(1)))));
        Assert.Equal(["$.firstTouchWithin: Business-time limits above 100000 hours are not accepted."], Problems(() => Policy(minimumSpacing: TimeSpan.FromHours(100_000).Add(TimeSpan.FromTicks(1)))));
        Assert.Equal(["$.minimumSpacing: The spacing between attempts cannot be negative."], Problems(() => Policy(minimumSpacing: TimeSpan.FromTicks(-1))));
    }

    [Fact]
    public void Channels_AreBoundedByTheChannelsThereAreAndByTheAttempts()
    {
        var channels = ConnectChannel.List.Count;
        Assert.Equal([$"$.minimumChannels: The channels must be between 1 and the number of attempts (3); it is 0."], Problems(() => Policy(minimumChannels: 0)));
        Assert.Equal([$"$.minimumChannels: The channels must be between 1 and the number of attempts ({channels + 5}); it is {channels + 1}."], Problems(() => Policy(minimumAttempts: channels + 5, minimumChannels: channels + 1)));
        Assert.Equal(["$.minimumChannels: The channels must be between 1 and the number of attempts (2); it is 3."], Problems(() => Policy(minimumAttempts: 2, minimumChannels: 3)));
    }

    [Fact]
    public void NameBusinessHoursAndConnectedOutcomes_AreRequired()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => new ConnectPolicy(new ConnectPolicyOptions { Name = " ", BusinessHours = null!, FirstTouchWithin = TimeSpan.FromHours(1), MinimumAttempts = 3, ConnectedOutcomes = [] }));
        Assert.Equal("connect policy ' '", error.Definition);
        Assert.Equal(
            [
                "$.name: The connect policy needs a name.",
                "$.businessHours: The connect policy needs business hours.",
                "$.connectedOutcomes: At least one outcome must count as connected, and none may be missing.",
            ],
            error.Problems.Select(p => p.ToString()));
        Assert.Equal(
            ["$.connectedOutcomes: At least one outcome must count as connected, and none may be missing."],
            Problems(() => Policy(connected: [ConnectOutcome.Replied, null!])));
    }

    [Fact]
    public void ConnectedOutcomes_DefaultToThoseConnectedByDefault_AndCanBeChosen()
    {
        Assert.Equal([ConnectOutcome.Connected, ConnectOutcome.Replied, ConnectOutcome.MeetingBooked], Policy().ConnectedOutcomes);
        var strict = Policy(connected: [ConnectOutcome.MeetingBooked]);
        Assert.True(strict.IsConnected(ConnectOutcome.MeetingBooked));
        Assert.False(strict.IsConnected(ConnectOutcome.Replied));
        Assert.True(Policy().IsConnected(ConnectOutcome.Replied));
        Assert.False(Policy().IsConnected(ConnectOutcome.LeftVoicemail));
        Assert.Throws<ArgumentNullException>(() => Policy().IsConnected(null!));
        Assert.Throws<ArgumentNullException>(() => Policy().IsExhausted(null!));
        Assert.Throws<ArgumentNullException>(() => Policy().Evaluate(Handoff, null!, Handoff));
    }

    [Fact]
    public void Exhausted_NeedsEveryAttemptEveryChannelAndTheWholeSpan_ExactlyAtTheLimitsCounts()
    {
        var policy = Policy(minimumAttempts: 3, overDays: 2, minimumChannels: 2);
        ConnectAttempt[] full = [Attempt(0), Attempt(24, ConnectChannel.Email), Attempt(48)];
        Assert.True(policy.IsExhausted(full));
        Assert.True(policy.IsExhausted([full[2], full[0], full[1]]));

        Assert.False(policy.IsExhausted([full[0], full[1]]));
        Assert.False(policy.IsExhausted([Attempt(0), Attempt(24), Attempt(48)]));
        Assert.False(policy.IsExhausted([Attempt(0), Attempt(24, ConnectChannel.Email), Attempt(48).With(-1)]));
        Assert.False(policy.IsExhausted([.. full, Attempt(50, outcome: ConnectOutcome.Replied)]));
        Assert.False(policy.IsExhausted([]));
    }

    [Fact]
    public void AttemptsBeforeTheHandoff_DoNotCount()
    {
        var policy = Policy(minimumAttempts: 1, minimumChannels: 1, overDays: 0);

        var before = policy.Evaluate(Handoff, [Attempt(-1, outcome: ConnectOutcome.Connected)], Handoff);
        Assert.Equal((ConnectStatus.NotStarted, 0, 0), (before.Status, before.Attempts, before.Channels));

        var atHandoff = policy.Evaluate(Handoff, [Attempt(0, outcome: ConnectOutcome.Connected)], Handoff);
        Assert.Equal((ConnectStatus.Connected, 1, 1), (atHandoff.Status, atHandoff.Attempts, atHandoff.Channels));
        Assert.Null(atHandoff.NextAttemptDue);
        Assert.Null(atHandoff.StoppedBy);
        Assert.Equal(Handoff, atHandoff.HandedOverAt);
    }

    [Fact]
    public void FirstTouch_ExactlyAtTheDueTime_IsInTime_OneTickLaterIsLate()
    {
        var policy = Policy();
        var due = Handoff.AddHours(4);

        Assert.Empty(policy.Evaluate(Handoff, [new ConnectAttempt(due, ConnectChannel.Phone, ConnectOutcome.NoAnswer)], due).Breaches);
        var late = policy.Evaluate(Handoff, [new ConnectAttempt(due.AddTicks(1), ConnectChannel.Phone, ConnectOutcome.NoAnswer)], due.AddTicks(1));
        Assert.Equal(ConnectBreachKind.FirstTouchLate, Assert.Single(late.Breaches).Kind);

        Assert.Empty(policy.Evaluate(Handoff, [], due).Breaches);
        var none = policy.Evaluate(Handoff, [], Handoff.AddHours(5.5));
        Assert.Equal(
            new ConnectBreach(ConnectBreachKind.FirstTouchLate, "The first touch has not happened after 5.5 business hours; the policy allows 4."),
            Assert.Single(none.Breaches));
        Assert.Equal((ConnectStatus.NotStarted, (DateTimeOffset?)due), (none.Status, none.NextAttemptDue));
    }

    [Fact]
    public void Spacing_ExactlyTheMinimum_IsEnough_LessIsTooClose()
    {
        var policy = Policy(minimumSpacing: TimeSpan.FromHours(1));

        var spaced = policy.Evaluate(Handoff, [Attempt(0), Attempt(1), Attempt(2)], Handoff.AddHours(2));
        Assert.Empty(spaced.Breaches);
        Assert.Equal(Handoff.AddHours(3), spaced.NextAttemptDue);

        var close = policy.Evaluate(Handoff, [Attempt(0), Attempt(1), Attempt(1.5)], Handoff.AddHours(2));
        Assert.Equal(
            [new ConnectBreach(ConnectBreachKind.TooCloseTogether, "Attempts 2 and 3 are 0.5 business hours apart; the policy asks for 1.")],
            close.Breaches);
    }

    [Fact]
    public void ASequenceStoppedEarly_IsShortOfAttemptsAndChannels()
    {
        var policy = Policy(minimumAttempts: 3, minimumChannels: 2);

        var stopped = policy.Evaluate(Handoff, [Attempt(0, ConnectChannel.Email, ConnectOutcome.Bounced)], Handoff.AddHours(1));

        Assert.Equal((ConnectStatus.InProgress, ConnectOutcome.Bounced, (DateTimeOffset?)null), (stopped.Status, stopped.StoppedBy, stopped.NextAttemptDue));
        Assert.Equal(
            [
                new ConnectBreach(ConnectBreachKind.TooFewAttempts, "1 attempts were made; the policy asks for 3."),
                new ConnectBreach(ConnectBreachKind.TooFewChannels, "The attempts used 1 channels; the policy asks for 2."),
            ],
            stopped.Breaches);
    }

    [Fact]
    public void ASequenceStillRunning_IsNotShort_UntilItsDaysHavePassed()
    {
        var policy = Policy(minimumAttempts: 3, overDays: 2, minimumChannels: 2);
        ConnectAttempt[] two = [Attempt(0), Attempt(1)];

        Assert.Empty(policy.Evaluate(Handoff, two, Handoff.AddDays(2).AddTicks(-1)).Breaches);
        Assert.Equal(
            [ConnectBreachKind.TooFewAttempts, ConnectBreachKind.TooFewChannels],
            policy.Evaluate(Handoff, two, Handoff.AddDays(2)).Breaches.Select(b => b.Kind));
        Assert.DoesNotContain(policy.Evaluate(Handoff, [], Handoff.AddDays(2).AddHours(-20)).Breaches, b => b.Kind != ConnectBreachKind.FirstTouchLate);
        Assert.Empty(policy.Evaluate(Handoff, [Attempt(0), Attempt(1, ConnectChannel.Email), Attempt(48)], Handoff.AddDays(3)).Breaches);
    }

    [Fact]
    public void ASequenceOfZeroDays_IsOverOnlyAfterTheFirstTouchWasDue()
    {
        var policy = Policy(minimumAttempts: 2, overDays: 0, minimumChannels: 1);
        ConnectAttempt[] one = [Attempt(0)];

        Assert.Empty(policy.Evaluate(Handoff, one, Handoff.AddHours(4)).Breaches);
        Assert.Equal(ConnectBreachKind.TooFewAttempts, Assert.Single(policy.Evaluate(Handoff, one, Handoff.AddHours(4).AddTicks(1)).Breaches).Kind);
    }

    [Fact]
    public void ConnectedAndExhaustedSequences_HaveNoNextAttempt_AndNoShortfall()
    {
        var policy = Policy(minimumAttempts: 3, overDays: 0, minimumChannels: 1);

        var connected = policy.Evaluate(Handoff, [Attempt(0, outcome: ConnectOutcome.MeetingBooked)], Handoff.AddDays(5));
        Assert.Equal((ConnectStatus.Connected, (DateTimeOffset?)null, (ConnectOutcome?)null), (connected.Status, connected.NextAttemptDue, connected.StoppedBy));
        Assert.Empty(connected.Breaches);

        var exhausted = policy.Evaluate(Handoff, [Attempt(0), Attempt(1), Attempt(2)], Handoff.AddDays(5));
        Assert.Equal((ConnectStatus.Exhausted, (DateTimeOffset?)null, 3), (exhausted.Status, exhausted.NextAttemptDue, exhausted.Attempts));
        Assert.Empty(exhausted.Breaches);
    }

    [Fact]
    public void Default_IsASixAttemptSequenceInUtcOfficeHours()
    {
        var policy = ConnectPolicy.Default;
        Assert.Equal(("Default follow-up", 6, 0, 1), (policy.Name, policy.MinimumAttempts, policy.OverDays, policy.MinimumChannels));
        Assert.Equal((TimeSpan.FromHours(4), TimeSpan.Zero), (policy.FirstTouchWithin, policy.MinimumSpacing));
        Assert.Equal(("UTC", new TimeOnly(9, 0), new TimeOnly(17, 0)), (policy.BusinessHours.TimeZone, policy.BusinessHours.Opens, policy.BusinessHours.Closes));
    }
}

internal static class ConnectAttemptShift
{
    /// <summary>The same attempt, moved by some ticks.</summary>
    public static ConnectAttempt With(this ConnectAttempt attempt, long ticks) => attempt with { At = attempt.At.AddTicks(ticks) };
}
