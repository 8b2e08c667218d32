using System.Text.Json.Nodes;

namespace SalesGlossary.Domain.Tests.Agreement;

/// <summary>Every stage, status, reason and deal stage maps to HubSpot and Salesforce codes and back.</summary>
public class CrmCodesTests
{
    private static ServiceLevelAgreement With(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(ServiceLevelAgreement.DefaultJson)!.AsObject();
        change(node);
        return ServiceLevelAgreement.Load(node.ToJsonString());
    }

    public static TheoryData<Crm> Crms() => [.. Enum.GetValues<Crm>()];

    [Theory]
    [MemberData(nameof(Crms))]
    public void EveryCode_RoundTrips_AndEveryTermWithItsOwnCodeComesBack(Crm crm)
    {
        var codes = ServiceLevelAgreement.Default.CrmCodes;
        foreach (var stage in LifecycleStage.List)
        {
            var code = codes.CodeOf(crm, stage);
            Assert.Same(stage, codes.LifecycleStageOf(crm, code));
        }

        foreach (var status in LeadStatus.List)
        {
            var code = codes.CodeOf(crm, status);
            var back = codes.LeadStatusOf(crm, code);
            Assert.Equal(code, codes.CodeOf(crm, back));
            Assert.True(back == status || LeadStatus.List.Count(s => codes.CodeOf(crm, s) == code) > 1, $"{status.Name} has its own code {code} but came back as {back.Name}");
        }

        foreach (var reason in DisqualificationReason.List)
        {
            Assert.Same(reason, codes.DisqualificationReasonOf(crm, codes.CodeOf(crm, reason)));
        }

        foreach (var pipeline in ServiceLevelAgreement.Default.Pipelines.Values)
        {
            foreach (var stage in pipeline.Stages)
            {
                Assert.Equal(stage, codes.DealStageOf(crm, pipeline, codes.CodeOf(crm, pipeline, stage.Name)));
            }
        }
    }

    [Fact]
    public void Defaults_AreTheVendorsDocumentedValues()
    {
        var codes = CrmCodes.Default;
        Assert.Equal("marketingqualifiedlead", codes.CodeOf(Crm.HubSpot, LifecycleStage.MarketingQualifiedLead));
        Assert.Equal("ATTEMPTED_TO_CONTACT", codes.CodeOf(Crm.HubSpot, LeadStatus.AttemptedToContact));
        Assert.Equal("UNABLE_TO_REACH", codes.CodeOf(Crm.HubSpot, DisqualificationReason.UnableToReach));
        Assert.Equal(
            ["Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted"],
            LeadStatus.List.OrderBy(s => s.Value).Select(s => codes.CodeOf(Crm.Salesforce, s)).Distinct());
        Assert.Same(LeadStatus.New, codes.LeadStatusOf(Crm.Salesforce, "Open - Not Contacted"));
        Assert.Same(LeadStatus.Unqualified, codes.LeadStatusOf(Crm.Salesforce, "Closed - Not Converted"));
        var pipeline = ServiceLevelAgreement.Default.Pipelines["Equipment sale"];
        Assert.Equal(("closedwon", "Closed Won"), (codes.CodeOf(Crm.HubSpot, pipeline, "Closed won"), codes.CodeOf(Crm.Salesforce, pipeline, "Closed won")));
        Assert.Equal("createproposal", codes.CodeOf(Crm.HubSpot, pipeline, "Create proposal"));
        Assert.Equal("Closed lost", codes.DealStageOf(Crm.Salesforce, pipeline, "Closed Lost").Name);
    }

    [Fact]
    public void UnknownCode_NamesTheCodeAndListsTheKnownOnes()
    {
        var error = Assert.Throws<UnknownCrmCodeException>(() => CrmCodes.Default.LeadStatusOf(Crm.HubSpot, "attempted_to_contact"));

        Assert.Equal((Crm.HubSpot, "lead status", "attempted_to_contact"), (error.Crm, error.Kind, error.Code));
        Assert.Equal(
            "HubSpot has no lead status with the code 'attempted_to_contact'. Known: 'NEW', 'OPEN', 'IN_PROGRESS', 'ATTEMPTED_TO_CONTACT', 'CONNECTED', 'OPEN_DEAL', 'UNQUALIFIED', 'BAD_TIMING', 'RETURNED_NOT_READY'. Map it in the agreement's crmCodes.HubSpot.",
            error.Message);
        var pipeline = ServiceLevelAgreement.Default.Pipelines["Maintenance service"];
        var stageError = Assert.Throws<UnknownCrmCodeException>(() => CrmCodes.Default.DealStageOf(Crm.HubSpot, pipeline, "appointmentscheduled"));
        Assert.Contains("'needsassessed', 'quotesent', 'closedwon', 'closedlost'", stageError.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => CrmCodes.Default.CodeOf((Crm)7, LifecycleStage.Lead));
    }

