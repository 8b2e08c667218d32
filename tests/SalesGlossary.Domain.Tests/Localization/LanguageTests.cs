using System.Collections;
using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Localization;

public class LanguageTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public static TheoryData<string, string> ShippedTerms()
    {
        var data = new TheoryData<string, string>();
        foreach (var stage in LifecycleStage.List) { data.Add(nameof(LifecycleStage), stage.Name); }
        foreach (var status in LeadStatus.List) { data.Add(nameof(LeadStatus), status.Name); }
        foreach (var reason in DisqualificationReason.List) { data.Add(nameof(DisqualificationReason), reason.Name); }
        foreach (var reason in LostReason.List) { data.Add(nameof(LostReason), reason.Name); }
        foreach (var team in Team.List) { data.Add(nameof(Team), team.Name); }
        foreach (var actor in Actor.List) { data.Add(nameof(Actor), actor.Name); }
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedTerms))]
    public void EveryShippedTerm_HasAGermanAndAnEnglishNameAndDescription_OfItsOwn(string kind, string name)
    {
        // Read each language's own resources without falling back, so a text missing in German fails here.
        foreach (var culture in new[] { CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("de") })
        {
            var texts = OwnTexts("Terms", culture);
            Assert.False(string.IsNullOrWhiteSpace(texts.GetValueOrDefault($"{kind}.{name}.Name")), $"{kind}.{name} has no name in '{culture.Name}'.");
            Assert.False(string.IsNullOrWhiteSpace(texts.GetValueOrDefault($"{kind}.{name}.Description")), $"{kind}.{name} has no description in '{culture.Name}'.");
        }
    }

    [Fact]
    public void EveryMessage_HasAGermanText_AndGermanKnowsNoKeyEnglishLacks()
    {
        var english = OwnTexts("Messages", CultureInfo.InvariantCulture);
        var german = OwnTexts("Messages", CultureInfo.GetCultureInfo("de"));
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), german.Keys.Order(StringComparer.Ordinal));
        Assert.All(german, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
        var terms = OwnTexts("Terms", CultureInfo.InvariantCulture).Keys.Order(StringComparer.Ordinal);
        Assert.Equal(terms, OwnTexts("Terms", CultureInfo.GetCultureInfo("de")).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryShippedGuard_IsTranslated()
    {
        Assert.All(Domain.Localization.GuardDescriptions, guard => Assert.NotEqual(guard, Domain.Localization.GuardText(guard, German)));
        Assert.All(Domain.Localization.GuardDescriptions, guard => Assert.Equal(guard, Domain.Localization.GuardText(guard, English)));
        Assert.Contains(LifecyclePolicy.SqlByAcceptanceGuard, Domain.Localization.GuardDescriptions);
        Assert.Contains(LifecyclePolicy.RequalificationGuard, Domain.Localization.GuardDescriptions);
        Assert.Contains(DealMachine.LostReasonGuard, Domain.Localization.GuardDescriptions);
    }

    [Fact]
    public void Names_FollowTheCulturePassedIn_NeverTheThreadsCulture()
    {
        var saved = CultureInfo.CurrentUICulture;
        var savedFormat = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = German;
            CultureInfo.CurrentCulture = German;
            Assert.Equal("Returned – not ready", LeadStatus.ReturnedNotReady.GetDisplayName(English));
            Assert.Equal("Opportunity", LifecycleStage.Opportunity.GetDisplayName(English));
            Assert.Equal("Chose a competitor", LostReason.Competitor.GetDisplayName(CultureInfo.InvariantCulture));

            CultureInfo.CurrentUICulture = English;
            CultureInfo.CurrentCulture = English;
            Assert.Equal("Zurückgegeben – noch nicht bereit", LeadStatus.ReturnedNotReady.GetDisplayName(German));
            Assert.Equal("Verkaufschance", LifecycleStage.Opportunity.GetDisplayName(German));
            Assert.Equal("Vertrieb", Team.Sales.GetDisplayName(German));
            Assert.Equal("Nicht erreichbar", DisqualificationReason.UnableToReach.GetDisplayName(CultureInfo.GetCultureInfo("de-AT")));
            Assert.StartsWith("Hat gekauft", LifecycleStage.Customer.GetDescription(German), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
            CultureInfo.CurrentCulture = savedFormat;
        }
    }

    [Fact]
    public void ALanguageWithoutTexts_GetsEnglish_AndTheEnglishNameIsTheDisplayName()
    {
        var french = CultureInfo.GetCultureInfo("fr-FR");
        Assert.All(LeadStatus.List, status => Assert.Equal(status.DisplayName, status.GetDisplayName(french)));
        Assert.All(LifecycleStage.List, stage => Assert.Equal(stage.DisplayName, stage.GetDisplayName(English)));
        Assert.All(LostReason.List, reason => Assert.Equal(reason.DisplayName, reason.GetDisplayName(English)));
        Assert.All(DisqualificationReason.List, reason => Assert.Equal(reason.DisplayName, reason.GetDisplayName(English)));
        Assert.Throws<ArgumentNullException>(() => Team.Sales.GetDisplayName(null!));
    }

    [Fact]
    public void LeadStraightToSql_IsRefusedInGerman_AndInEnglishWhateverTheThreadSays()
    {
        var contact = Contact.Create("C-42", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
        var error = Assert.Throws<LifecycleTransitionException>(() => contact.AcceptBySales(By.Sales));

        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = German;
            Assert.Equal(error.Message, error.Describe(CultureInfo.InvariantCulture));
            Assert.Equal(error.Message, error.Describe(English));
            CultureInfo.CurrentUICulture = English;
            Assert.Equal(
                "Kontakt 'C-42' in der Phase Lead kann AcceptBySales nicht ausführen: AcceptBySales ist aus Lead nicht möglich. Jetzt möglich: HandRaise, Deal.Open, Deal.Win, Disqualify.",
                error.Describe(German));
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void AnUnmetGuard_IsNamedInGerman_WithTheStatusInGerman()
    {
        var policy = new LifecyclePolicy(new LifecycleDefinitions { SqlQualification = SqlQualification.Score }, new QualificationThresholds(100m, 300m), ConnectPolicy.Default);
        var contact = Contact.Create("C-42", LifecycleStage.Lead, policy, time, By.Integration);
        contact.ApplyScore(150, By.System);

        var error = Assert.Throws<LifecycleTransitionException>(() => contact.AcceptBySales(By.Sales));

        Assert.Equal(
            "Kontakt 'C-42' in der Phase Marketing Qualified Lead (MQL) (Lead-Status Neu) kann AcceptBySales nicht ausführen: nicht erfüllte Bedingung: die Vereinbarung qualifiziert SQLs durch Annahme im Vertrieb. Jetzt möglich: HandRaise, Deal.Open, Deal.Win, ReturnToMarketing, Disqualify.",
            error.Describe(German));
    }

    [Fact]
    public void ARefusalWithADetail_IsDescribedInGerman()
    {
        var contact = Contact.Create("C-42", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);

        var error = Assert.Throws<LifecycleTransitionException>(() => contact.StartWorking(By.Sales));

        Assert.Contains("die Bearbeitung beginnt bei einem MQL oder SQL mit dem Lead-Status Neu oder Offen", error.Describe(German), StringComparison.Ordinal);
        Assert.Equal(error.Message, error.Describe(English));
    }

    [Fact]
    public void LosingADealWithoutALostReason_IsRefusedInGerman()
    {
        var contact = Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
        contact.ApplyScore(120, By.System);
        contact.AcceptBySales(By.Sales);
        var deal = Deal.Open("D-7", Pipeline.Default, contact, 50_000m, new DateOnly(2026, 6, 30), time, By.Sales.Named("sam"));
        deal.MoveTo("Create proposal", By.Sales);

        var error = Assert.Throws<DealTransitionException>(() => deal.Lose(null, By.Sales));

        Assert.Equal(
            "Deal 'D-7' in der Phase 'Angebot erstellen' kann nicht verloren werden: nicht erfüllte Bedingung: ein Verlustgrund ist angegeben, wo die Pipeline einen verlangt. Jetzt erlaubt: MoveTo('Discovery / meeting booked') (mit einem Grund), MoveTo('Present proposal'), PutOnHold, Win, Lose (mit einem Grund).",
            error.Describe(German));
        Assert.Equal(error.Message, error.Describe(English));
        Assert.Contains("Lose (with a reason)", error.Allowed);
    }

    [Fact]
    public void TheStorysRefusals_AreDescribedInGerman_WhileTheThreadIsFrench()
    {
        var saved = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            var contact = Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
            contact.ApplyScore(120, By.System);

            var noReason = Assert.Throws<LifecycleTransitionException>(() => contact.ReturnToMarketing("  ", By.Sales));
            Assert.Equal(
                "Kontakt 'C-1' in der Phase Marketing Qualified Lead (MQL) (Lead-Status Neu) kann ReturnToMarketing nicht ausführen: nicht erfüllte Bedingung: ein Grund ist angegeben. Jetzt möglich: AcceptBySales, HandRaise, Deal.Open, Deal.Win, ReturnToMarketing, Disqualify.",
                noReason.Describe(German));
            Assert.Equal(
                "Contact 'C-1' in stage Marketing Qualified Lead (lead status New) cannot ReturnToMarketing: unmet guard: a reason is given. Permitted now: AcceptBySales, HandRaise, Deal.Open, Deal.Win, ReturnToMarketing, Disqualify.",
                noReason.Message);
            Assert.Same(LifecycleStage.MarketingQualifiedLead, contact.Stage);

            var setByHandoff = Assert.Throws<LifecycleTransitionException>(() => contact.ChangeLeadStatus(LeadStatus.New, null, By.Sales));
            Assert.Contains("der Lead-Status Neu wird von die Übergabe an den Vertrieb gesetzt", setByHandoff.Describe(German), StringComparison.Ordinal);
            var setByDeal = Assert.Throws<LifecycleTransitionException>(() => contact.ChangeLeadStatus(LeadStatus.OpenDeal, null, By.Sales));
            Assert.Contains("der Lead-Status Offener Deal wird von Deal.Open gesetzt", setByDeal.Describe(German), StringComparison.Ordinal);

            var noNote = Assert.Throws<LifecycleTransitionException>(() => contact.Disqualify(DisqualificationReason.Other, By.Sales));
            Assert.Contains("nicht erfüllte Bedingung: eine Notiz nennt den Grund", noNote.Describe(German), StringComparison.Ordinal);

            contact.AcceptBySales(By.Sales);
            var deal = Deal.Open("D-7", Pipeline.Default, contact, 50_000m, new DateOnly(2026, 6, 30), time, By.Sales);
            var skip = Assert.Throws<DealTransitionException>(() => deal.MoveTo("Present proposal", By.Sales));
            Assert.StartsWith("Deal 'D-7' in der Phase 'Bedarfsanalyse / Termin vereinbart' kann nicht nach 'Angebot präsentieren' wechseln", skip.Describe(German), StringComparison.Ordinal);
            Assert.StartsWith("Deal 'D-7' in stage 'Discovery / meeting booked' cannot move to 'Present proposal'", skip.Message, StringComparison.Ordinal);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = saved;
        }
    }

    [Fact]
    public void TheDefaultPipelinesStages_HaveGermanNames_AndAStageOfYourOwnKeepsItsName()
    {
        Assert.All(Pipeline.Default.Stages, stage =>
        {
            Assert.Equal(stage.Name, stage.GetDisplayName(English));
            Assert.NotEqual(stage.Name, stage.GetDisplayName(German));
            Assert.False(string.IsNullOrWhiteSpace(stage.GetDescription(German)));
        });
        var own = Pipeline.Default.Stages[1] with { Probability = 45m };
        Assert.Equal("Create proposal", own.GetDisplayName(German));
        Assert.Null(own.GetDescription(German));
    }

    private static Dictionary<string, string?> OwnTexts(string resource, CultureInfo culture)
    {
        var manager = new ResourceManager("SalesGlossary.Domain.Resources." + resource, typeof(Contact).Assembly);
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string, StringComparer.Ordinal);
    }
}
