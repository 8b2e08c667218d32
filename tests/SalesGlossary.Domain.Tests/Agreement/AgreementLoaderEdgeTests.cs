using System.Text.Json.Nodes;

namespace SalesGlossary.Domain.Tests.Agreement;

/// <summary>
/// The agreement reader at its edges: limits at, below and above; sections left out take their documented default
/// and sections given are used; names read case-insensitively where the schema says so; models from every source.
/// </summary>
public class AgreementLoaderEdgeTests
{
    private const string Model = """{"WorkflowName":"NAME","ScoringModel":{"Version":"1"},"Rules":[{"RuleName":"Big","Expression":"lead.Employees > 1","Properties":{"points":200}}]}""";

    private static string ModelNamed(string name) => Model.Replace("NAME", name, StringComparison.Ordinal);

    private static ServiceLevelAgreement Load(Action<JsonObject> change, IReadOnlyDictionary<string, string>? models = null)
    {
        var node = JsonNode.Parse(ServiceLevelAgreement.DefaultJson)!.AsObject();
        change(node);
        return ServiceLevelAgreement.Load(node.ToJsonString(), models);
    }

    private static string[] Problems(Action<JsonObject> change, IReadOnlyDictionary<string, string>? models = null) =>
        [.. Assert.Throws<DefinitionValidationException>(() => Load(change, models)).Problems.Select(p => p.ToString())];

    [Theory]
    [InlineData(3_999_999)]
    [InlineData(4_000_000)]
    public void Document_AtOrBelowTheLengthLimit_Loads(int length)
    {
        var json = ServiceLevelAgreement.DefaultJson + new string(' ', length - ServiceLevelAgreement.DefaultJson.Length);

        Assert.Equal(length, json.Length);
        Assert.Equal("Marketing and sales agreement", ServiceLevelAgreement.Load(json).Name);
    }

    [Fact]
    public void Document_WithComments_Loads()
    {
        var json = "// The agreement of 2026\n" + ServiceLevelAgreement.DefaultJson.Replace("\"version\": \"1.0.0\",", "\"version\": \"1.0.0\", /* bumped on every change */", StringComparison.Ordinal);

        Assert.Equal("1.0.0", ServiceLevelAgreement.Load(json).Version);
    }

    [Fact]
    public void Names_InAnotherCase_AreRead()
    {
        var agreement = Load(a =>
        {
            a["lifecycle"]!["sqlQualification"] = "salesAcceptanceOrScore";
            var stage = a["pipelines"]![0]!["stages"]![0]!;
            stage["kind"] = "open";
            stage["forecast"] = "bestCase";
        });

        Assert.Equal(SqlQualification.SalesAcceptanceOrScore, agreement.LifecycleDefinitions.SqlQualification);
        var first = agreement.Pipelines["Equipment sale"].Stages[0];
        Assert.Same(DealStageKind.Open, first.Kind);
        Assert.Same(ForecastCategory.BestCase, first.Forecast);
    }

    [Fact]
    public void Pipeline_WithAnOddNumberOfStages_IsBuilt()
    {
        var agreement = Load(a => a["pipelines"]![1]!["stages"]!.AsArray().RemoveAt(1));

        Assert.Equal(["Needs assessed", "Contract signed", "Declined"], agreement.Pipelines["Maintenance service"].Stages.Select(s => s.Name));
        Assert.Same(agreement.Pipelines["Maintenance service"], agreement.GetLeadType("existing-customer").Pipeline);
    }

    [Fact]
    public void LeadStatuses_Empty_AreTheVocabularys()
    {
        var agreement = Load(a => a["leadStatuses"] = new JsonArray());

        Assert.Equal(Vocabulary.Default.LeadStatuses, agreement.LeadStatuses);
        Assert.Equal(Vocabulary.Default.LeadStatuses, agreement.LifecycleDefinitions.LeadStatuses);
    }

    [Fact]
    public void LeadStatuses_Listed_AreTheAgreementsAndTheLifecycles()
    {
        var agreement = Load(a => a["leadStatuses"] = new JsonArray("New", "Open", "Connected", "Unqualified"));

        Assert.Equal([LeadStatus.New, LeadStatus.Open, LeadStatus.Connected, LeadStatus.Unqualified], agreement.LeadStatuses);
        Assert.Equal([LeadStatus.New, LeadStatus.Open, LeadStatus.Connected, LeadStatus.Unqualified], agreement.LifecycleDefinitions.LeadStatuses);
    }

