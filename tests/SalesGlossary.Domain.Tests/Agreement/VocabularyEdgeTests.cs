using System.Globalization;

namespace SalesGlossary.Domain.Tests.Agreement;

/// <summary>Each refusal of a vocabulary definition with its exact words and path, each lookup of a name or number, and the order in which added stages and known names are listed.</summary>
public class VocabularyEdgeTests
{
    private static TermDefinition Term(string name, int number) => new() { Name = name, Number = number };

    private static StageDefinition Stage(string name, int number, LifecycleStage after, decimal? entry = null) =>
        new() { Name = name, Number = number, After = after, EntryMinimumScore = entry };

    private static DisplayNameOverride Rename(TermKind kind, string term, string language, string displayName) =>
        new() { Kind = kind, Term = term, Language = language, DisplayName = displayName };

    private static string[] Problems(VocabularyDefinition definition)
    {
        var error = Assert.Throws<DefinitionValidationException>(() => Vocabulary.Create(definition));
        Assert.Equal("vocabulary", error.Definition);
        return [.. error.Problems.Select(p => p.ToString())];
    }

    [Fact]
    public void Create_WithoutADefinition_IsAnArgumentError()
    {
        var error = Assert.Throws<ArgumentNullException>(() => Vocabulary.Create(null!));
        Assert.Equal("definition", error.ParamName);
    }

