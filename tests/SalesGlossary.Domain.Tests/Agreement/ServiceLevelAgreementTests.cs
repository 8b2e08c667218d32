using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Agreement;

public class ServiceLevelAgreementTests
{
    private static string Changed(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(ServiceLevelAgreement.DefaultJson)!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    private static DefinitionValidationException Rejected(string json) =>
        Assert.Throws<DefinitionValidationException>(() => ServiceLevelAgreement.Load(json));

    [Fact]
    public void Default_ValidatesClean_AndDrivesTheLibrary()
    {
        var agreement = ServiceLevelAgreement.Default;

        Assert.Equal(["new-prospect", "existing-customer"], agreement.LeadTypes.Select(t => t.Key));
        var prospect = agreement.GetLeadType("new-prospect");
        var customer = agreement.GetLeadType("existing-customer");
        Assert.Equal(100m, prospect.Thresholds.Mql);
        Assert.Equal(140m, customer.Thresholds.Mql);
        Assert.Same(customer.Thresholds, customer.Lifecycle.Thresholds);
        Assert.Equal("Maintenance service", customer.Pipeline.Name);
        Assert.Same(agreement.Pipelines["Maintenance service"], customer.Pipeline);
        Assert.Equal("sample-lead-scoring", prospect.ScoringModel.Name);
        Assert.Equal(6, prospect.ConnectPolicy.MinimumAttempts);
        Assert.Same(prospect.ConnectPolicy, prospect.Lifecycle.ConnectPolicy);
        Assert.Equal("new-prospect", prospect.Lifecycle.LeadType);
        Assert.Same(Team.Sales, agreement.OwnerOf(LifecycleStage.SalesQualifiedLead));
        Assert.Same(Team.Sales, agreement.OwnerOf(LifecycleStage.MarketingQualifiedLead));
    }

    [Fact]
    public void Lifecycle_ReadsThresholdsPerLeadType_AndGatesUnableToReachWithTheConnectPolicy()
    {
        var agreement = ServiceLevelAgreement.Default;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var prospect = agreement.GetLeadType("new-prospect").CreateContact("C-1", LifecycleStage.Lead, time, By.Integration);
        var customer = agreement.GetLeadType("existing-customer").CreateContact("C-2", LifecycleStage.Lead, time, By.Integration);
        prospect.ApplyScore(120, By.System);
        customer.ApplyScore(120, By.System);
        Assert.Same(LifecycleStage.MarketingQualifiedLead, prospect.Stage);
        Assert.Same(LifecycleStage.Lead, customer.Stage);
        Assert.Equal([(Team.Marketing, Team.Sales, LifecycleStage.MarketingQualifiedLead)], prospect.Handoffs.Select(h => (h.From, h.To, h.Stage)));

        prospect.AcceptBySales(By.Sales);
        Assert.Single(prospect.Handoffs);
        for (var i = 0; i < 6; i++)
        {
            time.Advance(TimeSpan.FromDays(2));
            prospect.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.NoAnswer), Actor.Sales);
        }

