using System.Text.Json.Nodes;

namespace SalesGlossary.Domain.Tests.Agreement;

/// <summary>The codes of an agreement that states its own crmCodes: every default in each CRM, and every unknown code or stage named with its kind and the known ones.</summary>
public class CrmCodesEdgeTests
{
    // An agreement with a crmCodes section gets codes of its own (an agreement without one shares the package's).
    private static ServiceLevelAgreement Mapped(Action<JsonObject>? change = null)
    {
        var node = JsonNode.Parse(ServiceLevelAgreement.DefaultJson)!.AsObject();
        node["crmCodes"] = JsonNode.Parse("""{ "HubSpot": { "leadStatuses": { "New": "NEW" } } }""");
        change?.Invoke(node);
        return ServiceLevelAgreement.Load(node.ToJsonString());
    }

    [Fact]
    public void UnknownCode_OfEveryKind_NamesTheKind_AndListsTheKnownCodesInTermOrder()
    {
        var codes = Mapped().CrmCodes;

        var stage = Assert.Throws<UnknownCrmCodeException>(() => codes.LifecycleStageOf(Crm.HubSpot, "sql"));
        Assert.Equal(
            "HubSpot has no lifecycle stage with the code 'sql'. Known: 'subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other'. Map it in the agreement's crmCodes.HubSpot.",
            stage.Message);
        var status = Assert.Throws<UnknownCrmCodeException>(() => codes.LeadStatusOf(Crm.Salesforce, "Working"));
        Assert.Equal(
            "Salesforce has no lead status with the code 'Working'. Known: 'Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'. Map it in the agreement's crmCodes.Salesforce.",
            status.Message);
        var reason = Assert.Throws<UnknownCrmCodeException>(() => codes.DisqualificationReasonOf(Crm.Salesforce, "No Budget"));
        Assert.Equal(
            "Salesforce has no disqualification reason with the code 'No Budget'. Known: 'Unable to reach', 'Inaccurate data', 'No interest or need', 'No budget', 'No fit', 'Other'. Map it in the agreement's crmCodes.Salesforce.",
            reason.Message);
        Assert.Equal((Crm.Salesforce, "disqualification reason", "No Budget"), (reason.Crm, reason.Kind, reason.Code));
    }

    [Fact]
    public void UnknownDealStage_OfAPipeline_NamesThePipeline_ForCodesAndForStageNames()
    {
        var agreement = Mapped();
        var pipeline = agreement.Pipelines["Equipment sale"];

        var code = Assert.Throws<UnknownCrmCodeException>(() => agreement.CrmCodes.DealStageOf(Crm.Salesforce, pipeline, "Proposal"));
        Assert.Equal("deal stage of pipeline 'Equipment sale'", code.Kind);
        Assert.Equal(
            ["Discovery / meeting booked", "Create proposal", "Present proposal", "Closed Won", "Closed Lost", "On hold"],
            code.KnownCodes);

        var name = Assert.Throws<UnknownCrmCodeException>(() => agreement.CrmCodes.CodeOf(Crm.HubSpot, pipeline, "Create Proposal"));
        Assert.Equal(
            "HubSpot has no stage name in pipeline 'Equipment sale' with the code 'Create Proposal'. Known: 'Discovery / meeting booked', 'Create proposal', 'Present proposal', 'Closed won', 'Closed lost', 'On hold'. Map it in the agreement's crmCodes.HubSpot.",
            name.Message);
        Assert.Equal("stage name in pipeline 'Equipment sale'", name.Kind);
        Assert.Equal("pipeline", Assert.Throws<ArgumentNullException>(() => agreement.CrmCodes.CodeOf(Crm.HubSpot, null!, "Create proposal")).ParamName);
        Assert.Equal("stageName", Assert.Throws<ArgumentNullException>(() => agreement.CrmCodes.CodeOf(Crm.HubSpot, pipeline, null!)).ParamName);
    }