    [Fact]
    public void LeadStatuses_AllUnknown_AreReportedAfterTheLifecycle_AndNothingElse()
    {
        Assert.Equal(
            [
                "$.lifecycle.opportunityDefinition: 'Handshake' is not an Opportunity definition. Known: OpenDeal, FirstSuccessfulConnect.",
                "$.leadStatuses[0]: 'Opened' is not a lead status. Known: New, Open, InProgress, AttemptedToContact, Connected, OpenDeal, Unqualified, BadTiming, ReturnedNotReady.",
            ],
            Problems(a =>
            {
                a["leadStatuses"] = new JsonArray("Opened");
                a["lifecycle"]!["opportunityDefinition"] = "Handshake";
            }));
    }

    [Fact]
    public void OtherStage_NotListed_IsOwnedByMarketing_AndTheListedOwnersStand()
    {
        var agreement = Load(a => a["teams"] = JsonNode.Parse("""
            { "Marketing": ["Subscriber"], "Sales": ["Lead", "MarketingQualifiedLead", "SalesQualifiedLead", "Opportunity"], "Service": ["Customer", "Evangelist"] }
            """));

        Assert.Same(Team.Marketing, agreement.OwnerOf(LifecycleStage.Other));
        Assert.Same(Team.Sales, agreement.OwnerOf(LifecycleStage.Lead));
    }

    [Fact]
    public void ScoringModels_SectionLeftOut_TheSampleStillScores()
    {
        var agreement = Load(a => a.Remove("scoringModels"));

        Assert.Equal([ServiceLevelAgreement.SampleScoringModelName], agreement.ScoringModels.Keys);
        Assert.Equal(["new-prospect", "existing-customer"], agreement.LeadTypes.Select(t => t.Key));
    }

    [Fact]
    public void ScoringModel_Inline_IsReferencedByALeadType()
    {
        var agreement = Load(a =>
        {
            a["scoringModels"] = new JsonObject { ["partner"] = JsonNode.Parse(ModelNamed("partner")) };
            a["leadTypes"]![1]!["scoringModel"] = "partner";
        });

        Assert.Equal("partner", agreement.GetLeadType("existing-customer").ScoringModel.Name);
        Assert.Equal(["new-prospect", "existing-customer"], agreement.LeadTypes.Select(t => t.Key));
    }

    [Fact]
    public void ScoringModel_FromAFile_IsReferencedByALeadType()
    {
        var agreement = Load(a => a["leadTypes"]![1]!["scoringModel"] = "partner", new Dictionary<string, string> { ["partner"] = ModelNamed("partner") });

        Assert.Equal("partner", agreement.GetLeadType("existing-customer").ScoringModel.Name);
        Assert.Same(agreement.ScoringModels["partner"], agreement.GetLeadType("existing-customer").ScoringModel);
        Assert.Equal(["new-prospect", "existing-customer"], agreement.LeadTypes.Select(t => t.Key));
    }

