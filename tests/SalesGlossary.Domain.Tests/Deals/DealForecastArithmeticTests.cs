using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Deals;

/// <summary>Weighted pipeline, category totals and velocity checked against values worked out by hand.</summary>
public class DealForecastArithmeticTests
{
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);
    private int next;

    private Deal NewDeal(decimal amount)
    {
        next++;
        var contact = Contact.Create("C-" + next, LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
        contact.ApplyScore(120, By.System);
        contact.AcceptBySales(By.Sales);
        return Deal.Open("D-" + next, Pipeline.Default, contact, amount, null, time, By.Sales);
    }

    /// <summary>One deal in each kind of stage: 20 %, 40 %, 60 %, won, lost, on hold (left 40 %).</summary>
    private Deal[] OneOfEach()
    {
        var discovery = NewDeal(1_000m);
        var proposal = NewDeal(2_000m);
        proposal.MoveTo("Create proposal", By.Sales);
        var presentation = NewDeal(4_000m);
        presentation.MoveTo("Create proposal", By.Sales);
        presentation.MoveTo("Present proposal", By.Sales);
        var won = NewDeal(8_000m);
        won.Win(By.Sales);
        var lost = NewDeal(16_000m);
        lost.Lose("No budget", By.Sales);
        var held = NewDeal(32_000m);
        held.MoveTo("Create proposal", By.Sales);
        held.PutOnHold(By.Sales);
        return [discovery, proposal, presentation, won, lost, held];
    }

    [Fact]
    public void WeightedPipeline_CountsOpenDealsOnly_AtTheirStageProbability()
    {
        var forecast = DealForecast.For(OneOfEach());

        // 1000 × 20 % + 2000 × 40 % + 4000 × 60 %; won, lost and on hold add nothing.
        Assert.Equal(3_400m, forecast.WeightedPipeline);
        Assert.Equal(
            [
                new ForecastTotal(ForecastCategory.Pipeline, 2, 3_000m, 1_000m),
                new ForecastTotal(ForecastCategory.BestCase, 1, 4_000m, 2_400m),
                new ForecastTotal(ForecastCategory.Commit, 0, 0m, 0m),
                new ForecastTotal(ForecastCategory.Closed, 1, 8_000m, 8_000m),
                new ForecastTotal(ForecastCategory.Omitted, 1, 16_000m, 0m),
            ],
            forecast.Categories);
        Assert.Equal(new ForecastTotal(ForecastCategory.Closed, 1, 8_000m, 8_000m), forecast[ForecastCategory.Closed]);
    }

    [Fact]
    public void DealsOnHold_CountInTheStageTheyLeft_OnlyWhenAskedTo()
    {
        var forecast = DealForecast.For(OneOfEach(), includeOnHold: true);

        // The held deal counts as Create proposal: 32000 × 40 % more.
        Assert.Equal(3_400m + 12_800m, forecast.WeightedPipeline);
        Assert.Equal(new ForecastTotal(ForecastCategory.Pipeline, 3, 35_000m, 13_800m), forecast[ForecastCategory.Pipeline]);
        Assert.Equal(new ForecastTotal(ForecastCategory.Omitted, 1, 16_000m, 0m), forecast[ForecastCategory.Omitted]);
    }

    [Fact]
    public void NoDeals_GiveEveryCategoryAtZero()
    {
        var forecast = DealForecast.For([]);

        Assert.Equal(0m, forecast.WeightedPipeline);
        Assert.Equal(ForecastCategory.List.OrderBy(c => c.Value), forecast.Categories.Select(c => c.Category));
        Assert.All(forecast.Categories, c => Assert.Equal((0, 0m, 0m), (c.Deals, c.Amount, c.Weighted)));
        Assert.Throws<ArgumentNullException>(() => DealForecast.For(null!));
        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => DealForecast.Velocity(null!)).ParamName);
    }

    [Fact]
    public void WeightedAmounts_KeepFractionsExact()
    {
        var deal = NewDeal(333.33m);
        var forecast = DealForecast.For([deal, NewDeal(0.05m)]);

        Assert.Equal(66.666m + 0.01m, forecast.WeightedPipeline);
        Assert.Equal(66.666m, deal.WeightedAmount);
    }

    [Fact]
    public void Velocity_GivesCountAverageAndMedianPerStage_InOrderOfFirstAppearance()
    {
        var fast = NewDeal(1m);
        var slow = NewDeal(1m);
        var slowest = NewDeal(1m);
        time.Advance(TimeSpan.FromHours(1));
        fast.MoveTo("Create proposal", By.Sales);
        time.Advance(TimeSpan.FromHours(2));
        slow.MoveTo("Create proposal", By.Sales);
        time.Advance(TimeSpan.FromHours(6));
        slowest.MoveTo("Create proposal", By.Sales);
        fast.Win(By.Sales);
        slow.Win(By.Sales);
        slowest.Win(By.Sales);

        var velocity = DealForecast.Velocity([fast, slow, slowest]);

        Assert.Equal(["Discovery / meeting booked", "Create proposal", "Closed won"], velocity.Select(v => v.Stage));
        // Discovery: 1 h, 3 h, 9 h; Create proposal: 8 h, 6 h, 0 h.
        Assert.Equal(("Discovery / meeting booked", 3, TimeSpan.FromHours(3)), (velocity[0].Stage, velocity[0].Deals, velocity[0].Median));
        Assert.Equal(TimeSpan.FromTicks((long)(TimeSpan.FromHours(13).Ticks / 3.0)), velocity[0].Average);
        Assert.Equal(("Create proposal", 3, TimeSpan.FromHours(6)), (velocity[1].Stage, velocity[1].Deals, velocity[1].Median));
        Assert.Equal(TimeSpan.FromTicks((long)(TimeSpan.FromHours(14).Ticks / 3.0)), velocity[1].Average);
        Assert.Equal(new StageVelocity("Closed won", 3, TimeSpan.Zero, TimeSpan.Zero), velocity[2]);
    }
}
