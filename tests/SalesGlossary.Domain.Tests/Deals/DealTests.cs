using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Deals;

public class DealTests
{
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);

    private Deal NewDeal(Pipeline? pipeline = null, Contact? contact = null) =>
        Deal.Open("D-7", pipeline ?? Pipeline.Default, contact ?? NewSql(), 50_000m, new DateOnly(2026, 6, 30), time, By.Sales.Named("sam"));

    private Contact NewSql()
    {
        var contact = Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
        contact.ApplyScore(120, By.System);
        contact.AcceptBySales(By.Sales);
        return contact;
    }

    [Fact]
    public void FirstMeetingToWon_MovesTheContactToOpportunityThenCustomer()
    {
        var contact = NewSql();
        var deal = NewDeal(contact: contact);
        Assert.Same(LifecycleStage.Opportunity, contact.Stage);
        Assert.Same(LeadStatus.OpenDeal, contact.LeadStatus);

        time.Advance(TimeSpan.FromDays(3));
        deal.MoveTo("Create proposal", By.Sales);
        time.Advance(TimeSpan.FromDays(4));
        deal.MoveTo("Present proposal", By.Sales);
        time.Advance(TimeSpan.FromDays(5));
        deal.Win(By.Sales);

        Assert.Equal("Closed won", deal.Stage.Name);
        Assert.Equal(100m, deal.Probability);
        Assert.Same(LifecycleStage.Customer, contact.Stage);
        Assert.Equal(["Create", "MoveTo", "MoveTo", "Win"], deal.History.Select(h => h.Trigger.Name));
        Assert.All(deal.History, h => Assert.Equal(50_000m, h.Amount));
        Assert.Equal(
            [("Discovery / meeting booked", TimeSpan.FromDays(3)), ("Create proposal", TimeSpan.FromDays(4)), ("Present proposal", TimeSpan.FromDays(5)), ("Closed won", TimeSpan.Zero)],
            deal.TimeInStages().Select(t => (t.Stage, t.Time)));
    }

    [Fact]
    public void Skipping_IsRefusedWhereThePipelineDoesNotAllowIt_AndNothingChanges()
    {
        var deal = NewDeal();

        var error = Assert.Throws<DealTransitionException>(() => deal.MoveTo("Present proposal", By.Sales));

        Assert.Equal(
            "Deal 'D-7' in stage 'Discovery / meeting booked' cannot move to 'Present proposal': unmet guard: the pipeline lets deals skip stages. Allowed now: MoveTo('Create proposal'), PutOnHold, Win, Lose (with a reason).",
            error.Message);
        Assert.Equal("Discovery / meeting booked", deal.Stage.Name);
        Assert.Single(deal.History);
    }

    [Fact]
    public void MovingBack_NeedsAReason()
    {
        var deal = NewDeal();
        deal.MoveTo("Create proposal", By.Sales);

        var error = Assert.Throws<DealTransitionException>(() => deal.MoveTo("Discovery / meeting booked", By.Sales));
        Assert.Equal(
            "Deal 'D-7' in stage 'Create proposal' cannot move to 'Discovery / meeting booked': unmet guard: the pipeline lets deals move back, with a reason. Allowed now: MoveTo('Discovery / meeting booked') (with a reason), MoveTo('Present proposal'), PutOnHold, Win, Lose (with a reason).",
            error.Message);

        deal.MoveTo("Discovery / meeting booked", By.Sales, "New decision maker joined");
        Assert.Equal("New decision maker joined", deal.History[^1].Reason);
    }

    [Fact]
    public void ClosedLost_NeedsALostReason_AndReopensOnlyExplicitly()
    {
        var deal = NewDeal();
        deal.MoveTo("Create proposal", By.Sales);

        var error = Assert.Throws<DealTransitionException>(() => deal.Lose(null, By.Sales));
        Assert.Equal(
            "Deal 'D-7' in stage 'Create proposal' cannot be lost: unmet guard: a lost reason is given, where the pipeline requires one. Allowed now: MoveTo('Discovery / meeting booked') (with a reason), MoveTo('Present proposal'), PutOnHold, Win, Lose (with a reason).",
            error.Message);
        deal.Lose("Chose a competitor", By.Sales);
        Assert.True(deal.IsClosed);
        Assert.Equal(0m, deal.Probability);
        var moving = Assert.Throws<DealTransitionException>(() => deal.MoveTo("Present proposal", By.Sales));
        Assert.Equal("Deal 'D-7' in stage 'Closed lost' cannot move to 'Present proposal': the pipeline has no such move from this stage. Allowed now: Reopen (with a reason).", moving.Message);

        deal.Reopen("Competitor failed the pilot", By.Sales);
        Assert.Equal("Create proposal", deal.Stage.Name);
    }

    [Fact]
    public void OnHold_ResumesWhereItLeft_AndItsTimeCountsOnlyForOnHold()
    {
        var deal = NewDeal();
        deal.MoveTo("Create proposal", By.Sales);
        time.Advance(TimeSpan.FromDays(2));
        deal.PutOnHold(By.Sales, "Budget review");
        time.Advance(TimeSpan.FromDays(10));
        Assert.Equal("Create proposal", deal.ResumeStage!.Name);
        deal.Resume(By.Sales);
        time.Advance(TimeSpan.FromDays(1));

        Assert.Equal("Create proposal", deal.Stage.Name);
        var times = deal.TimeInStages().ToDictionary(t => t.Stage, t => t.Time);
        Assert.Equal(TimeSpan.FromDays(3), times["Create proposal"]);
        Assert.Equal(TimeSpan.FromDays(10), times["On hold"]);
    }

    [Fact]
    public void Win_ForAContactInOther_IsRefusedBeforeTheDealChanges()
    {
        var contact = NewSql();
        var deal = NewDeal(contact: contact);
        contact.Disqualify(DisqualificationReason.NoBudget, By.Sales);

        Assert.Throws<LifecycleTransitionException>(() => deal.Win(By.Sales));

        Assert.Equal("Discovery / meeting booked", deal.Stage.Name);
        Assert.Single(deal.History);
    }

    [Fact]
    public void Lose_RecyclesTheContact_OnlyWhereTheDefinitionsSaySo()
    {
        var recycling = new LifecyclePolicy(new LifecycleDefinitions { RecycleWhenDealLost = true }, new QualificationThresholds(100m), ConnectPolicy.Default);
        var contact = Contact.Create("C-2", LifecycleStage.Lead, recycling, time, By.Integration);
        contact.ApplyScore(150, By.System);
        var deal = NewDeal(contact: contact);
        deal.Lose("No budget", By.Sales);
        Assert.Same(LifecycleStage.Lead, contact.Stage);
        Assert.Equal("Deal 'D-7' lost: No budget", contact.History[^1].Reason);

        var keeping = NewSql();
        var other = NewDeal(contact: keeping);
        other.Lose("No budget", By.Sales);
        Assert.Same(LifecycleStage.Opportunity, keeping.Stage);
        Assert.Same(LeadStatus.Connected, keeping.LeadStatus);
        Assert.Same(LifecycleTrigger.LoseDeal, keeping.History[^1].Trigger);
    }

    [Fact]
    public void UpdateForecast_IsRecordedWithTheAmountAtThatTime()
    {
        var deal = NewDeal();
        deal.UpdateForecast(65_000m, new DateOnly(2026, 7, 15), By.Sales, "Added maintenance");
        Assert.Equal((65_000m, new DateOnly(2026, 7, 15)), (deal.Amount, deal.ExpectedClose));
        Assert.Equal(13_000m, deal.WeightedAmount);
        Assert.Equal((DealTrigger.UpdateForecast, 65_000m, "Discovery / meeting booked"), (deal.History[^1].Trigger, deal.History[^1].Amount, deal.History[^1].To));
    }

    [Fact]
    public void Open_InAStageThatIsNotAStartStage_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Deal.Open("D-1", Pipeline.Default, NewSql(), 10m, null, time, By.Sales, "Present proposal"));
        Assert.Equal("Deals in pipeline 'Default' start in 'Discovery / meeting booked', not 'Present proposal'. (Parameter 'startStage')", error.Message);
        var unknown = Assert.Throws<ArgumentException>(() => Deal.Open("D-1", Pipeline.Default, NewSql(), 10m, null, time, By.Sales, "Negotiation"));
        Assert.StartsWith("The pipeline 'Default' has no stage 'Negotiation'. Its stages: 'Discovery / meeting booked', 'Create proposal',", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rehydrate_ContinuesExactly_AndRejectsABrokenChain()
    {
        var deal = NewDeal();
        deal.MoveTo("Create proposal", By.Sales);
        var copy = Deal.Rehydrate("D-7", Pipeline.Default, deal.History, deal.Contacts, time);
        Assert.Equal((deal.Stage, deal.Amount), (copy.Stage, copy.Amount));

        var broken = deal.History.ToArray();
        broken[1] = broken[1] with { From = "Present proposal" };
        var error = Assert.Throws<DefinitionValidationException>(() => Deal.Rehydrate("D-7", Pipeline.Default, broken, deal.Contacts, time));
        Assert.Equal("$.history[1].from: The record starts in 'Present proposal' but the previous one ended in 'Discovery / meeting booked'; the chain is broken.", error.Problems.Single().ToString());
    }
}
