using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Deals;

/// <summary>
/// A deal's refusal described in a language: the same facts as its English message, the guard's words from the
/// resources, and a refusal rebuilt from its message (after a process boundary) giving that message back.
/// </summary>
public class DealRefusalTextTests
{
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private readonly FakeTimeProvider time = new(Start);

    private Deal NewDeal() => OpenDeals.ForNewSql(time, "D-7");

    [Fact]
    public void AnUnmetGuard_IsDescribedInEnglishAsTheMessage_AndInGerman()
    {
        var deal = NewDeal();
        var error = Assert.Throws<DealTransitionException>(() => deal.MoveTo("Present proposal", By.Sales));

        Assert.Equal(error.Message, error.Describe(CultureInfo.InvariantCulture));
        Assert.Equal(error.Message, error.Describe(CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal(
            "Deal 'D-7' in der Phase 'Bedarfsanalyse / Termin vereinbart' kann nicht nach 'Angebot präsentieren' wechseln: nicht erfüllte Bedingung: die Pipeline erlaubt Deals, Phasen zu überspringen. Jetzt erlaubt: MoveTo('Create proposal'), PutOnHold, Win, Lose (mit einem Grund).",
            error.Describe(German));
    }

    [Fact]
    public void NoSuchMove_IsDescribedInEnglishAsTheMessage_AndInGerman()
    {
        var deal = NewDeal();
        deal.Lose("Chose a competitor", By.Sales);
        var error = Assert.Throws<DealTransitionException>(() => deal.MoveTo("Present proposal", By.Sales));

        Assert.Equal(error.Message, error.Describe(CultureInfo.InvariantCulture));
        Assert.Equal(
            "Deal 'D-7' in der Phase 'Verloren' kann nicht nach 'Angebot präsentieren' wechseln: die Pipeline kennt diesen Schritt aus dieser Phase nicht. Jetzt erlaubt: Reopen (mit einem Grund).",
            error.Describe(German));
    }

    [Fact]
    public void ARefusalRebuiltFromItsMessage_DescribesItselfByThatMessage_InEveryLanguage()
    {
        var stage = Pipeline.Default.Stages[0];
        var error = new DealTransitionException("Deal 'D-9' was refused elsewhere.", "D-9", stage, ["a guard"], ["Win"]);

        Assert.Equal("Deal 'D-9' was refused elsewhere.", error.Describe(German));
        Assert.Equal("Deal 'D-9' was refused elsewhere.", error.Describe(CultureInfo.InvariantCulture));
        Assert.Equal(("D-9", stage), (error.DealId, error.Stage));
        Assert.Equal(["a guard"], error.UnmetGuards);
        Assert.Equal(["Win"], error.Allowed);
    }

    [Fact]
    public void Describe_ChecksItsCulture()
    {
        var deal = NewDeal();
        var error = Assert.Throws<DealTransitionException>(() => deal.MoveTo("Present proposal", By.Sales));

        Assert.Equal("culture", Assert.Throws<ArgumentNullException>(() => error.Describe(null!)).ParamName);
    }
}