        Assert.False(prospect.CanDisqualify(DisqualificationReason.UnableToReach));
        prospect.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow().AddHours(5), ConnectChannel.Email, ConnectOutcome.NoAnswer), Actor.Sales);
        Assert.True(prospect.CanDisqualify(DisqualificationReason.UnableToReach));
    }

    [Fact]
    public void Invalid_ReportsEveryProblemWithItsPath()
    {
        var json = Changed(a =>
        {
            a["version"] = "";
            a["teams"]!["Sales"] = new JsonArray("Opportunity");
            var prospect = a["leadTypes"]![0]!;
            prospect["pipeline"] = "Consulting";
            prospect["thresholds"] = new JsonObject { ["mql"] = 120, ["sql"] = 110 };
            a["leadTypes"]![1]!["thresholds"] = new JsonObject { ["mql"] = 400 };
            a["connectPolicies"]![0]!["businessHours"]!["timeZone"] = "Europe/Atlantis";
            a["commitments"]!["marketing"]!["maxSqlRejectionRatePercent"] = 140;
        });

        var error = Rejected(json);

        Assert.Equal(
            [
                "$.version: The agreement needs a version; reports and scores record it.",
                "$.teams: No team owns MarketingQualifiedLead; every funnel stage needs an owner so that handoffs are explicit.",
                "$.teams: No team owns SalesQualifiedLead; every funnel stage needs an owner so that handoffs are explicit.",
                "$.connectPolicies[0].businessHours.timeZone: 'Europe/Atlantis' is not a known time zone; use an IANA id such as 'Europe/Berlin'.",
                "$.leadTypes[0].pipeline: There is no pipeline 'Consulting' in the agreement. Known: 'Equipment sale', 'Maintenance service'; or define it under $.pipelines.",
                "$.leadTypes[0].thresholds.sql: The SQL threshold 110 must be above the MQL threshold 120.",
                "$.leadTypes[1].thresholds.mql: The MQL threshold 400 can never be reached: scoring model 'sample-lead-scoring' gives at most 150.",
                "$.commitments.marketing.maxSqlRejectionRatePercent: The rejection rate is a percentage between 0 and 100; it is 140.",
            ],
            error.Problems.Select(p => p.ToString()));
        Assert.StartsWith("The service level agreement 'Marketing and sales agreement' is invalid (8 problems)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyDefinitions_AreReported()
    {
        var error = Rejected("{\"name\":\"Empty\",\"version\":\"0\"}");
        Assert.Equal(
            [
                "$.teams: The agreement names no teams; say which lifecycle stages marketing, sales and service own.",
                "$.lifecycle: The agreement makes no lifecycle choices; say at least what makes an SQL and what an Opportunity is.",
                "$.pipelines: The agreement defines no deal pipeline.",
                "$.connectPolicies: The agreement defines no connect policy; say what a proper sequence of attempts is.",
                "$.leadTypes: The agreement defines no lead type; every lead needs one to be scored, qualified and worked.",
                "$.commitments.marketing: The agreement needs marketing's commitment: MQLs per month and the highest SQL rejection rate.",
            ],
            error.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void NestedDefinitions_ReportTheirOwnProblemsUnderTheirPath()
    {
        var json = Changed(a =>
        {
            a["pipelines"]![1]!["stages"]![2]!["probability"] = 90;
            a["scoringModels"] = new JsonObject { ["broken"] = JsonNode.Parse("{\"WorkflowName\":\"broken\",\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[{\"RuleName\":\"R\",\"Expression\":\"lead.Nope\",\"Properties\":{\"points\":1}}]}") };
        });

        var error = Rejected(json);

        Assert.Equal(
            [
                "$.pipelines[1].stages[2].probability: The won stage 'Contract signed' must have a probability of 100 %; it has 90 %.",
                "$.scoringModels.broken.Rules[0].Expression: Rule 'R' does not parse: No property or field 'Nope' exists in type 'LeadFacts'",
            ],
            error.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void UnknownNames_AreReportedAllAtOnce_WithEveryOtherProblem()
    {
        var json = Changed(a =>
        {
            a["lifecycle"]!["nurtureStage"] = "Prospect";
            a["lifecycle"]!["sqlQualification"] = "Vibes";
            a["teams"]!["Marketing"] = new JsonArray("Subscriber", "Lead", "Other", "Nurture");
            a["leadStatuses"]![1] = "Opened";
            a["pipelines"]![0]!["stages"]![0]!["kind"] = "Closedish";
            a["pipelines"]![1]!["stages"]![1]!["forecast"] = "Maybe";
            a["connectPolicies"]![0]!["connectedOutcomes"]![0] = "Waved";
            a["connectPolicies"]![0]!["businessHours"]!["workingDays"]![0] = "Moonday";
            a["version"] = "";
        });

        var error = Rejected(json);

        Assert.Equal(
            [
                "$.version: The agreement needs a version; reports and scores record it.",
                "$.teams.Marketing[3]: 'Nurture' is not a lifecycle stage. Known: Subscriber, Lead, MarketingQualifiedLead, SalesQualifiedLead, Opportunity, Customer, Evangelist, Other.",
                "$.lifecycle.sqlQualification: 'Vibes' is not an SQL qualification. Known: SalesAcceptance, Score, SalesAcceptanceOrScore.",
                "$.lifecycle.nurtureStage: 'Prospect' is not a lifecycle stage. Known: Subscriber, Lead, MarketingQualifiedLead, SalesQualifiedLead, Opportunity, Customer, Evangelist, Other.",
                "$.leadStatuses[1]: 'Opened' is not a lead status. Known: New, Open, InProgress, AttemptedToContact, Connected, OpenDeal, Unqualified, BadTiming, ReturnedNotReady.",
                "$.pipelines[0].stages[0].kind: 'Closedish' is not a deal stage kind. Known: Open, Won, Lost, OnHold.",
                "$.pipelines[1].stages[1].forecast: 'Maybe' is not a forecast category. Known: Pipeline, BestCase, Commit, Closed, Omitted.",
                "$.connectPolicies[0].businessHours.workingDays[0]: 'Moonday' is not a day of the week. Known: Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday.",
                "$.connectPolicies[0].connectedOutcomes[0]: 'Waved' is not a connect outcome. Known: Connected, Replied, LeftVoicemail, LeftLiveMessage, NoAnswer, Busy, WrongNumber, Bounced, MeetingBooked.",
            ],
            error.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void UnknownProperties_AreReportedWithEveryOtherProblem()
    {
        var json = Changed(a =>
        {
            a["owner"] = "Marketing ops";
            a["leadTypes"]![0]!["treshold"] = 90;
            a["pipelines"]![0]!["rules"]!["allowSkiping"] = true;
            a["version"] = "";
        });

        Assert.Equal(
            [
                "$.leadTypes[0].treshold: 'treshold' is not a property here. Known: key, name, description, scoringModel, thresholds, pipeline, connectPolicy.",
                "$.pipelines[0].rules.allowSkiping: 'allowSkiping' is not a property here. Known: allowSkipping, allowMovingBack, startStages, requireLostReason.",
                "$.owner: 'owner' is not a property here. Known: name, version, teams, lifecycle, leadStatuses, leadTypes, pipelines, connectPolicies, scoringModels, commitments, crmCodes, vocabulary.",
                "$.version: The agreement needs a version; reports and scores record it.",
            ],
            Rejected(json).Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void SyntaxError_CarriesLineAndPosition()
    {
        var json = ServiceLevelAgreement.DefaultJson.Replace("\"version\": \"1.0.0\",", "\"version\": \"1.0.0\"", StringComparison.Ordinal);

        var error = Rejected(json);

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("The document is not valid JSON at line 4, ", problem.Message, StringComparison.Ordinal);

        var mistyped = Assert.Single(Rejected(Changed(a => a["commitments"]!["marketing"]!["mqlsPerMonth"] = "many")).Problems);
        Assert.Equal("$.commitments.marketing.mqlsPerMonth", mistyped.Path);
        Assert.StartsWith("The document cannot be read (line 1, position ", mistyped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultJson_LoadsWithLoadAlone()
    {
        var agreement = ServiceLevelAgreement.Load(ServiceLevelAgreement.DefaultJson);

        Assert.Equal(["new-prospect", "existing-customer"], agreement.LeadTypes.Select(t => t.Key));
        Assert.Equal(ServiceLevelAgreement.SampleScoringModelName, agreement.GetLeadType("existing-customer").ScoringModel.Name);
        Assert.Equal([ServiceLevelAgreement.SampleScoringModelName], agreement.ScoringModels.Keys);
    }

    [Fact]
    public void UnknownScoringModel_WithNoneKnown_SaysWhatToPass()
    {
        var json = Changed(a =>
        {
            a["leadTypes"]![0]!["scoringModel"] = "our-model";
            a["leadTypes"]![1]!["scoringModel"] = "our-model";
        });

        var problem = Assert.Single(Rejected(json).Problems, p => p.Path == "$.leadTypes[0].scoringModel");

        Assert.Equal(
            "There is no scoring model 'our-model' in the agreement. Known: 'sample-lead-scoring'; or write it under $.scoringModels, or pass its document to ServiceLevelAgreement.Load(json, scoringModels) by this name.",
            problem.Message);
        var pipelines = Assert.Single(Rejected(Changed(a => a["pipelines"] = new JsonArray())).Problems, p => p.Path == "$.leadTypes[0].pipeline");
        Assert.Equal("There is no pipeline 'Equipment sale': the agreement has none; define it under $.pipelines.", pipelines.Message);
    }

    [Fact]
    public void SalesCommitments_AreTheConnectPolicies_AndTheOldBlockIsRefusedWithItsMigration()
    {
        var error = Rejected(Changed(a => a["commitments"]!["sales"] = new JsonObject { ["firstTouchWithinBusinessHours"] = 4, ["attemptsPerLead"] = 8 }));

        Assert.Equal(
            "$.commitments.sales: Sales' commitments are the connect policies of the lead types (firstTouchWithinHours, minimumAttempts, overDays, minimumChannels): remove commitments.sales and set them there.",
            Assert.Single(error.Problems).ToString());
    }

    [Fact]
    public void GetLeadType_Unknown_FailsAtTheLookupWithTheKnownKeys()
    {
        var error = Assert.Throws<ArgumentException>(() => ServiceLevelAgreement.Default.GetLeadType("existing-custmer"));

        Assert.Equal(
            "The agreement 'Marketing and sales agreement' has no lead type 'existing-custmer'. Its lead types: 'new-prospect', 'existing-customer'. (Parameter 'key')",
            error.Message);
        Assert.False(ServiceLevelAgreement.Default.TryGetLeadType("existing-custmer", out _));
    }

    [Fact]
    public void RehydrateContact_ResolvesItsStoredLeadType_AndRefusesAnUnknownOne()
    {
        var agreement = ServiceLevelAgreement.Default;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var customer = agreement.GetLeadType("existing-customer").CreateContact("C-9", LifecycleStage.Lead, time, By.Integration);
        customer.ApplyScore(120, By.System);

        var back = agreement.RehydrateContact(customer.ToState(), time);
        back.ApplyScore(139, By.System);
        Assert.Same(LifecycleStage.Lead, back.Stage);
        back.ApplyScore(140, By.System);
        Assert.Same(LifecycleStage.MarketingQualifiedLead, back.Stage);
        Assert.Same(agreement.GetLeadType("existing-customer").Lifecycle, back.Policy);

        var error = Assert.Throws<DefinitionValidationException>(() => agreement.RehydrateContact(customer.ToState() with { LeadType = "existing-custmer" }, time));
        Assert.Equal(
            "$.leadType: The stored lead type 'existing-custmer' is not one of agreement 'Marketing and sales agreement'; its lead types: 'new-prospect', 'existing-customer'.",
            Assert.Single(error.Problems).ToString());
        var wrongPolicy = Assert.Throws<ArgumentException>(() => Contact.Rehydrate(customer.ToState(), agreement.GetLeadType("new-prospect").Lifecycle, time));
        Assert.Contains("is stored with lead type 'existing-customer' but the policy is that of lead type 'new-prospect'", wrongPolicy.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyScore_ThroughTheLeadType_RefusesAContactOrScoreOfAnotherType()
    {
        var agreement = ServiceLevelAgreement.Default;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var prospect = agreement.GetLeadType("new-prospect");
        var customerContact = agreement.GetLeadType("existing-customer").CreateContact("C-3", LifecycleStage.Lead, time, By.Integration);
        var score = prospect.ScoringModel.Score(new LeadFacts { Id = "L-1", Email = "a@b.example", Activities = [] }, time.GetUtcNow());

        var error = Assert.Throws<ArgumentException>(() => prospect.ApplyScore(customerContact, score, By.System));
        Assert.Equal("Contact 'C-3' is of lead type 'existing-customer', not 'new-prospect'; use the contact's own lead type. (Parameter 'contact')", error.Message);
        var foreign = Assert.Throws<ArgumentException>(() => prospect.ApplyScore(prospect.CreateContact("C-4", LifecycleStage.Lead, time, By.Integration), score with { Model = "other" }, By.System));
        Assert.Equal("The score was made by scoring model 'other', but lead type 'new-prospect' is scored by 'sample-lead-scoring'. (Parameter 'score')", foreign.Message);
    }
}
