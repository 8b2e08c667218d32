using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SalesGlossary.Domain.Serialization;

namespace SalesGlossary.Domain.Tests.Agreement;

/// <summary>An agreement defines its own words: statuses, reasons, lost reasons, teams, actors and a stage between the article's, and they drive contacts, deals, reports and storage.</summary>
public class VocabularyTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    internal const string VocabularyJson = """
        {
          "stages": [ { "name": "SalesAcceptedLead", "number": 101, "displayName": "Sales Accepted Lead", "abbreviation": "SAL", "after": "MarketingQualifiedLead", "entryMinimumScore": 110 } ],
          "leadStatuses": [ { "name": "NurtureEventFollowUp", "number": 100, "displayName": "Nurture – event follow-up", "open": true } ],
          "disqualificationReasons": [
            { "name": "ChoseCompetitor", "number": 100, "displayName": "Chose a competitor" },
            { "name": "PartnerUnreachable", "number": 101, "displayName": "Partner unreachable", "requiresExhaustedConnectPolicy": true }
          ],
          "lostReasons": [ { "name": "BuiltInHouse", "number": 100, "displayName": "Built it in-house" } ],
          "teams": [ { "name": "CustomerSuccess", "number": 100, "displayName": "Customer Success" } ],
          "actors": [ { "name": "Partner", "number": 100, "displayName": "Reseller partner" } ]
        }
        """;

    internal static ServiceLevelAgreement OwnWords(Action<JsonObject>? change = null)
    {
        var node = JsonNode.Parse(ServiceLevelAgreement.DefaultJson)!.AsObject();
        node["vocabulary"] = JsonNode.Parse(VocabularyJson);
        node["teams"] = JsonNode.Parse("""
            {
              "Marketing": ["Subscriber", "Lead", "Other"],
              "Sales": ["MarketingQualifiedLead", "SalesAcceptedLead", "SalesQualifiedLead", "Opportunity"],
              "CustomerSuccess": ["Customer", "Evangelist"]
            }
            """);
        node.Remove("leadStatuses");
        change?.Invoke(node);
        return ServiceLevelAgreement.Load(node.ToJsonString());
    }

    [Fact]
    public void AgreementWithItsOwnVocabulary_DrivesContactsDealsAndReports()
    {
        var agreement = OwnWords();
        var words = agreement.Vocabulary;
        var sal = words.GetStage("salesAcceptedLead");
        var partner = words.GetActor("Partner");
        var time = new FakeTimeProvider(Monday);
        var prospect = agreement.GetLeadType("new-prospect");

        Assert.Equal(
            ["Subscriber", "Lead", "MarketingQualifiedLead", "SalesAcceptedLead", "SalesQualifiedLead", "Opportunity", "Customer", "Evangelist", "Other"],
            words.Stages.Select(s => s.Name));
        Assert.Same(LifecycleStage.MarketingQualifiedLead, sal.Backbone);
        Assert.Equal("SAL", sal.Abbreviation);
        Assert.Equal("CustomerSuccess", agreement.OwnerOf(LifecycleStage.Customer).Name);

        var won = prospect.CreateContact("C-1", LifecycleStage.Lead, time, new By(partner).Named("Reseller A"));
        won.ApplyScore(120m, By.System);
        Assert.Same(LifecycleStage.MarketingQualifiedLead, won.Stage);
        Assert.True(won.CanTake(LifecycleTrigger.AcceptBySales));
        var entered = won.EnterStage(sal, By.Sales.Named("sam"));
        Assert.Equal(sal, won.Stage);
        Assert.Equal(sal, Assert.Single(entered.OfType<StageChanged>()).Transition.To);
        Assert.Empty(entered.OfType<HandedOver>()); // MQL and SAL are both owned by sales: no handoff

        // The agreement's own status, set on a lead sales owns; the backbone's moves stay allowed from the added stage.
        var nurture = words.GetLeadStatus("NurtureEventFollowUp");
        won.ChangeLeadStatus(nurture, "Met at the trade fair; follow up after the event", By.Sales.Named("sam"));
        Assert.Equal(nurture, won.LeadStatus);
        Assert.True(nurture.IsOpen);
        won.AcceptBySales(By.Sales.Named("sam"));
        Assert.Same(LifecycleStage.SalesQualifiedLead, won.Stage);
        var deal = prospect.OpenDeal("D-1", won, 10_000m, null, time, By.Sales);
        time.Advance(TimeSpan.FromDays(3));
        var closing = deal.Win(By.Sales.Named("sam"));
        Assert.Same(LifecycleStage.Customer, won.Stage);
        var handoff = Assert.Single(closing.OfType<HandedOver>()).Handoff;
        Assert.Equal("CustomerSuccess", handoff.To.Name);

        // A lost deal with the agreement's own lost reason.
        var lost = prospect.CreateContact("C-2", LifecycleStage.Lead, time, By.Integration);
        lost.ApplyScore(150m, By.System);
        lost.AcceptBySales(By.Sales);
        var lostDeal = prospect.OpenDeal("D-2", lost, 5_000m, null, time, By.Sales);
        lostDeal.LoseFor(words.GetLostReason("builtinhouse"), By.Sales, "their own team built it");
        Assert.Equal("Built it in-house: their own team built it", lostDeal.History[^1].Reason);

        // Disqualified with the agreement's own reason.
        var gone = prospect.CreateContact("C-3", LifecycleStage.Lead, time, By.Integration);
        gone.ApplyScore(120m, By.System);
        gone.Disqualify(words.GetDisqualificationReason("ChoseCompetitor"), By.Sales);
        Assert.Same(LifecycleStage.Other, gone.Stage);
        Assert.Equal("Chose a competitor", gone.History[^1].Reason);

        // The funnel shows the added stage between MQL and SQL.
        var funnel = SlaReport.ComputeFunnel([won, lost, gone], new ReportPeriod(Monday, Monday.AddDays(30)));
        Assert.Equal(
            ["Subscriber:3", "Lead:3", "MarketingQualifiedLead:3", "SalesAcceptedLead:2", "SalesQualifiedLead:2", "Opportunity:2", "Customer:1", "Evangelist:0"],
            funnel.Select(f => f.Stage.Name + ":" + f.Reached));
    }

    [Fact]
    public void AddedStage_EntryRule_RefusesAScoreBelowIt_InWords_AndDrawsTheStage()
    {
        var agreement = OwnWords();
        var sal = agreement.Vocabulary.GetStage("SalesAcceptedLead");
        var time = new FakeTimeProvider(Monday);
        var contact = agreement.GetLeadType("new-prospect").CreateContact("C-9", LifecycleStage.Lead, time, By.Integration);
        contact.ApplyScore(100m, By.System);

        var refused = Assert.Throws<LifecycleTransitionException>(() => contact.EnterStage(sal, By.Sales));
        Assert.Contains("the lead score reached 110, the entry score of Sales Accepted Lead", refused.UnmetGuards);
        Assert.Same(LifecycleStage.MarketingQualifiedLead, contact.Stage);
        Assert.Equal(2, contact.History.Count);

        var other = Assert.Throws<ArgumentException>(() => contact.EnterStage(LifecycleStage.SalesQualifiedLead, By.Sales));
        Assert.Contains("stages it added: SalesAcceptedLead", other.Message, StringComparison.Ordinal);

        var diagram = agreement.GetLeadType("new-prospect").Lifecycle.ToMermaidGraph();
        Assert.Contains("SalesAcceptedLead", diagram, StringComparison.Ordinal);
        Assert.Contains("the lead score reached 110, the entry score of Sales Accepted Lead", diagram, StringComparison.Ordinal);
    }

    [Fact]
    public void AgreementReason_ThatNeedsTheConnectPolicyExhausted_IsRefusedBeforeIt()
    {
        var agreement = OwnWords();
        var reason = agreement.Vocabulary.GetDisqualificationReason("PartnerUnreachable");
        var contact = agreement.GetLeadType("new-prospect").CreateContact("C-5", LifecycleStage.Lead, new FakeTimeProvider(Monday), By.Integration);
        contact.ApplyScore(120m, By.System);
        Assert.True(reason.RequiresExhaustedConnectPolicy);
        Assert.False(contact.CanDisqualify(reason));
        Assert.True(contact.CanDisqualify(agreement.Vocabulary.GetDisqualificationReason("ChoseCompetitor")));
    }

    [Fact]
    public void StoredContact_WithAgreementTerms_RoundTripsThroughTheVocabularysJson_AndTheShippedOptionsNameTheUnknownTerm()
    {
        var agreement = OwnWords();
        var time = new FakeTimeProvider(Monday);
        var contact = agreement.GetLeadType("new-prospect").CreateContact("C-7", LifecycleStage.Lead, time, new By(agreement.Vocabulary.GetActor("Partner")));
        contact.ApplyScore(120m, By.System);
        contact.EnterStage(agreement.Vocabulary.GetStage("SalesAcceptedLead"), By.Sales);
        contact.ChangeLeadStatus(agreement.Vocabulary.GetLeadStatus("NurtureEventFollowUp"), null, By.Sales);

        var json = JsonSerializer.Serialize(contact.ToState(), agreement.Vocabulary.JsonOptions);
        var back = JsonSerializer.Deserialize<ContactState>(json, agreement.Vocabulary.JsonOptions)!;
        var rehydrated = agreement.RehydrateContact(back, time);
        Assert.Equal(contact.Stage, rehydrated.Stage);
        Assert.Equal("NurtureEventFollowUp", rehydrated.LeadStatus!.Name);
        Assert.Equal(json, JsonSerializer.Serialize(rehydrated.ToState(), agreement.Vocabulary.JsonOptions));

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ContactState>(json, SalesGlossaryJson.Options));
        Assert.Contains("is not a", error.Message, StringComparison.Ordinal);
        Assert.Contains("Allowed names:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownName_FailsListingTheKnownNames()
    {
        var words = OwnWords().Vocabulary;
        var error = Assert.Throws<UnknownTermException>(() => words.GetLeadStatus("Nurture"));
        Assert.Equal(
            "'Nurture' is not a lead status of the agreement. Known: New, Open, InProgress, AttemptedToContact, Connected, OpenDeal, Unqualified, BadTiming, ReturnedNotReady, NurtureEventFollowUp. Define it in the agreement's vocabulary to use it.",
            error.Message);
        Assert.Equal("Nurture", error.Name);
        Assert.Same(Team.Sales, words.GetTeam("SALES"));
        Assert.Throws<UnknownTermException>(() => Vocabulary.Default.GetTeam("CustomerSuccess"));
    }

    [Fact]
    public void NothingDefined_SpeaksTheArticlesWords()
    {
        var words = ServiceLevelAgreement.Default.Vocabulary;
        Assert.Equal(LifecycleStage.InFunnelOrder, words.Stages);
        Assert.Equal(LeadStatus.List.OrderBy(s => s.Value), words.LeadStatuses);
        Assert.Equal(Team.List.OrderBy(t => t.Value), words.Teams);
        Assert.Equal(LostReason.List.OrderBy(r => r.Value), words.LostReasons);
    }

    [Fact]
    public void BrokenVocabulary_IsRejected_WithEveryProblemAndItsPath()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => OwnWords(a =>
        {
            var v = a["vocabulary"]!;
            v["leadStatuses"] = JsonNode.Parse("""
                [
                  { "name": "NurtureEventFollowUp", "number": 100, "open": true, "closed": true },
                  { "name": "nurtureeventfollowup", "number": 102, "open": true },
                  { "name": "Connected", "number": 103, "open": true },
                  { "name": "Parked", "number": 7, "working": true }
                ]
                """);
            v["stages"] = JsonNode.Parse("""
                [
                  { "name": "SalesAcceptedLead", "number": 101, "after": "MarketingQualifiedLead" },
                  { "name": "Onboarded", "number": 102, "after": "Customer" },
                  { "name": "Limbo", "number": 103, "after": "Nowhere" }
                ]
                """);
            v["teams"] = JsonNode.Parse("""[ { "name": "Customer Success", "number": 100 } ]""");
        }));

        Assert.Equal(
            [
                "$.vocabulary.stages[2].after: 'Nowhere' is not one of the article's lifecycle stages. Known: Subscriber, Lead, MarketingQualifiedLead, SalesQualifiedLead, Opportunity, Customer, Evangelist, Other.",
                "$.vocabulary.leadStatuses[1].name: The lead status 'nurtureeventfollowup' differs from 'NurtureEventFollowUp' only by case; names are compared ignoring case, so give it another name.",
                "$.vocabulary.leadStatuses[2].name: The lead status 'Connected' is defined twice; names are unique.",
                "$.vocabulary.leadStatuses[3].number: The number of lead status 'Parked' is 7; an agreement's terms are numbered from 100 (lower numbers belong to the shipped terms).",
                "$.vocabulary.leadStatuses[0]: Lead status 'NurtureEventFollowUp' is flagged both open and closed; a status is open (sales has work to do) or closed (work ended), never both.",
                "$.vocabulary.leadStatuses[3]: Lead status 'Parked' is flagged working but not open; a status sales is working is open.",
                "$.vocabulary.teams[0].name: 'Customer Success' is not a team name: use a letter, then up to 63 letters or digits (no spaces; the display name is free text).",
            ],
            error.Problems.Where(p => p.Path.StartsWith("$.vocabulary", StringComparison.Ordinal)).Select(p => p.Path + ": " + p.Message));
    }

    [Fact]
    public void AddedStage_WithoutAnOwner_IsRejectedWithItsPath()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => OwnWords(a =>
        {
            a["vocabulary"]!["stages"] = JsonNode.Parse("""
                [
                  { "name": "SalesAcceptedLead", "number": 101, "after": "MarketingQualifiedLead" },
                  { "name": "Onboarded", "number": 102, "after": "Customer" }
                ]
                """);
        }));
        Assert.Contains(
            "$.teams: No team owns Onboarded; every funnel stage needs an owner so that handoffs are explicit (an added stage too: list it under the team that owns it).",
            error.Problems.Select(p => p.Path + ": " + p.Message));
    }

    [Fact]
    public void UnknownTeam_InTheTeamAssignment_NamesTheAgreementsTeams()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => OwnWords(a => a["teams"]!["Success"] = new JsonArray()));
        Assert.Contains(
            "$.teams.Success: 'Success' is not a team. Known: Marketing, Sales, Service, CustomerSuccess.",
            error.Problems.Select(p => p.Path + ": " + p.Message));
    }

    [Fact]
    public void ShippedStatus_WithItsOwnVerb_IsNotSetByChangeLeadStatus()
    {
        var agreement = OwnWords();
        var contact = agreement.GetLeadType("new-prospect").CreateContact("C-8", LifecycleStage.Lead, new FakeTimeProvider(Monday), By.Integration);
        contact.ApplyScore(120m, By.System);
        var refused = Assert.Throws<LifecycleTransitionException>(() => contact.ChangeLeadStatus(LeadStatus.Connected, null, By.Sales));
        Assert.Contains("RecordConnectAttempt", refused.Message, StringComparison.Ordinal);
        Assert.Same(LeadStatus.New, contact.LeadStatus);
        contact.ChangeLeadStatus(LeadStatus.Open, null, By.Sales);
        Assert.Same(LeadStatus.Open, contact.LeadStatus);
    }

    [Fact]
    public void VocabularyCreate_FromCode_ValidatesLikeTheDocument()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => Vocabulary.Create(new VocabularyDefinition
        {
            Stages = [new StageDefinition { Name = "Limbo", Number = 100, After = LifecycleStage.Other }],
            LostReasons = [new ReasonDefinition { Name = "Gone", Number = 100, RequiresExhaustedConnectPolicy = true }],
        }));
        Assert.Equal(
            [
                "$.stages[0].after: Stage 'Limbo' follows Other; an added stage follows a funnel stage from Subscriber to Customer.",
                "$.lostReasons[0].requiresExhaustedConnectPolicy: Lost reason 'Gone' cannot require an exhausted connect policy; only a disqualification reason can.",
            ],
            error.Problems.Select(p => p.Path + ": " + p.Message));
    }
}
