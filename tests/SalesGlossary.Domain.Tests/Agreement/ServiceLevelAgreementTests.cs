using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SalesGlossary.Domain.Agreement;
using SalesGlossary.Domain.Connecting;
using SalesGlossary.Domain.Lifecycle;
using SalesGlossary.Domain.Scoring;

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
        Assert.Throws<DefinitionValidationException>(() =>
            ServiceLevelAgreement.Load(json, new Dictionary<string, string> { ["sample-lead-scoring"] = LeadScoringModel.SampleJson }));

    [Fact]
    public void Default_ValidatesClean_AndDrivesTheLibrary()
    {
        var agreement = ServiceLevelAgreement.Default;

        Assert.Equal(["new-prospect", "existing-customer"], agreement.LeadTypes.Select(t => t.Key));
        Assert.Equal(100m, agreement.ThresholdsFor("new-prospect").Mql);
        Assert.Equal(140m, agreement.ThresholdsFor("existing-customer").Mql);
        Assert.Equal("Maintenance service", agreement.PipelineFor("existing-customer").Name);
        Assert.Equal("sample-lead-scoring", agreement.ScoringModelFor("new-prospect").Name);
        Assert.Equal(6, agreement.ConnectPolicyFor("new-prospect").MinimumAttempts);
        Assert.Same(Team.Sales, agreement.OwnerOf(LifecycleStage.SalesQualifiedLead));
    }

    [Fact]
    public void Lifecycle_ReadsThresholdsPerLeadType_AndGatesUnableToReachWithTheConnectPolicy()
    {
        var agreement = ServiceLevelAgreement.Default;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var prospect = Contact.Create("C-1", LifecycleStage.Lead, agreement.Lifecycle, time, Actor.Integration, "new-prospect");
        var customer = Contact.Create("C-2", LifecycleStage.Lead, agreement.Lifecycle, time, Actor.Integration, "existing-customer");
        prospect.ApplyScore(120, Actor.System);
        customer.ApplyScore(120, Actor.System);
        Assert.Same(LifecycleStage.MarketingQualifiedLead, prospect.Stage);
        Assert.Same(LifecycleStage.Lead, customer.Stage);
        Assert.Empty(agreement.HandoffsOf(prospect));

        prospect.AcceptBySales(Actor.Sales);
        Assert.Equal([(Team.Marketing, Team.Sales)], agreement.HandoffsOf(prospect).Select(h => (h.From, h.To)));
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
                "$.teams: No team owns SalesQualifiedLead; every funnel stage needs an owner so that handoffs are explicit.",
                "$.connectPolicies[0].businessHours.timeZone: 'Europe/Atlantis' is not a known time zone; use an IANA id such as 'Europe/Berlin'.",
                "$.leadTypes[0].pipeline: There is no pipeline 'Consulting' in the agreement. Known: 'Equipment sale', 'Maintenance service'.",
                "$.leadTypes[0].thresholds.sql: The SQL threshold 110 must be above the MQL threshold 120.",
                "$.leadTypes[1].thresholds.mql: The MQL threshold 400 can never be reached: scoring model 'sample-lead-scoring' gives at most 150.",
                "$.commitments.marketing.maxSqlRejectionRatePercent: The rejection rate is a percentage between 0 and 100; it is 140.",
            ],
            error.Problems.Select(p => p.ToString()));
        Assert.StartsWith("The service level agreement 'Marketing and sales agreement' is invalid (7 problems)", error.Message, StringComparison.Ordinal);
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
                "$.commitments.sales: The agreement needs sales' commitment: first touch within business hours and attempts per lead.",
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
    public void UnknownStageName_IsAJsonProblemWithItsPath()
    {
        var error = Rejected(Changed(a => a["lifecycle"]!["nurtureStage"] = "Prospect"));
        Assert.Equal(
            "$.lifecycle.nurtureStage: The document cannot be read: 'Prospect' is not a LifecycleStage. Allowed names: Subscriber, Lead, MarketingQualifiedLead, SalesQualifiedLead, Opportunity, Customer, Evangelist, Other.",
            error.Problems.Single().ToString());
    }
}