    [Fact]
    public void GetTerm_WithoutAName_IsAnArgumentError()
    {
        var words = VocabularyTests.OwnWords().Vocabulary;
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => words.GetStage(null!)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => words.GetActor(null!)).ParamName);
    }

    [Fact]
    public void UnknownName_OfEveryKind_NamesTheKind_AndListsTheKnownNamesInTheVocabularysOrder()
    {
        var words = VocabularyTests.OwnWords().Vocabulary;

        static string Message(Func<object> lookup) => Assert.Throws<UnknownTermException>(lookup).Message;

        Assert.Equal(
            "'Nope' is not a lifecycle stage of the agreement. Known: Subscriber, Lead, MarketingQualifiedLead, SalesAcceptedLead, SalesQualifiedLead, Opportunity, Customer, Evangelist, Other. Define it in the agreement's vocabulary to use it.",
            Message(() => words.GetStage("Nope")));
        Assert.Equal(
            "'Nope' is not a disqualification reason of the agreement. Known: UnableToReach, InaccurateData, NoInterestOrNeed, NoBudget, NoFit, Other, ChoseCompetitor, PartnerUnreachable. Define it in the agreement's vocabulary to use it.",
            Message(() => words.GetDisqualificationReason("Nope")));
        Assert.Equal(
            "'Nope' is not a lost reason of the agreement. Known: Price, Competitor, NoDecision, Timing, NoBudget, ProductFit, Other, BuiltInHouse. Define it in the agreement's vocabulary to use it.",
            Message(() => words.GetLostReason("Nope")));
        Assert.Equal(
            "'Nope' is not a team of the agreement. Known: Marketing, Sales, Service, CustomerSuccess. Define it in the agreement's vocabulary to use it.",
            Message(() => words.GetTeam("Nope")));
        var actor = Assert.Throws<UnknownTermException>(() => words.GetActor("Nope"));
        Assert.Equal(
            "'Nope' is not an actor of the agreement. Known: Marketing, Sales, System, Integration, Partner. Define it in the agreement's vocabulary to use it.",
            actor.Message);
        Assert.Equal(("actor", "Nope"), (actor.Kind, actor.Name));
        Assert.Equal(["Marketing", "Sales", "System", "Integration", "Partner"], actor.KnownNames);
    }

    [Fact]
    public void StagesAfterOneFunnelStage_AreListedInTheOrderDefined_BetweenItAndTheNext()
    {
        var words = Vocabulary.Create(new VocabularyDefinition
        {
            Stages = [Stage("SalesAcceptedLead", 100, LifecycleStage.MarketingQualifiedLead), Stage("SalesEngagedLead", 101, LifecycleStage.MarketingQualifiedLead), Stage("Nurtured", 102, LifecycleStage.Lead)],
        });

        Assert.Equal(
            ["Subscriber", "Lead", "Nurtured", "MarketingQualifiedLead", "SalesAcceptedLead", "SalesEngagedLead", "SalesQualifiedLead", "Opportunity", "Customer", "Evangelist", "Other"],
            words.Stages.Select(s => s.Name));
        Assert.Equal(["Nurtured", "SalesAcceptedLead", "SalesEngagedLead"], words.AddedStages.Select(s => s.Name));
        var accepted = words.GetStage("SalesAcceptedLead");
        var engaged = words.GetStage("SalesEngagedLead");
        Assert.True(engaged.IsAfter(accepted));
        Assert.False(accepted.IsAfter(engaged));
        Assert.True(accepted.IsAfter(LifecycleStage.MarketingQualifiedLead));
        Assert.True(LifecycleStage.SalesQualifiedLead.IsAfter(engaged));
    }

    [Fact]
    public void StagesAfterOneFunnelStage_AreLimitedTo99_SoTheyNeverReachTheNextFunnelStage()
    {
        var most = Vocabulary.Create(new VocabularyDefinition
        {
            Stages = [.. Enumerable.Range(0, 99).Select(i => Stage("Step" + i.ToString(CultureInfo.InvariantCulture), 100 + i, LifecycleStage.Lead)), Stage("Accepted", 199, LifecycleStage.MarketingQualifiedLead)],
        });
        Assert.Equal(100, most.AddedStages.Count);
        var last = most.GetStage("Step98");
        Assert.Same(LifecycleStage.MarketingQualifiedLead, most.Stages[most.Stages.ToList().IndexOf(last) + 1]);
        Assert.True(LifecycleStage.MarketingQualifiedLead.IsAfter(last));
        Assert.False(last.IsAfter(LifecycleStage.MarketingQualifiedLead));

        var problems = Problems(new VocabularyDefinition
        {
            Stages = [.. Enumerable.Range(0, 101).Select(i => Stage("Step" + i.ToString(CultureInfo.InvariantCulture), 100 + i, LifecycleStage.Lead))],
        });
        Assert.Equal(
            [
                "$.stages[99].after: Stage 'Step99' would be stage 100 after Lead; at most 99 stages can follow one funnel stage.",
                "$.stages[100].after: Stage 'Step100' would be stage 101 after Lead; at most 99 stages can follow one funnel stage.",
            ],
            problems);
    }

    [Fact]
    public void EveryMissingList_IsReportedWithItsPath_AndAnEmptyDisplayNameListIsFine()
    {
        Assert.Equal(
            [
                "$.stages: The list of lifecycle stage definitions is missing; give an empty list to define none.",
                "$.leadStatuses: The list of lead status definitions is missing; give an empty list to define none.",
                "$.disqualificationReasons: The list of disqualification reason definitions is missing; give an empty list to define none.",
                "$.lostReasons: The list of lost reason definitions is missing; give an empty list to define none.",
                "$.teams: The list of team definitions is missing; give an empty list to define none.",
                "$.actors: The list of actor definitions is missing; give an empty list to define none.",
            ],
            Problems(new VocabularyDefinition { Stages = null!, LeadStatuses = null!, DisqualificationReasons = null!, LostReasons = null!, Teams = null!, Actors = null!, DisplayNames = [] }));
        Assert.Equal(
            ["$.displayNames: The list of display names is missing; give an empty list to rename nothing."],
            Problems(new VocabularyDefinition { DisplayNames = null! }));
    }

    [Fact]
    public void EveryEmptyEntry_IsReportedWithItsPath_AndNothingElseIsCheckedOnIt()
    {
        Assert.Equal(
            [
                "$.stages[0]: The lifecycle stage definition is empty.",
                "$.leadStatuses[0]: The lead status definition is empty.",
                "$.disqualificationReasons[0]: The disqualification reason definition is empty.",
                "$.lostReasons[0]: The lost reason definition is empty.",
                "$.teams[0]: The team definition is empty.",
                "$.actors[0]: The actor definition is empty.",
                "$.displayNames[0]: The display name entry is empty.",
            ],
            Problems(new VocabularyDefinition { Stages = [null!], LeadStatuses = [null!], DisqualificationReasons = [null!], LostReasons = [null!], Teams = [null!], Actors = [null!], DisplayNames = [null!] }));
    }

    [Fact]
    public void NamesAndNumbers_MissingOrTaken_AreReportedForEveryKindOfTerm()
    {
        Assert.Equal(
            [
                "$.disqualificationReasons[0].name: The disqualification reason 'NoFit' is defined twice; names are unique.",
                "$.lostReasons[0].name: The lost reason 'price' differs from 'Price' only by case; names are compared ignoring case, so give it another name.",
                "$.teams[0].name: A team needs a name.",
                "$.teams[1].name: A team needs a name.",
                "$.actors[1].number: The number 100 of actor 'Reseller' is taken by 'Partner'; numbers are stored, so each term needs its own.",
                "$.actors[2].name: The actor 'partner' differs from 'Partner' only by case; names are compared ignoring case, so give it another name.",
            ],
            Problems(new VocabularyDefinition
            {
                DisqualificationReasons = [new ReasonDefinition { Name = "NoFit", Number = 100 }],
                LostReasons = [new ReasonDefinition { Name = "price", Number = 100 }],
                Teams = [Term(null!, 100), Term("  ", 101)],
                Actors = [Term("Partner", 100), Term("Reseller", 100), Term("partner", 101)],
            }));
    }

    [Fact]
    public void ActorNames_AreRefusedWithAnArticleThatFitsTheWord()
    {
        Assert.Equal(
            [
                "$.actors[0].name: An actor needs a name.",
                "$.actors[1].name: 'Reseller Partner' is not an actor name: use a letter, then up to 63 letters or digits (no spaces; the display name is free text).",
                "$.lostReasons[0].name: A lost reason needs a name.",
            ],
            Problems(new VocabularyDefinition
            {
                Actors = [Term("", 100), Term("Reseller Partner", 101)],
                LostReasons = [new ReasonDefinition { Name = null!, Number = 100 }],
            }).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AddedStage_WithoutTheStageItFollows_OrWithAnEntryScoreNotAboveZero_IsRefused()
    {
        Assert.Equal(
            [
                "$.stages[0].after: Stage 'Limbo' needs the funnel stage it follows (after), for example MarketingQualifiedLead.",
                "$.stages[1].entryMinimumScore: The entry score of stage 'Zero' must be above 0; it is 0.",
                "$.stages[2].entryMinimumScore: The entry score of stage 'Below' must be above 0; it is -0.5.",
            ],
            Problems(new VocabularyDefinition
            {
                Stages = [Stage("Limbo", 100, null!), Stage("Zero", 101, LifecycleStage.Lead, 0m), Stage("Below", 102, LifecycleStage.Lead, -0.5m)],
            }));
        var words = Vocabulary.Create(new VocabularyDefinition { Stages = [Stage("Warm", 100, LifecycleStage.Lead, 0.01m)] });
        Assert.Equal(0.01m, words.GetStage("Warm").EntryMinimumScore);
    }

    [Fact]
    public void LeadStatus_ConnectedAndClosed_IsRefused()
    {
        Assert.Equal(
            ["$.leadStatuses[0]: Lead status 'ReachedAndDone' is flagged both connected and closed; a reached lead whose work ended is closed, and says so with a reason."],
            Problems(new VocabularyDefinition { LeadStatuses = [new LeadStatusDefinition { Name = "ReachedAndDone", Number = 100, IsConnected = true, IsClosed = true }] }));
        var words = Vocabulary.Create(new VocabularyDefinition { LeadStatuses = [new LeadStatusDefinition { Name = "Reached", Number = 100, IsConnected = true, IsOpen = true }] });
        Assert.True(words.GetLeadStatus("reached").IsConnected);
    }

    [Fact]
    public void DisplayName_OfAnUnknownKindOrTerm_IsRefused_ListingTheKnownOnes()
    {
        Assert.Equal(
            [
                "$.displayNames[0].kind: 42 is not a kind of term. Known: Stage, LeadStatus, DisqualificationReason, LostReason, Team, Actor.",
                "$.displayNames[1].term: 'Success' is not a term of kind Team. Known: Marketing, Sales, Service, CustomerSuccess.",
                "$.displayNames[2].term: '' is not a term of kind Actor. Known: Marketing, Sales, System, Integration.",
                "$.displayNames[3].term: 'Accepted' is not a term of kind Stage. Known: Subscriber, Lead, MarketingQualifiedLead, SalesQualifiedLead, Opportunity, Customer, Evangelist, Other, Warm.",
            ],
            Problems(new VocabularyDefinition
            {
                Stages = [Stage("Warm", 100, LifecycleStage.Lead)],
                Teams = [Term("CustomerSuccess", 100)],
                DisplayNames = [Rename((TermKind)42, "Sales", "de", "Vertrieb"), Rename(TermKind.Team, "Success", "de", "Erfolg"), Rename(TermKind.Actor, null!, "de", "Jemand"), Rename(TermKind.Stage, "Accepted", "de", "Angenommen")],
            }));
    }

    [Fact]
    public void DisplayName_HasOneTo200Characters()
    {
        var at200 = new string('x', 200);
        var words = Vocabulary.Create(new VocabularyDefinition { DisplayNames = [Rename(TermKind.Team, "Sales", "de", at200)] });
        Assert.Equal(at200, words.GetDisplayName(Team.Sales, CultureInfo.GetCultureInfo("de-DE")));

        Assert.Equal(
            ["$.displayNames[0].displayName: The display name of 'Sales' in 'de' must have 1 to 200 characters, not only spaces."],
            Problems(new VocabularyDefinition { DisplayNames = [Rename(TermKind.Team, "Sales", "de", at200 + "x")] }));
    }

    [Fact]
    public void DisplayName_OfTheAgreementsOwnTerms_IsAccepted_AndServesItsLanguage()
    {
        var words = Vocabulary.Create(new VocabularyDefinition
        {
            LeadStatuses = [new LeadStatusDefinition { Name = "Parked", Number = 100, IsOpen = true }],
            DisqualificationReasons = [new ReasonDefinition { Name = "ChoseCompetitor", Number = 100 }],
            LostReasons = [new ReasonDefinition { Name = "BuiltInHouse", Number = 100 }],
            Teams = [Term("CustomerSuccess", 100)],
            Actors = [Term("Partner", 100)],
            DisplayNames =
            [
                Rename(TermKind.LeadStatus, "Parked", "de", "Geparkt"),
                Rename(TermKind.DisqualificationReason, "ChoseCompetitor", "de", "Wettbewerber gewählt"),
                Rename(TermKind.LostReason, "BuiltInHouse", "de", "Selbst gebaut"),
                Rename(TermKind.Team, "CustomerSuccess", "de", "Kundenerfolg"),
                Rename(TermKind.Actor, "Partner", "de", "Vertriebspartner"),
            ],
        });
        var german = CultureInfo.GetCultureInfo("de-AT");
        Assert.Equal("Geparkt", words.GetDisplayName(words.GetLeadStatus("Parked"), german));
        Assert.Equal("Wettbewerber gewählt", words.GetDisplayName(words.GetDisqualificationReason("ChoseCompetitor"), german));
        Assert.Equal("Selbst gebaut", words.GetDisplayName(words.GetLostReason("BuiltInHouse"), german));
        Assert.Equal("Kundenerfolg", words.GetDisplayName(words.GetTeam("CustomerSuccess"), german));
        Assert.Equal("Vertriebspartner", words.GetDisplayName(words.GetActor("Partner"), german));
    }

    [Fact]
    public void StoredNumbers_FindTheAgreementsTerms_AndNothingForAnUnknownNumberOrType()
    {
        // Storage that keeps numbers (the Orleans surrogates) resolves terms through these lookups.
        var words = VocabularyTests.OwnWords().Vocabulary;

        Assert.True(words.TryFind(typeof(LeadStatus), 100, out var status));
        Assert.Same(words.GetLeadStatus("NurtureEventFollowUp"), status);
        Assert.True(words.TryFind(typeof(DisqualificationReason), 101, out var reason));
        Assert.Same(words.GetDisqualificationReason("PartnerUnreachable"), reason);
        Assert.True(words.TryFind(typeof(LeadStatus), 9, out var shipped));
        Assert.Same(LeadStatus.ReturnedNotReady, shipped);
        Assert.False(words.TryFind(typeof(LeadStatus), 101, out var none));
        Assert.Null(none);
        Assert.False(words.TryFind(typeof(ConnectChannel), 1, out var channel));
        Assert.Null(channel);

        Assert.True(words.TryFind(typeof(Actor), "partner", out var partner));
        Assert.Same(words.GetActor("Partner"), partner);
        Assert.False(words.TryFind(typeof(ConnectChannel), "Phone", out var phone));
        Assert.Null(phone);
        Assert.Null(words.Known(typeof(ConnectChannel)));
    }
}
