using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>
/// The SLA timers of a contact handed to sales on Monday 09:00 (first touch due 13:00 in business hours, attempts an
/// hour apart, a sequence of ten days), at the edges: a first touch exactly on time and a tick late, attempts recorded
/// out of order, a sequence stopped before and after the first touch was due, and the due instant of each breach.
/// </summary>
public class SlaTimerEdgeTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstTouchDue = Monday.AddHours(4);
    private static readonly DateTimeOffset SequenceEnd = Monday.AddDays(10);
    private readonly FakeTimeProvider time = new(Monday);

    private static LifecyclePolicy Policy { get; } = new(
        new LifecycleDefinitions(),
        new QualificationThresholds(100m),
        new ConnectPolicy(new ConnectPolicyOptions { Name = "Follow-up", OverDays = 10, MinimumSpacing = TimeSpan.FromHours(1) }));

    private Contact HandedOver()
    {
        var contact = Contact.Create("C-1", LifecycleStage.Lead, Policy, time, By.Integration);
        contact.ApplyScore(120m, By.System);
        Assert.Equal(Monday, contact.HandedOverAt);
        return contact;
    }

    private void Attempt(Contact contact, DateTimeOffset at, ConnectOutcome outcome)
    {
        if (at > time.GetUtcNow())
        {
            time.SetUtcNow(at);
        }

        contact.RecordConnectAttempt(new ConnectAttempt(at, ConnectChannel.Phone, outcome, "sam"), Actor.Sales);
    }

    private static (SlaTimerKind, DateTimeOffset)[] Timers(Contact contact) => [.. contact.SlaTimers().Select(t => (t.Kind, t.DueAt))];

    [Fact]
    public void FirstTouch_ExactlyWhenDue_LeavesNoFirstTouchTimer()
    {
        var contact = HandedOver();

        Attempt(contact, FirstTouchDue, ConnectOutcome.NoAnswer);

        Assert.Equal([(SlaTimerKind.NextAttempt, FirstTouchDue.AddHours(1)), (SlaTimerKind.EndOfSequence, SequenceEnd)], Timers(contact));
    }

    [Fact]
    public void FirstTouch_ATickLate_KeepsTheFirstTouchTimer()
    {
        var contact = HandedOver();

        Attempt(contact, FirstTouchDue.AddTicks(1), ConnectOutcome.NoAnswer);

        Assert.Equal(
            [(SlaTimerKind.FirstTouch, FirstTouchDue), (SlaTimerKind.NextAttempt, FirstTouchDue.AddTicks(1).AddHours(1)), (SlaTimerKind.EndOfSequence, SequenceEnd)],
            Timers(contact));
    }

    [Fact]
    public void FirstTouch_InTimeFollowedByALateAttempt_LeavesNoFirstTouchTimer()
    {
        var contact = HandedOver();

        Attempt(contact, Monday.AddHours(1), ConnectOutcome.NoAnswer);
        Attempt(contact, Monday.AddHours(5), ConnectOutcome.NoAnswer);

        Assert.Equal([(SlaTimerKind.NextAttempt, Monday.AddHours(6)), (SlaTimerKind.EndOfSequence, SequenceEnd)], Timers(contact));
    }

    [Fact]
    public void Sequence_StoppedAfterTheFirstTouchWasDue_EndsWhenItStopped()
    {
        var contact = HandedOver();

        Attempt(contact, Monday.AddHours(5), ConnectOutcome.Bounced);

        Assert.Equal([(SlaTimerKind.FirstTouch, FirstTouchDue), (SlaTimerKind.EndOfSequence, Monday.AddHours(5))], Timers(contact));
    }

    [Fact]
    public void Sequence_StoppedBeforeTheFirstTouchWasDue_EndsWhenTheFirstTouchWasDue()
    {
        var contact = HandedOver();

        Attempt(contact, Monday.AddHours(2), ConnectOutcome.Bounced);

        Assert.Equal([(SlaTimerKind.EndOfSequence, FirstTouchDue)], Timers(contact));
    }

    [Fact]
    public void AttemptsTooCloseTogether_AreBreachedOnceWhenFired_DueWhenFired()
    {
        var contact = HandedOver();
        Attempt(contact, Monday.AddHours(1), ConnectOutcome.NoAnswer);
        Attempt(contact, Monday.AddHours(1.5), ConnectOutcome.NoAnswer);

        var breach = Assert.IsType<SlaBreached>(Assert.Single(contact.FireSlaTimers())).Breach;

        Assert.Equal(
            (SlaTimerKind.NextAttempt, "TooCloseTogether", Monday.AddHours(1.5), Monday.AddHours(1.5), Monday, "Attempts 1 and 2 are 0.5 business hours apart; the policy asks for 1."),
            (breach.Kind, breach.Rule, breach.DueAt, breach.At, breach.HandedOverAt, breach.Message));
        Assert.Empty(contact.FireSlaTimers());
        Assert.Single(contact.SlaBreaches);
    }

    [Fact]
    public void SequenceEnd_FiredLate_IsDueAtTheEndOfTheSequence()
    {
        var contact = HandedOver();
        Attempt(contact, Monday.AddHours(1), ConnectOutcome.NoAnswer);
        time.SetUtcNow(SequenceEnd.AddHours(1));

        var breaches = contact.FireSlaTimers().Cast<SlaBreached>().Select(b => b.Breach).ToArray();

        var tooFew = Assert.Single(breaches);
        Assert.Equal(
            (SlaTimerKind.EndOfSequence, "TooFewAttempts", SequenceEnd, SequenceEnd.AddHours(1), "1 attempts were made; the policy asks for 6."),
            (tooFew.Kind, tooFew.Rule, tooFew.DueAt, tooFew.At, tooFew.Message));
    }

    [Fact]
    public void FirstTouch_FiredLate_IsDueWhenTheFirstTouchWas()
    {
        var contact = HandedOver();
        time.SetUtcNow(Monday.AddHours(6));

        var late = Assert.IsType<SlaBreached>(Assert.Single(contact.FireSlaTimers())).Breach;

        Assert.Equal((SlaTimerKind.FirstTouch, "FirstTouchLate", FirstTouchDue), (late.Kind, late.Rule, late.DueAt));
    }

    [Fact]
    public void HandedOver_ToSales_SaysWhenTheFirstTouchIsDue_AndBackToMarketingSaysNothing()
    {
        var contact = Contact.Create("C-1", LifecycleStage.Lead, Policy, time, By.Integration);
        var toSales = Assert.Single(contact.ApplyScore(120m, By.System).OfType<HandedOver>());
        time.Advance(TimeSpan.FromHours(1));
        var toMarketing = Assert.Single(contact.ReturnToMarketing("Not ready", By.Sales).OfType<HandedOver>());

        Assert.Equal(FirstTouchDue, toSales.FirstTouchDue);
        Assert.Null(toMarketing.FirstTouchDue);
        Assert.Equal(
            "HandedOver of contact 'C-1' at 2026-03-02T09:00:00.0000000+00:00: Marketing → Sales at 2026-03-02T09:00:00.0000000+00:00 (MarketingQualifiedLead), first touch due 2026-03-02T13:00:00.0000000+00:00",
            toSales.ToString());
        Assert.Equal(
            "HandedOver of contact 'C-1' at 2026-03-02T10:00:00.0000000+00:00: Sales → Marketing at 2026-03-02T10:00:00.0000000+00:00 (Lead)",
            toMarketing.ToString());
    }

    [Fact]
    public void SlaTimer_FiresAtItsDueInstantOnlyWhenItCannotBreach()
    {
        Assert.Equal(FirstTouchDue, new SlaTimer(SlaTimerKind.NextAttempt, FirstTouchDue).FiresAt);
        Assert.Equal(FirstTouchDue.AddTicks(1), new SlaTimer(SlaTimerKind.FirstTouch, FirstTouchDue).FiresAt);
        Assert.Equal(FirstTouchDue.AddTicks(1), new SlaTimer(SlaTimerKind.EndOfSequence, FirstTouchDue).FiresAt);
    }

    [Fact]
    public void SlaTimer_ToString_NamesKindAndDueInstant() =>
        Assert.Equal("FirstTouch due 2026-03-02T13:00:00.0000000+00:00", new SlaTimer(SlaTimerKind.FirstTouch, FirstTouchDue).ToString());
}
