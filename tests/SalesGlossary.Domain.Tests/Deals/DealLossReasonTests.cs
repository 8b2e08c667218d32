using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Deals;

/// <summary>
/// Losing a deal for a named reason: <c>Other</c> needs a note that says the reason, a note joins the reason's name, and
/// a refused loss leaves the deal as it was.
/// </summary>
public class DealLossReasonTests
{
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);

    private Deal NewDeal() => OpenDeals.ForNewSql(time, "D-1");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Other_WithoutANote_IsRefused_AndTheDealStaysOpen(string? note)
    {
        var deal = NewDeal();
        var stage = deal.Stage;
        var records = deal.History.Count;

        var error = Assert.Throws<ArgumentException>(() => deal.LoseFor(LostReason.Other, By.Sales, note));

        Assert.Equal("note", error.ParamName);
        Assert.StartsWith("A loss for reason Other needs a note that says the reason.", error.Message, StringComparison.Ordinal);
        Assert.Same(stage, deal.Stage);
        Assert.Equal(records, deal.History.Count);
    }

    [Fact]
    public void Other_WithANote_IsLost_WithTheNoteAfterTheReason()
    {
        var deal = NewDeal();

        deal.LoseFor(LostReason.Other, By.Sales, "moved to a reseller");

        Assert.Contains(deal.Stage, deal.Pipeline.Lost);
        Assert.Equal("Other: moved to a reseller", deal.History[^1].Reason);
    }

    [Theory]
    [InlineData(null, "Chose a competitor")]
    [InlineData("", "Chose a competitor")]
    [InlineData("  ", "Chose a competitor")]
    [InlineData("the incumbent", "Chose a competitor: the incumbent")]
    public void ANamedReason_NeedsNoNote_AndAnEmptyNoteAddsNothing(string? note, string reason)
    {
        var deal = NewDeal();

        deal.LoseFor(LostReason.Competitor, By.Sales, note);

        Assert.Contains(deal.Stage, deal.Pipeline.Lost);
        Assert.Equal(reason, deal.History[^1].Reason);
    }

    [Fact]
    public void TheReasonAndTheActor_AreChecked_NamingEach()
    {
        var deal = NewDeal();
        var stage = deal.Stage;
        var records = deal.History.Count;

        Assert.Equal("reason", Assert.Throws<ArgumentNullException>(() => deal.LoseFor(null!, By.Sales)).ParamName);
        Assert.Equal("by", Assert.Throws<ArgumentNullException>(() => deal.LoseFor(LostReason.Price, null!)).ParamName);
        Assert.Same(stage, deal.Stage);
        Assert.Equal(records, deal.History.Count);
    }
}
