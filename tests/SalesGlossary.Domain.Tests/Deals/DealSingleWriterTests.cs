namespace SalesGlossary.Domain.Tests.Deals;

/// <summary>
/// A deal's verb holds the deal from its first read to its last write. These tests stop a forecast update in the
/// middle (its clock blocks) and make another caller try every verb meanwhile: each attempt is refused, and the deal
/// and its contact end with exactly the forecast update.
/// </summary>
public class DealSingleWriterTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Verbs() => ["MoveTo", "PutOnHold", "Win", "Lose", "UpdateForecast", "TakeEvents"];

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Deal_VerbOverlappingAnUpdateInProgress_IsRefusedAndChangesNothing(string verb)
    {
        var clock = new GateClock(Start);
        var contact = Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, clock, Actor.Integration);
        var deal = Deal.Open("D-1", Pipeline.Default, contact, 1_000m, null, clock, Actor.Sales);
        var contactVersion = contact.Version;
        var stage = deal.Stage;

        clock.Arm();
        var updating = Task.Factory.StartNew(() => deal.UpdateForecast(2_000m, null, Actor.Sales, "bigger scope"), TaskCreationOptions.LongRunning);
        Assert.True(clock.WaitUntilHeld(TimeSpan.FromSeconds(30)), "The updating thread did not reach the clock.");

        var refused = Record.Exception(() => Attempt(deal, verb));

        clock.Release();
        var events = await updating;

        var error = Assert.IsType<InvalidOperationException>(refused);
        Assert.Contains("Deal 'D-1' was changed by another caller", error.Message, StringComparison.Ordinal);
        Assert.IsType<DealForecastUpdated>(Assert.Single(events));
        Assert.Equal(2, deal.History.Count);
        Assert.Equal(2_000m, deal.Amount);
        Assert.Same(stage, deal.Stage);
        Assert.Equal(contactVersion, contact.Version);
        Assert.Equal(2, deal.PendingEvents.Count);
    }

    private static object Attempt(Deal deal, string verb) => verb switch
    {
        "MoveTo" => deal.MoveTo(Pipeline.Default.OpenStages[1].Name, Actor.Sales),
        "PutOnHold" => deal.PutOnHold(Actor.Sales, "waiting"),
        "Win" => deal.Win(Actor.Sales),
        "Lose" => deal.Lose("budget cut", Actor.Sales),
        "UpdateForecast" => deal.UpdateForecast(3_000m, null, Actor.Sales),
        "TakeEvents" => deal.TakeEvents(),
        _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, "No such verb in this test."),
    };
}
