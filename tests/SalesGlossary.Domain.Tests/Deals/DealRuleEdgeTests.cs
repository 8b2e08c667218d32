using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Deals;

/// <summary>Each pipeline rule, each amount check and each verb's refusal pinned at its edge.</summary>
public class DealRuleEdgeTests
{
    private const string Discovery = "Discovery / meeting booked";
    private const string Proposal = "Create proposal";
    private const string Presentation = "Present proposal";

    private static readonly DateTimeOffset Start = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);

    private static Pipeline WithRules(PipelineRules rules) => new("Rules", Pipeline.Default.Stages, rules);

    private Contact NewSql(string id = "C-1")
    {
        var contact = Contact.Create(id, LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
        contact.ApplyScore(120, By.System);
        contact.AcceptBySales(By.Sales);
        return contact;
    }

    private Deal NewDeal(Pipeline? pipeline = null, decimal amount = 1_000m, string? startStage = null) =>
        Deal.Open("D-1", pipeline ?? Pipeline.Default, NewSql(), amount, null, time, By.Sales, startStage);

    [Fact]
    public void Skipping_IsAcceptedWhereThePipelineAllowsIt()
    {
        var deal = NewDeal(WithRules(new PipelineRules { AllowSkipping = true }));

        Assert.True(deal.CanMoveTo(Presentation));
        deal.MoveTo(Presentation, By.Sales);

        Assert.Equal(Presentation, deal.Stage.Name);
        Assert.Equal((Discovery, Presentation), (deal.History[^1].From, deal.History[^1].To));
    }

    [Fact]
    public void CanMoveTo_AnswersAsMoveToDoes_ForEveryRule()
    {
        var deal = NewDeal();
        Assert.True(deal.CanMoveTo(Proposal));
        Assert.False(deal.CanMoveTo(Presentation));
        Assert.False(deal.CanMoveTo(Presentation, withReason: true));
        Assert.False(deal.CanMoveTo(Discovery));
        Assert.False(deal.CanMoveTo("Closed won"));

        deal.MoveTo(Proposal, By.Sales);
        Assert.False(deal.CanMoveTo(Discovery));
        Assert.True(deal.CanMoveTo(Discovery, withReason: true));
        Assert.Throws<ArgumentException>(() => deal.CanMoveTo("Negotiation"));
    }

    [Fact]
    public void MovingBack_IsRefusedEvenWithAReason_WhereThePipelineForbidsIt()
    {
        var deal = NewDeal(WithRules(new PipelineRules { AllowMovingBack = false }));
        deal.MoveTo(Proposal, By.Sales);

        Assert.False(deal.CanMoveTo(Discovery, withReason: true));
        var error = Assert.Throws<DealTransitionException>(() => deal.MoveTo(Discovery, By.Sales, "New decision maker"));

        Assert.Equal([DealMachine.BackGuard], error.UnmetGuards);
        Assert.Equal("D-1", error.DealId);
        Assert.Equal(Proposal, error.Stage.Name);
        Assert.Equal(["MoveTo('Present proposal')", "PutOnHold", "Win", "Lose (with a reason)"], error.Allowed);
        Assert.Equal(Proposal, deal.Stage.Name);
        Assert.Equal(2, deal.History.Count);
    }

    [Fact]
    public void MovingToTheSameStage_IsRefusedWithNoGuardNamed()
    {
        var deal = NewDeal(WithRules(new PipelineRules { AllowSkipping = true }));

        var error = Assert.Throws<DealTransitionException>(() => deal.MoveTo(Discovery, By.Sales, "again"));

        Assert.Empty(error.UnmetGuards);
        Assert.StartsWith("Deal 'D-1' in stage 'Discovery / meeting booked' cannot move to 'Discovery / meeting booked': the pipeline has no such move from this stage.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Losing_WithoutAReason_IsAcceptedWhereNoLostReasonIsRequired()
    {
        var deal = NewDeal(WithRules(new PipelineRules { RequireLostReason = false }));
        deal.PutOnHold(By.Sales);

        deal.Lose(null, By.Sales);

        Assert.Equal("Closed lost", deal.Stage.Name);
        Assert.Null(deal.History[^1].Reason);
    }

    [Fact]
    public void Losing_FromHold_NeedsAReasonWhereOneIsRequired()
    {
        var deal = NewDeal();
        deal.MoveTo(Proposal, By.Sales);
        deal.PutOnHold(By.Sales);

        var error = Assert.Throws<DealTransitionException>(() => deal.Lose("  ", By.Sales));
        Assert.Equal([DealMachine.LostReasonGuard], error.UnmetGuards);

        deal.Lose("Budget cut", By.Sales);
        Assert.Equal(Proposal, deal.ResumeStage!.Name);
        deal.Reopen("Budget back", By.Sales);
        Assert.Equal(Proposal, deal.Stage.Name);
    }

    [Fact]
    public void StartStages_AcceptEveryListedStage_AndTheFirstIsTheDefault()
    {
        var pipeline = WithRules(new PipelineRules { StartStages = [Proposal, Presentation] });

        Assert.Equal([Proposal, Presentation], pipeline.StartStages.Select(s => s.Name));
        Assert.Equal(Proposal, NewDeal(pipeline).Stage.Name);
        Assert.Equal(Presentation, NewDeal(pipeline, startStage: Presentation).Stage.Name);
        var error = Assert.Throws<ArgumentException>(() => NewDeal(pipeline, startStage: Discovery));
        Assert.Equal("Deals in pipeline 'Rules' start in 'Create proposal' or 'Present proposal', not 'Discovery / meeting booked'. (Parameter 'startStage')", error.Message);
    }

    [Fact]
    public void Amounts_ZeroIsAccepted_NegativeIsRefused_AtOpenAndUpdate()
    {
        var free = NewDeal(amount: 0m);
        Assert.Equal(0m, free.Amount);

        var open = Assert.Throws<ArgumentOutOfRangeException>(() => NewDeal(amount: -0.01m));
        Assert.Equal("amount", open.ParamName);
        Assert.Equal(-0.01m, open.ActualValue);

        var deal = NewDeal();
        var update = Assert.Throws<ArgumentOutOfRangeException>(() => deal.UpdateForecast(-1m, null, By.Sales));
        Assert.Equal("amount", update.ParamName);
        Assert.Equal(1_000m, deal.Amount);
        Assert.Single(deal.History);

        deal.UpdateForecast(0m, null, By.Sales);
        Assert.Equal(0m, deal.Amount);
    }

    [Fact]
    public void UpdateForecast_ThatChangesNothing_IsRefused_ButEitherChangeAloneIsAccepted()
    {
        var deal = NewDeal();

        var error = Assert.Throws<ArgumentException>(() => deal.UpdateForecast(1_000m, null, By.Sales));
        Assert.Equal("amount", error.ParamName);
        Assert.Single(deal.History);

        deal.UpdateForecast(1_000m, new DateOnly(2026, 9, 30), By.Sales);
        Assert.Equal((1_000m, new DateOnly(2026, 9, 30)), (deal.Amount, deal.ExpectedClose));
        deal.UpdateForecast(2_000m, new DateOnly(2026, 9, 30), By.Sales, "  ");
        Assert.Equal(2_000m, deal.Amount);
        Assert.Null(deal.History[^1].Reason);
        Assert.Equal(3, deal.History[^1].Sequence);
        Assert.Throws<ArgumentNullException>(() => deal.UpdateForecast(3_000m, null, null!));
    }

    [Fact]
    public void WeightedAmount_IsAmountTimesTheStageProbability()
    {
        var deal = NewDeal(amount: 12_345m);
        Assert.Equal(2_469m, deal.WeightedAmount);
        Assert.Equal(20m, deal.Probability);
        deal.MoveTo(Proposal, By.Sales);
        Assert.Equal(4_938m, deal.WeightedAmount);
        deal.PutOnHold(By.Sales);
        Assert.Equal(0m, deal.WeightedAmount);
        Assert.False(deal.IsClosed);
    }

    [Fact]
    public void Verbs_RefuseANullActor_AndAClockThatWentBack()
    {
        var clock = new SettableClock { Now = Start };
        var deal = Deal.Open("D-1", Pipeline.Default, NewSql(), 1_000m, null, clock, By.Sales);
        Assert.Throws<ArgumentNullException>(() => deal.MoveTo(Proposal, null!));
        Assert.Throws<ArgumentNullException>(() => deal.Win(null!));

        clock.Now = Start.AddTicks(-1);
        var error = Assert.Throws<InvalidOperationException>(() => deal.MoveTo(Proposal, By.Sales));
        Assert.Contains("before the last record of deal 'D-1'", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => deal.UpdateForecast(5m, null, By.Sales));
        Assert.Single(deal.History);

        clock.Now = Start;
        deal.MoveTo(Proposal, By.Sales);
        Assert.Equal(Start, deal.History[^1].At);
    }

    [Fact]
    public void Open_ChecksEveryArgument()
    {
        var contact = NewSql();
        Assert.Throws<ArgumentNullException>(() => Deal.Open(null!, Pipeline.Default, contact, 1m, null, time, By.Sales));
        Assert.Throws<ArgumentException>(() => Deal.Open(" ", Pipeline.Default, contact, 1m, null, time, By.Sales));
        Assert.Throws<ArgumentNullException>(() => Deal.Open("D", null!, contact, 1m, null, time, By.Sales));
        Assert.Throws<ArgumentNullException>(() => Deal.Open("D", Pipeline.Default, null!, 1m, null, time, By.Sales));
        Assert.Throws<ArgumentNullException>(() => Deal.Open("D", Pipeline.Default, contact, 1m, null, null!, By.Sales));
        Assert.Throws<ArgumentNullException>(() => Deal.Open("D", Pipeline.Default, contact, 1m, null, time, null!));
        Assert.DoesNotContain(contact.History, h => h.Trigger == LifecycleTrigger.CreateDeal);
    }

    [Fact]
    public void Open_RecordsTheCreation_WithItsEvent()
    {
        var contact = NewSql("C-9");
        var deal = Deal.Open("D-9", Pipeline.Default, contact, 500m, new DateOnly(2026, 5, 1), time, By.Sales.Named("sam"));

        var created = Assert.Single(deal.History);
        Assert.Equal(new DealTransition { Sequence = 1, From = Discovery, To = Discovery, Trigger = DealTrigger.Create, At = Start, By = By.Sales.Named("sam"), Amount = 500m, ExpectedClose = new DateOnly(2026, 5, 1), Contacts = created.Contacts }, created);
        Assert.Equal(["C-9"], created.Contacts);
        Assert.Null(deal.ResumeStage);
        Assert.Same(contact, Assert.Single(deal.Contacts));
        var changed = Assert.IsType<DealStageChanged>(Assert.Single(deal.PendingEvents));
        Assert.Equal(("D-9", "C-9", created), (changed.DealId, Assert.Single(changed.ContactIds), changed.Transition));
    }

    [Fact]
    public void EveryVerb_RaisesItsOwnEvent_AndTakeEventsHandsThemOverOnce()
    {
        var deal = NewDeal();
        deal.TakeEvents();

        Assert.IsType<DealStageChanged>(deal.MoveTo(Proposal, By.Sales)[0]);
        Assert.IsType<DealForecastUpdated>(deal.UpdateForecast(2m, null, By.Sales)[0]);
        Assert.IsType<DealLost>(deal.Lose("No budget", By.Sales)[0]);
        Assert.IsType<DealStageChanged>(deal.Reopen("Budget back", By.Sales)[0]);
        Assert.IsType<DealWon>(deal.Win(By.Sales)[0]);

        var taken = deal.TakeEvents();
        Assert.Equal(
            [typeof(DealStageChanged), typeof(DealForecastUpdated), typeof(DealLost), typeof(DealStageChanged), typeof(DealWon)],
            taken.Select(e => e.GetType()));
        Assert.Empty(deal.PendingEvents);
        Assert.Empty(deal.TakeEvents());
    }

    [Fact]
    public void Reopen_NeedsAReason_AndAWonDealReopensWhereItClosed()
    {
        var deal = NewDeal();
        deal.MoveTo(Proposal, By.Sales);
        deal.Win(By.Sales);
        Assert.True(deal.IsClosed);
        Assert.Equal(Proposal, deal.ResumeStage!.Name);

        var error = Assert.Throws<DealTransitionException>(() => deal.Reopen(" ", By.Sales));
        Assert.Equal([DealMachine.ReasonGuard], error.UnmetGuards);

        deal.Reopen("Signed in error", By.Sales);
        Assert.Equal(Proposal, deal.Stage.Name);
        Assert.False(deal.IsClosed);
    }

    [Fact]
    public void Resume_IsRefusedForADealThatIsNotOnHold()
    {
        var deal = NewDeal();

        var error = Assert.Throws<DealTransitionException>(() => deal.Resume(By.Sales));

        Assert.Empty(error.UnmetGuards);
        Assert.Contains("cannot resume", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeInStages_AddsUpRevisits_AndCountsTheOpenStageUpToNow()
    {
        var deal = NewDeal();
        time.Advance(TimeSpan.FromHours(1));
        deal.MoveTo(Proposal, By.Sales);
        time.Advance(TimeSpan.FromHours(2));
        deal.MoveTo(Discovery, By.Sales, "back");
        time.Advance(TimeSpan.FromHours(4));
        deal.MoveTo(Proposal, By.Sales);
        time.Advance(TimeSpan.FromHours(8));

        Assert.Equal([(Discovery, TimeSpan.FromHours(5)), (Proposal, TimeSpan.FromHours(10))], deal.TimeInStages().Select(t => (t.Stage, t.Time)));
    }

    [Fact]
    public void MovingADealOnHold_IsRefusedWithNoGuardNamed_AndListsWhatIsAllowed()
    {
        var deal = NewDeal();
        deal.PutOnHold(By.Sales);

        var error = Assert.Throws<DealTransitionException>(() => deal.MoveTo(Proposal, By.Sales, "go on"));

        Assert.Empty(error.UnmetGuards);
        Assert.Equal(["Resume", "Lose (with a reason)"], error.Allowed);
        Assert.Equal("On hold", error.Stage.Name);
    }

    [Fact]
    public void AClosedDeal_AllowsOnlyReopening()
    {
        var deal = NewDeal();
        deal.Win(By.Sales);

        var error = Assert.Throws<DealTransitionException>(() => deal.PutOnHold(By.Sales));

        Assert.Empty(error.UnmetGuards);
        Assert.Equal(["Reopen (with a reason)"], error.Allowed);
        Assert.Equal("Deal 'D-1' in stage 'Closed won' cannot be put on hold: the pipeline has no such move from this stage. Allowed now: Reopen (with a reason).", error.Message);
    }

    [Fact]
    public void RefusalsName_TheVerbTried()
    {
        var deal = NewDeal();
        deal.Win(By.Sales);
        Assert.Contains("cannot be won:", Assert.Throws<DealTransitionException>(() => deal.Win(By.Sales)).Message, StringComparison.Ordinal);

        var open = NewDeal();
        Assert.Contains("cannot reopen:", Assert.Throws<DealTransitionException>(() => open.Reopen("why", By.Sales)).Message, StringComparison.Ordinal);
        Assert.Equal(
            "The forecast update changes nothing: amount and expected close date are already these. (Parameter 'amount')",
            Assert.Throws<ArgumentException>(() => open.UpdateForecast(open.Amount, null, By.Sales)).Message);
    }

    [Fact]
    public void ADealClosedFromItsCreationStage_ReopensThere_EvenWhenThatIsNotTheFirstStartStage()
    {
        var deal = NewDeal(WithRules(new PipelineRules { StartStages = [Proposal, Presentation] }), startStage: Presentation);
        deal.Win(By.Sales);

        Assert.Equal(Presentation, deal.ResumeStage!.Name);
        deal.Reopen("Signed in error", By.Sales);
        Assert.Equal(Presentation, deal.Stage.Name);
    }

    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