    [Fact]
    public void Defaults_DifferByCrm_ForStatusesReasonsAndOpenDealStages()
    {
        var agreement = Mapped();
        var codes = agreement.CrmCodes;
        var pipeline = agreement.Pipelines["Equipment sale"];

        Assert.Equal(("IN_PROGRESS", "Working - Contacted"), (codes.CodeOf(Crm.HubSpot, LeadStatus.InProgress), codes.CodeOf(Crm.Salesforce, LeadStatus.InProgress)));
        Assert.Equal(("BAD_TIMING", "Closed - Not Converted"), (codes.CodeOf(Crm.HubSpot, LeadStatus.BadTiming), codes.CodeOf(Crm.Salesforce, LeadStatus.BadTiming)));
        Assert.Equal(("NO_INTEREST_OR_NEED", "No interest or need"), (codes.CodeOf(Crm.HubSpot, DisqualificationReason.NoInterestOrNeed), codes.CodeOf(Crm.Salesforce, DisqualificationReason.NoInterestOrNeed)));
        Assert.Equal(("marketingqualifiedlead", "Marketing Qualified Lead"), (codes.CodeOf(Crm.HubSpot, LifecycleStage.MarketingQualifiedLead), codes.CodeOf(Crm.Salesforce, LifecycleStage.MarketingQualifiedLead)));
        Assert.Equal(("discoverymeetingbooked", "Discovery / meeting booked"), (codes.CodeOf(Crm.HubSpot, pipeline, "Discovery / meeting booked"), codes.CodeOf(Crm.Salesforce, pipeline, "Discovery / meeting booked")));
        Assert.Equal(("closedlost", "Closed Lost"), (codes.CodeOf(Crm.HubSpot, pipeline, "Closed lost"), codes.CodeOf(Crm.Salesforce, pipeline, "Closed lost")));
        Assert.Same(DisqualificationReason.NoInterestOrNeed, codes.DisqualificationReasonOf(Crm.HubSpot, "NO_INTEREST_OR_NEED"));
        Assert.Same(LeadStatus.InProgress, codes.LeadStatusOf(Crm.Salesforce, "Working - Contacted"));
    }

    [Fact]
    public void DefaultHubSpotCode_OfAnAgreementsTerm_IsItsDisplayNameInUpperSnakeCase_WhateverPunctuationSurroundsIt()
    {
        var agreement = VocabularyTests.OwnWords(a =>
        {
            a["vocabulary"]!["disqualificationReasons"] = JsonNode.Parse("""
                [
                  { "name": "PartnerUnreachable", "number": 100, "displayName": "(Partner) unreachable – no reply!" },
                  { "name": "Duplicate", "number": 101, "displayName": "  --Duplicate--  " }
                ]
                """);
            a["vocabulary"]!["lostReasons"] = JsonNode.Parse("""[ { "name": "InHouse", "number": 100, "displayName": "...built in-house..." } ]""");
        });
        var words = agreement.Vocabulary;
        var codes = agreement.CrmCodes;

        Assert.Equal("PARTNER_UNREACHABLE_NO_REPLY", codes.CodeOf(Crm.HubSpot, words.GetDisqualificationReason("PartnerUnreachable")));
        Assert.Equal("DUPLICATE", codes.CodeOf(Crm.HubSpot, words.GetDisqualificationReason("Duplicate")));
        Assert.Equal("(Partner) unreachable – no reply!", codes.CodeOf(Crm.Salesforce, words.GetDisqualificationReason("PartnerUnreachable")));
        Assert.Equal("BUILT_IN_HOUSE", codes.CodeOf(Crm.HubSpot, words.GetLostReason("InHouse")));
        Assert.Same(words.GetDisqualificationReason("PartnerUnreachable"), codes.DisqualificationReasonOf(Crm.HubSpot, "PARTNER_UNREACHABLE_NO_REPLY"));
    }
}
