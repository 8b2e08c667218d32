using System.Globalization;
using System.Text.Json.Nodes;
using SalesGlossary.Domain.Tests.Agreement;

namespace SalesGlossary.Domain.Tests.Localization;

/// <summary>An agreement names terms per language in its vocabulary, and its names win over the library's.</summary>
public class DisplayNameOverrideTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly CultureInfo Austrian = CultureInfo.GetCultureInfo("de-AT");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static ServiceLevelAgreement WithNames(string displayNames) => VocabularyTests.OwnWords(a => a["vocabulary"]!["displayNames"] = JsonNode.Parse(displayNames));

    [Fact]
    public void AgreementNames_WinInTheirLanguage_AndTheLibrarysWordsServeTheRest()
    {
        var words = WithNames("""
            [
              { "kind": "leadStatus", "term": "ReturnedNotReady", "language": "de", "displayName": "Zurück ans Marketing" },
              { "kind": "leadStatus", "term": "returnedNotReady", "language": "de-AT", "displayName": "Retour ans Marketing" },
              { "kind": "stage", "term": "SalesAcceptedLead", "language": "de", "displayName": "Vom Vertrieb angenommen" },
              { "kind": "team", "term": "CustomerSuccess", "language": "de", "displayName": "Kundenerfolg" },
              { "kind": "lostReason", "term": "Price", "language": "en", "displayName": "Too expensive" },
              { "kind": "actor", "term": "Partner", "language": "de", "displayName": "Vertriebspartner" },
              { "kind": "disqualificationReason", "term": "NoFit", "language": "de", "displayName": "Kein ICP" }
            ]
            """).Vocabulary;

        Assert.Equal("Zurück ans Marketing", words.GetDisplayName(LeadStatus.ReturnedNotReady, German));
        Assert.Equal("Retour ans Marketing", words.GetDisplayName(LeadStatus.ReturnedNotReady, Austrian));
        Assert.Equal("Returned – not ready", words.GetDisplayName(LeadStatus.ReturnedNotReady, English));
        Assert.Equal("Neu", words.GetDisplayName(LeadStatus.New, German));
        Assert.Equal("Vom Vertrieb angenommen", words.GetDisplayName(words.GetStage("SalesAcceptedLead"), German));
        Assert.Equal("Sales Accepted Lead", words.GetDisplayName(words.GetStage("SalesAcceptedLead"), English));
        Assert.Equal("Kundenerfolg", words.GetDisplayName(words.GetTeam("CustomerSuccess"), German));
        Assert.Equal("Too expensive", words.GetDisplayName(LostReason.Price, English));
        Assert.Equal("Preis", words.GetDisplayName(LostReason.Price, German));
        Assert.Equal("Vertriebspartner", words.GetDisplayName(words.GetActor("Partner"), German));
        Assert.Equal("Kein ICP", words.GetDisplayName(DisqualificationReason.NoFit, German));
        Assert.Equal("Reseller partner", words.GetDisplayName(words.GetActor("Partner"), English));
    }

    [Fact]
    public void AgreementNames_DoNotFollowTheThreadsCulture()
    {
        var words = WithNames("""[ { "kind": "leadStatus", "term": "New", "language": "de", "displayName": "Frisch" } ]""").Vocabulary;
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = German;
            Assert.Equal("New", words.GetDisplayName(LeadStatus.New, English));
            CultureInfo.CurrentUICulture = English;
            Assert.Equal("Frisch", words.GetDisplayName(LeadStatus.New, German));
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void BadNames_AreRejected_WithEveryProblemAndItsPath()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => WithNames("""
            [
              { "kind": "leadStatus", "term": "Nope", "language": "de", "displayName": "X" },
              { "kind": "color", "term": "New", "language": "de", "displayName": "X" },
              { "kind": "leadStatus", "term": "New", "language": "xx-not-a-language", "displayName": "X" },
              { "kind": "team", "term": "Sales", "language": "de", "displayName": "   " },
              { "kind": "actor", "term": "Sales", "language": "de", "displayName": "A" },
              { "kind": "actor", "term": "sales", "language": "DE", "displayName": "B" }
            ]
            """));

        Assert.Contains("$.vocabulary.displayNames[0].term", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Nope' is not a term of kind LeadStatus. Known: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.vocabulary.displayNames[1].kind", error.Message, StringComparison.Ordinal);
        Assert.Contains("'color' is not a kind of term. Known: stage, leadStatus, disqualificationReason, lostReason, team, actor.", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.vocabulary.displayNames[2].language", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.vocabulary.displayNames[3].displayName", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.vocabulary.displayNames[5]", error.Message, StringComparison.Ordinal);
        Assert.Contains("named twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AVocabularyBuiltInCode_TakesNamesToo()
    {
        var words = Vocabulary.Create(new VocabularyDefinition
        {
            DisplayNames = [new DisplayNameOverride { Kind = TermKind.Stage, Term = "Opportunity", Language = "de", DisplayName = "Chance" }],
        });

        Assert.Equal("Chance", words.GetDisplayName(LifecycleStage.Opportunity, German));
        Assert.Equal("Verkaufschance", Vocabulary.Default.GetDisplayName(LifecycleStage.Opportunity, German));
        Assert.Throws<ArgumentNullException>(() => words.GetDisplayName(LifecycleStage.Opportunity, null!));
    }
}
