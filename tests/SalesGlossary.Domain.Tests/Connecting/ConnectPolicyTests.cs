using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SalesGlossary.Domain.Tests.Connecting;

public class ConnectPolicyTests
{
    private static readonly ConnectPolicy Policy = new(new ConnectPolicyOptions { Name = "Standard", BusinessHours = BusinessHoursTests.Berlin, FirstTouchWithin = TimeSpan.FromHours(4), MinimumAttempts = 6, OverDays = 10, MinimumChannels = 2, MinimumSpacing = TimeSpan.FromHours(4) });
    private static readonly DateTimeOffset Handoff = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(1));

    private static Gen<ConnectAttempt[]> Attempts() =>
        Gen.ListOf(
            from hours in Gen.Choose(0, 24 * 20)
            from channel in Generators.SmartEnum<ConnectChannel>()
            from outcome in Gen.Frequency((6, Gen.Elements(ConnectOutcome.NoAnswer, ConnectOutcome.Busy, ConnectOutcome.LeftVoicemail)), (1, Generators.SmartEnum<ConnectOutcome>()))
            select new ConnectAttempt(Handoff.AddHours(hours), channel, outcome)).Select(l => l.ToArray());

    [Property(MaxTest = 300)]
    public Property AddingAnAttempt_NeverTurnsConnectedBackIntoInProgress() =>
        Prop.ForAll(Attempts().ToArbitrary(), Attempts().ToArbitrary(), (attempts, more) =>
        {
            var now = Handoff.AddDays(30);
            var before = Policy.Evaluate(Handoff, attempts, now).Status;
            var after = Policy.Evaluate(Handoff, [.. attempts, .. more.Take(1)], now).Status;
            return (before != ConnectStatus.Connected || after == ConnectStatus.Connected).Label($"{before} then {after}");
        });

    [Property(MaxTest = 300)]
    public Property Exhausted_RequiresAtLeastThePolicysAttempts_AndTheNextDueIsNeverBeforeTheLastAttempt() =>
        Prop.ForAll(Attempts().ToArbitrary(), attempts =>
        {
            var evaluation = Policy.Evaluate(Handoff, attempts, Handoff.AddDays(30));
            var last = attempts.Length == 0 ? Handoff : attempts.Max(a => a.At);
            return (evaluation.Status != ConnectStatus.Exhausted || (evaluation.Attempts >= Policy.MinimumAttempts && evaluation.Channels >= Policy.MinimumChannels)).Label("exhausted too early")
                .And((evaluation.NextAttemptDue is null || evaluation.NextAttemptDue >= last).Label("next due before the last attempt"))
                .Classify(evaluation.Status == ConnectStatus.Exhausted, "exhausted");
        });

    [Fact]
    public void Evaluate_ReportsStatusNextDueAndBreaches()
    {
        var attempts = new[]
        {
            new ConnectAttempt(Handoff.AddHours(6), ConnectChannel.Phone, ConnectOutcome.NoAnswer),
            new ConnectAttempt(Handoff.AddHours(7), ConnectChannel.Phone, ConnectOutcome.Busy),
        };

        var evaluation = Policy.Evaluate(Handoff, attempts, Handoff.AddDays(1));

        Assert.Equal(ConnectStatus.InProgress, evaluation.Status);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 12, 30, 0, TimeSpan.FromHours(1)), evaluation.NextAttemptDue);
        Assert.Equal(
            ["FirstTouchLate: The first touch came after 6 business hours; the policy allows 4.", "TooCloseTogether: Attempts 1 and 2 are 1 business hours apart; the policy asks for 4."],
            evaluation.Breaches.Select(b => b.Kind + ": " + b.Message));
    }

    [Fact]
    public void Evaluate_ABounce_StopsTheSequence_AndAFullSequenceIsExhausted()
    {
        var bounced = Policy.Evaluate(Handoff, [new ConnectAttempt(Handoff.AddHours(1), ConnectChannel.Email, ConnectOutcome.Bounced)], Handoff.AddDays(1));
        Assert.Equal((ConnectStatus.InProgress, ConnectOutcome.Bounced, (DateTimeOffset?)null), (bounced.Status, bounced.StoppedBy, bounced.NextAttemptDue));
        Assert.Contains(bounced.Breaches, b => b.Kind == ConnectBreachKind.TooFewAttempts);

        var full = Enumerable.Range(0, 6).Select(i => new ConnectAttempt(Handoff.AddDays(i * 2), i % 2 == 0 ? ConnectChannel.Phone : ConnectChannel.Email, ConnectOutcome.NoAnswer)).ToArray();
        Assert.Equal(ConnectStatus.Exhausted, Policy.Evaluate(Handoff, full, Handoff.AddDays(12)).Status);
        Assert.True(Policy.IsExhausted(full));
    }
}