    [Fact]
    public void Agreement_OverridesCodes_AndTheyRoundTrip()
    {
        var agreement = With(a => a["crmCodes"] = JsonNode.Parse("""
            {
              "HubSpot": {
                "leadStatuses": { "ReturnedNotReady": "NURTURE_RETURNED" },
                "dealStages": { "Maintenance service": { "Needs assessed": "1170351", "Quote sent": "1170352" } }
              },
              "Salesforce": { "lifecycleStages": { "MarketingQualifiedLead": "MQL" }, "disqualificationReasons": { "NoBudget": "Budget" } }
            }
            """));
        var codes = agreement.CrmCodes;

        Assert.Equal("NURTURE_RETURNED", codes.CodeOf(Crm.HubSpot, LeadStatus.ReturnedNotReady));
        Assert.Same(LeadStatus.ReturnedNotReady, codes.LeadStatusOf(Crm.HubSpot, "NURTURE_RETURNED"));
        Assert.Throws<UnknownCrmCodeException>(() => codes.LeadStatusOf(Crm.HubSpot, "RETURNED_NOT_READY"));
        var pipeline = agreement.Pipelines["Maintenance service"];
        Assert.Equal("Quote sent", codes.DealStageOf(Crm.HubSpot, pipeline, "1170352").Name);
        Assert.Equal("closedwon", codes.CodeOf(Crm.HubSpot, pipeline, "Contract signed"));
        Assert.Same(LifecycleStage.MarketingQualifiedLead, codes.LifecycleStageOf(Crm.Salesforce, "MQL"));
        Assert.Same(DisqualificationReason.NoBudget, codes.DisqualificationReasonOf(Crm.Salesforce, "Budget"));
        Assert.Equal("marketingqualifiedlead", codes.CodeOf(Crm.HubSpot, LifecycleStage.MarketingQualifiedLead));
    }

    [Fact]
    public void InvalidOverrides_AreAllReportedAtOnce_WithTheirPaths()
    {
        var error = Assert.Throws<DefinitionValidationException>(() => With(a => a["crmCodes"] = JsonNode.Parse("""
            {
              "Pipedrive": {},
              "HubSpot": {
                "leadStatuses": { "Nurture": "NURTURE", "New": " " },
                "dealStages": { "Renewal": {}, "Equipment sale": { "Signed": "x" } }
              }
            }
            """)));

        Assert.Equal(
            [
                "$.crmCodes.HubSpot.dealStages.Equipment sale.Signed",
                "$.crmCodes.HubSpot.dealStages.Renewal",
                "$.crmCodes.HubSpot.leadStatuses.New",
                "$.crmCodes.HubSpot.leadStatuses.Nurture",
                "$.crmCodes.Pipedrive",
            ],
            error.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.Contains("Known: HubSpot, Salesforce.", error.Problems.Single(p => p.Path == "$.crmCodes.Pipedrive").Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Crms))]
    public void EveryCodeOfAnAgreementsOwnVocabulary_RoundTripsBothWays_LostReasonsIncluded(Crm crm)
    {
        var agreement = VocabularyTests.OwnWords(a => a["crmCodes"] = JsonNode.Parse("""
            {
              "HubSpot": { "lostReasons": { "BuiltInHouse": "IN_HOUSE" }, "lifecycleStages": { "SalesAcceptedLead": "1234567" } },
              "Salesforce": { "lostReasons": { "Price": "Too expensive" }, "leadStatuses": { "NurtureEventFollowUp": "Nurture - Event" } }
            }
            """));
        var codes = agreement.CrmCodes;
        var words = agreement.Vocabulary;
        foreach (var stage in words.Stages)
        {
            Assert.Equal(stage, codes.LifecycleStageOf(crm, codes.CodeOf(crm, stage)));
        }

        foreach (var status in words.LeadStatuses)
        {
            var code = codes.CodeOf(crm, status);
            Assert.Equal(code, codes.CodeOf(crm, codes.LeadStatusOf(crm, code)));
        }

        foreach (var reason in words.DisqualificationReasons)
        {
            Assert.Equal(reason, codes.DisqualificationReasonOf(crm, codes.CodeOf(crm, reason)));
        }

        foreach (var reason in words.LostReasons)
        {
            Assert.Equal(reason, codes.LostReasonOf(crm, codes.CodeOf(crm, reason)));
        }

        var sal = words.GetStage("SalesAcceptedLead");
        Assert.Equal(crm == Crm.HubSpot ? "1234567" : "Sales Accepted Lead", codes.CodeOf(crm, sal));
        Assert.Equal(crm == Crm.HubSpot ? "IN_HOUSE" : "Built it in-house", codes.CodeOf(crm, words.GetLostReason("BuiltInHouse")));
        Assert.Equal(crm == Crm.HubSpot ? "CHOSE_A_COMPETITOR" : "Chose a competitor", codes.CodeOf(crm, SalesGlossary.Domain.LostReason.Competitor));
        Assert.Equal(crm == Crm.HubSpot ? "NURTURE_EVENT_FOLLOW_UP" : "Nurture - Event", codes.CodeOf(crm, words.GetLeadStatus("NurtureEventFollowUp")));
        var unknown = Assert.Throws<UnknownCrmCodeException>(() => codes.LostReasonOf(crm, "LOST_IN_SPACE"));
        Assert.Equal("lost reason", unknown.Kind);
        Assert.Contains(codes.CodeOf(crm, words.GetLostReason("BuiltInHouse")), unknown.KnownCodes);
    }

    [Fact]
    public void ShippedCodes_DoNotKnowAnAgreementsTerms_AndSayWhichTheyKnow()
    {
        var sal = VocabularyTests.OwnWords().Vocabulary.GetStage("SalesAcceptedLead");
        var error = Assert.Throws<UnknownCrmCodeException>(() => CrmCodes.Default.CodeOf(Crm.HubSpot, sal));
        Assert.Equal("SalesAcceptedLead", error.Code);
    }
}