    [Fact]
    public void MarketingCommitment_IsCarried()
    {
        Assert.Equal(new MarketingCommitment(120, 20m), ServiceLevelAgreement.Default.Marketing);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 100)]
    public void MarketingCommitment_AtItsEdges_IsAccepted(int mqls, int rate)
    {
        var agreement = Load(a =>
        {
            a["commitments"]!["marketing"]!["mqlsPerMonth"] = mqls;
            a["commitments"]!["marketing"]!["maxSqlRejectionRatePercent"] = rate;
        });

        Assert.Equal(new MarketingCommitment(mqls, rate), agreement.Marketing);
    }

    [Fact]
    public void CrmCodes_LeftOut_AreTheVendorDefaults()
    {
        Assert.Same(CrmCodes.Default, ServiceLevelAgreement.Default.CrmCodes);
    }

    [Fact]
    public void CrmCodes_LeftOut_WithOwnWords_CodeTheAgreementsOwnTerms()
    {
        var agreement = VocabularyTests.OwnWords();
        var status = agreement.Vocabulary.GetLeadStatus("NurtureEventFollowUp");

        Assert.Equal("NURTURE_EVENT_FOLLOW_UP", agreement.CrmCodes.CodeOf(Crm.HubSpot, status));
    }

    [Fact]
    public void CrmCodes_DealStagesOfAPipelineNull_AreTheDefaults()
    {
        var agreement = Load(a => a["crmCodes"] = JsonNode.Parse("""{ "HubSpot": { "dealStages": { "Equipment sale": null } } }"""));

        Assert.Equal(
            CrmCodes.Default.CodeOf(Crm.HubSpot, agreement.Pipelines["Equipment sale"], "Closed won"),
            agreement.CrmCodes.CodeOf(Crm.HubSpot, agreement.Pipelines["Equipment sale"], "Closed won"));
    }

    [Fact]
    public void CrmCode_OfTwoHundredCharacters_IsAccepted()
    {
        var code = new string('x', 200);
        var agreement = Load(a => a["crmCodes"] = new JsonObject { ["HubSpot"] = new JsonObject { ["leadStatuses"] = new JsonObject { ["New"] = code } } });

        Assert.Equal(code, agreement.CrmCodes.CodeOf(Crm.HubSpot, LeadStatus.New));
    }

    [Theory]
    [InlineData(201)]
    [InlineData(0)]
    [InlineData(-1)]
    public void CrmCode_EmptyTooLongOrPadded_IsRefused(int length)
    {
        var code = length switch { -1 => " new", _ => new string('x', length) };

        Assert.Equal(
            ["$.crmCodes.HubSpot.leadStatuses.New: A CRM code must be 1 to 200 characters without leading or trailing white space."],
            Problems(a => a["crmCodes"] = new JsonObject { ["HubSpot"] = new JsonObject { ["leadStatuses"] = new JsonObject { ["New"] = code } } }));
    }

    [Theory]
    [InlineData("hubspot")]
    [InlineData("+1")]
    [InlineData("1")]
    public void Crm_NotNamedExactly_IsRefused_AndItsCodesAreNotRead(string crm)
    {
        Assert.Equal(
            [$"$.crmCodes.{crm}: '{crm}' is not a CRM. Known: HubSpot, Salesforce."],
            Problems(a => a["crmCodes"] = new JsonObject { [crm] = new JsonObject { ["leadStatuses"] = new JsonObject { ["Nope"] = "" } } }));
    }

    [Fact]
    public void CrmCodes_OfUnknownTerms_AreRefusedEachWithItsKindAndPath()
    {
        var problems = Problems(a => a["crmCodes"] = JsonNode.Parse("""
            {
              "Salesforce": {
                "lifecycleStages": { "Prospect": "P" },
                "leadStatuses": { "Nurture": "N" },
                "disqualificationReasons": { "Spam": "S" },
                "lostReasons": { "Weather": "W" },
                "dealStages": { "Consulting": { "Signed": "S" }, "Equipment sale": { "Signed": "S", "Closed won": " Won" } }
              }
            }
            """));

        Assert.Equal(
            [
                "$.crmCodes.Salesforce.lifecycleStages.Prospect: 'Prospect' is not a lifecycle stage. Known: Subscriber, Lead, MarketingQualifiedLead, SalesQualifiedLead, Opportunity, Customer, Evangelist, Other.",
                "$.crmCodes.Salesforce.leadStatuses.Nurture: 'Nurture' is not a lead status. Known: New, Open, InProgress, AttemptedToContact, Connected, OpenDeal, Unqualified, BadTiming, ReturnedNotReady.",
                "$.crmCodes.Salesforce.disqualificationReasons.Spam: 'Spam' is not a disqualification reason. Known: UnableToReach, InaccurateData, NoInterestOrNeed, NoBudget, NoFit, Other.",
                "$.crmCodes.Salesforce.lostReasons.Weather: 'Weather' is not a lost reason. Known: Price, Competitor, NoDecision, Timing, NoBudget, ProductFit, Other.",
                "$.crmCodes.Salesforce.dealStages.Consulting: 'Consulting' is not a pipeline of the agreement. Known: 'Equipment sale', 'Maintenance service'.",
                "$.crmCodes.Salesforce.dealStages.Equipment sale.Signed: 'Signed' is not a stage of pipeline 'Equipment sale'. Known: 'Discovery / meeting booked', 'Create proposal', 'Present proposal', 'Closed won', 'Closed lost', 'On hold'.",
                "$.crmCodes.Salesforce.dealStages.Equipment sale.Closed won: A CRM code must be 1 to 200 characters without leading or trailing white space.",
            ],
            problems);
    }

    [Fact]
    public void Vocabulary_WithOnlyLeadStatuses_KeepsTheDefaultsOfEveryOtherKind()
    {
        var agreement = Load(a => a["vocabulary"] = JsonNode.Parse("""
            { "leadStatuses": [ { "name": "Dormant", "number": 100, "displayName": "Dormant", "open": true, "working": true, "connected": true } ] }
            """));

        var dormant = agreement.Vocabulary.GetLeadStatus("Dormant");
        Assert.True(dormant.IsWorking);
        Assert.True(dormant.IsConnected);
        Assert.True(dormant.IsOpen);
        Assert.False(dormant.IsClosed);
        Assert.Equal(Vocabulary.Default.Stages, agreement.Vocabulary.Stages);
        Assert.Equal(Vocabulary.Default.Teams, agreement.Vocabulary.Teams);
    }

    [Fact]
    public void Vocabulary_StatusFlagsLeftOut_AreFalse()
    {
        var agreement = Load(a => a["vocabulary"] = JsonNode.Parse("""
            { "leadStatuses": [ { "name": "Dormant", "number": 100, "displayName": "Dormant", "open": true } ] }
            """));

        var dormant = agreement.Vocabulary.GetLeadStatus("Dormant");
        Assert.True(dormant.IsOpen);
        Assert.False(dormant.IsWorking);
        Assert.False(dormant.IsConnected);
        Assert.False(dormant.IsClosed);
    }

    [Fact]
    public void Vocabulary_WithOnlyAStage_IsRead_WithTheStageAfterItsBackboneInAnyCase()
    {
        var agreement = Load(a =>
        {
            a["vocabulary"] = JsonNode.Parse("""
                { "stages": [ { "name": "SalesAcceptedLead", "number": 101, "displayName": "Sales Accepted Lead", "after": "marketingQualifiedLead" } ] }
                """);
            a["teams"]!["Sales"]!.AsArray().Insert(1, "SalesAcceptedLead");
        });

        Assert.Same(LifecycleStage.MarketingQualifiedLead, agreement.Vocabulary.GetStage("SalesAcceptedLead").Backbone);
        Assert.Equal(Vocabulary.Default.LeadStatuses, agreement.Vocabulary.LeadStatuses);
    }

    [Fact]
    public void VocabularyStage_WithoutAfter_IsTheOnlyProblem()
    {
        Assert.Equal(
            ["$.vocabulary.stages[0].after: Stage 'SalesAcceptedLead' needs the stage it follows (after), for example MarketingQualifiedLead."],
            VocabularyProblems("""{ "stages": [ { "name": "SalesAcceptedLead", "number": 101, "displayName": "Sales Accepted Lead" } ] }"""));
    }

    [Fact]
    public void VocabularyStage_AfterAnUnknownStage_IsReportedForThatAlone_AndNotAgainWhereTeamsListIt()
    {
        Assert.Equal(
            ["$.vocabulary.stages[0].after: 'Nowhere' is not one of the article's lifecycle stages. Known: Subscriber, Lead, MarketingQualifiedLead, SalesQualifiedLead, Opportunity, Customer, Evangelist, Other."],
            VocabularyProblems("""{ "stages": [ { "name": "SalesAcceptedLead", "number": 5, "after": "Nowhere" } ] }"""));
    }

    [Fact]
    public void VocabularyTerm_WithoutNumber_IsRefused_AndItsNamesAreNotReportedAgainWhereUsed()
    {
        var problems = Problems(a =>
        {
            a["vocabulary"] = JsonNode.Parse("""
                {
                  "leadStatuses": [ { "name": "Dormant", "displayName": "Dormant", "open": true } ],
                  "disqualificationReasons": [ { "name": "ChoseCompetitor", "number": 100, "displayName": "Chose a competitor" } ],
                  "lostReasons": [ { "name": "BuiltInHouse", "number": 100, "displayName": "Built it in-house" } ],
                  "teams": [ { "name": "Partner", "number": 100, "displayName": "Partner team" } ],
                  "actors": [ { "name": "Partner", "number": 100, "displayName": "Reseller partner" } ]
                }
                """);
            a["leadStatuses"]!.AsArray().Add("Dormant");
            a["teams"]!.AsObject().Add("Partner", new JsonArray());
            a["crmCodes"] = JsonNode.Parse("""
                { "HubSpot": { "leadStatuses": { "Dormant": "D" }, "disqualificationReasons": { "ChoseCompetitor": "C" }, "lostReasons": { "BuiltInHouse": "B" } } }
                """);
        });

        Assert.Equal(["$.vocabulary.leadStatuses[0].number: The term needs a number (100 or more): it is what storage keeps, so it never changes."], problems);
    }

    [Fact]
    public void DisplayNameKind_GivenAsASignedNumber_IsRefused()
    {
        Assert.Equal(
            ["$.vocabulary.displayNames[0].kind: '+1' is not a kind of term. Known: stage, leadStatus, disqualificationReason, lostReason, team, actor."],
            Problems(a => a["vocabulary"] = JsonNode.Parse("""{ "displayNames": [ { "kind": "+1", "term": "Lead", "language": "de", "displayName": "Neu" } ] }""")));
    }

    private static string[] VocabularyProblems(string vocabulary) =>
        Problems(a =>
        {
            a["vocabulary"] = JsonNode.Parse(vocabulary);
            a["teams"]!["Sales"]!.AsArray().Insert(1, "SalesAcceptedLead");
        });
}
