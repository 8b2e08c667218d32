using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>
/// Rescoring at the edges of the MQL step and of the hand-raise route: at, below and above the route's stage; a clock
/// that goes backward in the middle of a promotion leaves nothing half-applied; a bare total is its own model.
/// </summary>
public class MqlRoutingBoundaryTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);

    private Contact NewLead(TimeProvider? clock = null) =>
        Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, clock ?? time, By.Integration);

    private static ContactScore Score(string model, decimal total, DateTimeOffset at) =>
        new() { Model = model, ModelVersion = "v1", AsOf = at, Total = total };

    [Fact]
    public void HandRaise_BelowTheMqlThreshold_RoutesALeadToTheRouteStage()
    {
        var contact = NewLead();

        var events = contact.ApplyScore(30m, By.System, "Demo request");

        Assert.Same(LifecycleStage.SalesQualifiedLead, contact.Stage);
        Assert.Equal(["ScoreChanged", "StageChanged"], events.Select(e => e.GetType().Name).Take(2));
        Assert.Equal((LifecycleTrigger.HandRaise, "Demo request"), (contact.History[^1].Trigger, contact.History[^1].Reason));
        Assert.Equal(30m, contact.Score);
    }

    [Fact]
    public void HandRaise_OnAContactAlreadyAtTheRouteStage_RecordsTheScoreAlone()
    {
        var contact = NewLead();
        contact.ApplyScore(30m, By.System, "Demo request");
        var records = contact.History.Count;

        var events = contact.ApplyScore(35m, By.System, "Demo request");

        Assert.Equal(["ScoreChanged"], events.Select(e => e.GetType().Name));
        Assert.Same(LifecycleStage.SalesQualifiedLead, contact.Stage);
        Assert.Equal(records, contact.History.Count);
    }

    [Fact]
    public void HandRaise_OnAContactPastTheRouteStage_RecordsTheScoreAlone()
    {
        var contact = NewLead();
        contact.Override(LifecycleStage.Opportunity, LeadStatus.New, "Deal opened in the old CRM", By.Sales);
        var records = contact.History.Count;

        var events = contact.ApplyScore(150m, By.System, "Demo request");

        Assert.Equal(["ScoreChanged"], events.Select(e => e.GetType().Name));
        Assert.Same(LifecycleStage.Opportunity, contact.Stage);
        Assert.Equal(records, contact.History.Count);
    }

    [Fact]
    public void ApplyScore_ClockGoingBackwardDuringTheRoute_RestoresEveryScoreAndEvent()
    {
        var clock = new ScriptedClock(Start);
        var contact = NewLead(clock);
        contact.ApplyScore(Score("fit", 10m, Start), By.System, null);
        var before = (contact.Score, Scores: contact.Scores.ToArray(), History: contact.ScoreHistory.ToArray(), Pending: contact.PendingEvents.ToArray(), contact.Version);

        // The score is recorded an hour later; the route's record then reads a time before the creation.
        clock.Then(Start.AddHours(1), Start.AddHours(-1));
        var error = Assert.Throws<InvalidOperationException>(() => contact.ApplyScore(Score("engagement", 30m, Start), By.System, "Demo request"));

        Assert.Equal(
            "The time provider says 2026-03-02T08:00:00.0000000+00:00, before the last record of contact 'C-1' at 2026-03-02T09:00:00.0000000+00:00; history times must not go backward. Check the clock.",
            error.Message);
        Assert.Equal(before, (contact.Score, contact.Scores.ToArray(), contact.ScoreHistory.ToArray(), contact.PendingEvents.ToArray(), contact.Version), new StateComparer());
        Assert.Same(LifecycleStage.Lead, contact.Stage);
    }

    [Fact]
    public void ApplyScore_ClockBeforeTheLastRecord_IsRefusedNamingTheContact()
    {
        var clock = new ScriptedClock(Start.AddHours(2));
        var contact = NewLead(clock);
        clock.Then(Start);

        var error = Assert.Throws<InvalidOperationException>(() => contact.ApplyScore(Score("fit", 10m, Start), By.System, null));

        Assert.Equal(
            "The time provider says 2026-03-02T09:00:00.0000000+00:00, before the last record of contact 'C-1' at 2026-03-02T11:00:00.0000000+00:00; history times must not go backward. Check the clock.",
            error.Message);
        Assert.Null(contact.Score);
        Assert.Empty(contact.ScoreHistory);
    }

    [Fact]
    public void Verb_ClockBeforeTheLastRecord_IsRefusedNamingTheContact()
    {
        var clock = new ScriptedClock(Start.AddHours(2));
        var contact = NewLead(clock);
        clock.Then(Start.AddHours(1));

        var error = Assert.Throws<InvalidOperationException>(() => contact.Override(LifecycleStage.Customer, null, "Signed elsewhere", By.Sales));

        Assert.Equal(
            "The time provider says 2026-03-02T10:00:00.0000000+00:00, before the last record of contact 'C-1' at 2026-03-02T11:00:00.0000000+00:00; history times must not go backward. Check the clock.",
            error.Message);
        Assert.Single(contact.History);
        Assert.Same(LifecycleStage.Lead, contact.Stage);
    }

    [Fact]
    public void ApplyScore_BareTotalEqualToAnotherModelsScore_IsRecordedAsItsOwnModel()
    {
        var contact = NewLead();
        contact.ApplyScore(Score("fit", 40m, Start), By.System, null);

        var events = contact.ApplyScore(40m, By.System);

        Assert.Equal(["ScoreChanged"], events.Select(e => e.GetType().Name));
        Assert.Equal(["fit", ContactScore.TotalOnlyModel], contact.Scores.Select(s => s.Model));
        Assert.Equal(2, contact.ScoreHistory.Count);
    }

    [Fact]
    public void CanQualify_NeverScored_SaysTheScoreIsNone()
    {
        var check = NewLead().CanQualify();

        Assert.False(check.CanQualify);
        Assert.Equal("Contact 'C-1' has a score of none; the MQL threshold of its lead type is 100.", check.Explanation);
    }

    [Fact]
    public void CanQualify_AfterAModelRescoredToATotalAnotherModelHas_JudgesTheLatestScoresGroups()
    {
        var policy = new LifecyclePolicy(
            new LifecycleDefinitions(),
            new QualificationThresholds(100m) { MqlGroups = [new GroupThreshold("fit", 20m)] },
            ConnectPolicy.Default);
        var contact = Contact.Create("C-1", LifecycleStage.Lead, policy, time, By.Integration);
        contact.ApplyScore(Score("behaviour", 120m, Start) with { Groups = [new ScorePart("fit", 10m)] }, By.System, null);
        contact.ApplyScore(Score("firmographic", 120m, Start) with { Groups = [new ScorePart("fit", 5m)] }, By.System, null);

        contact.ApplyScore(Score("behaviour", 120m, Start) with { ModelVersion = "v2", Groups = [new ScorePart("fit", 12m)] }, By.System, null);

        Assert.Same(LifecycleStage.Lead, contact.Stage);
        Assert.Equal(
            "Contact 'C-1' has a score of 120, at or above the MQL threshold of 100, but its lead type also asks group minimums it does not meet: fit 12 of at least 20.",
            contact.CanQualify().Explanation);
    }

    /// <summary>A clock that answers a script of instants, one per call, and then keeps the last.</summary>
    private sealed class ScriptedClock(DateTimeOffset now) : TimeProvider
    {
        private readonly Queue<DateTimeOffset> script = new();
        private DateTimeOffset current = now;

        public void Then(params DateTimeOffset[] instants)
        {
            foreach (var instant in instants)
            {
                script.Enqueue(instant);
            }
        }

        public override DateTimeOffset GetUtcNow() => script.TryDequeue(out var next) ? current = next : current;
    }

    private sealed class StateComparer : IEqualityComparer<(decimal?, ContactScore[], ScoreChange[], DomainEvent[], int)>
    {
        public bool Equals((decimal?, ContactScore[], ScoreChange[], DomainEvent[], int) x, (decimal?, ContactScore[], ScoreChange[], DomainEvent[], int) y) =>
            x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2) && x.Item3.SequenceEqual(y.Item3) && x.Item4.SequenceEqual(y.Item4) && x.Item5 == y.Item5;

        public int GetHashCode((decimal?, ContactScore[], ScoreChange[], DomainEvent[], int) obj) => obj.Item5;
    }
}
