using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Agreement;

/// <summary>A lead type applies a model's score as the contact keeps it (points per rule, hand raises as the reason), and refuses a contact it does not own in words that say whose it is.</summary>
public class LeadTypePolicyEdgeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    // The sample model under another name, with a second hand-raise rule; the agreement takes it from a file of its own.
    private static ServiceLevelAgreement WithTwoHandRaises()
    {
        var model = JsonNode.Parse(LeadScoringModel.SampleJson)!.AsObject();
        model["WorkflowName"] = "two-hand-raises";
        model["Rules"]!.AsArray().Add(JsonNode.Parse("""
            {
              "RuleName": "CallBackRequested",
              "Expression": "activity.Type == \"CallBackRequest\"",
              "Properties": { "points": 30, "group": "engagement", "handRaise": true }
            }
            """));
        var agreement = JsonNode.Parse(ServiceLevelAgreement.DefaultJson)!.AsObject();
        agreement["leadTypes"]![0]!["scoringModel"] = "two-hand-raises";
        return ServiceLevelAgreement.Load(agreement.ToJsonString(), new Dictionary<string, string> { ["two-hand-raises"] = model.ToJsonString() });
    }

    private static LeadFacts Lead(params LeadActivity[] activities) =>
        new() { Id = "L-1", Email = "mary@acme.de", JobTitle = "Director Marketing", Industry = "Software", Employees = 450, Country = "DE", Activities = activities };

    [Fact]
    public void ApplyScore_KeepsEachRulesPointsSummedOverItsEvents_ByRuleName_AndRoutesOnEveryHandRaise()
    {
        var agreement = WithTwoHandRaises();
        var prospect = agreement.GetLeadType("new-prospect");
        var contact = prospect.CreateContact("C-1", LifecycleStage.Lead, new FakeTimeProvider(Now), By.Integration);
        var score = prospect.ScoringModel.Score(
            Lead(
                new LeadActivity { Type = "WebinarAttended", OccurredAt = Now.AddHours(-2) },
                new LeadActivity { Type = "WebinarAttended", OccurredAt = Now.AddHours(-1) },
                new LeadActivity { Type = "DemoRequest", OccurredAt = Now.AddHours(-1) },
                new LeadActivity { Type = "CallBackRequest", OccurredAt = Now.AddHours(-1) }),
            Now);
        Assert.Equal(["DemoRequested", "CallBackRequested"], score.HandRaises);

        prospect.ApplyScore(contact, score, By.System);

        Assert.Same(LifecycleStage.SalesQualifiedLead, contact.Stage);
        Assert.Equal("DemoRequested, CallBackRequested", contact.History[^1].Reason);
        var kept = contact.Scores[^1];
        Assert.Equal("two-hand-raises", kept.Model);
        var rules = kept.Rules.Select(r => r.Name).ToArray();
        Assert.Equal(rules.Order(StringComparer.Ordinal), rules);
        Assert.Equal(2, score.Contributions.Count(c => c.Rule == "WebinarAttended"));
        Assert.InRange(kept.Rules.Single(r => r.Name == "WebinarAttended").Points, 29m, 30m); // two webinars of 15, decayed by an hour or two
        Assert.Equal(
            score.Contributions.GroupBy(c => c.Rule).Select(g => (g.Key, g.Sum(c => c.Points))).OrderBy(p => p.Key, StringComparer.Ordinal),
            kept.Rules.Select(r => (r.Name, r.Points)));
    }

    [Fact]
    public void ApplyScore_WithoutAHandRaise_MovesByTheThresholdAlone()
    {
        var prospect = WithTwoHandRaises().GetLeadType("new-prospect");
        var contact = prospect.CreateContact("C-1", LifecycleStage.Lead, new FakeTimeProvider(Now), By.Integration);
        var score = prospect.ScoringModel.Score(Lead(new LeadActivity { Type = "WebinarAttended", OccurredAt = Now.AddHours(-1) }), Now);
        Assert.Empty(score.HandRaises);

        prospect.ApplyScore(contact, score, By.System);

        Assert.Same(LifecycleStage.Lead, contact.Stage);
        Assert.Single(contact.History);
    }

    [Fact]
    public void ApplyScore_WithoutAScoreOrAuthor_IsAnArgumentError_BeforeTheModelIsChecked()
    {
        var prospect = ServiceLevelAgreement.Default.GetLeadType("new-prospect");
        var contact = prospect.CreateContact("C-1", LifecycleStage.Lead, new FakeTimeProvider(Now), By.Integration);
        var foreign = prospect.ScoringModel.Score(Lead(), Now) with { Model = "other" };

        Assert.Equal("score", Assert.Throws<ArgumentNullException>(() => prospect.ApplyScore(contact, null!, By.System)).ParamName);
        Assert.Equal("by", Assert.Throws<ArgumentNullException>(() => prospect.ApplyScore(contact, foreign, null!)).ParamName);
        Assert.Equal("contact", Assert.Throws<ArgumentNullException>(() => prospect.ApplyScore(null!, foreign, By.System)).ParamName);
        Assert.Equal("contact", Assert.Throws<ArgumentNullException>(() => prospect.OpenDeal("D-1", null!, 100m, null, new FakeTimeProvider(Now), By.Sales)).ParamName);
    }

    [Fact]
    public void OpenDeal_ForAContactWithoutALeadType_OrOfTheSameKeyInAnotherAgreement_SaysWhoseItIs()
    {
        var time = new FakeTimeProvider(Now);
        var prospect = ServiceLevelAgreement.Default.GetLeadType("new-prospect");
        var plain = Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
        var none = Assert.Throws<ArgumentException>(() => prospect.OpenDeal("D-1", plain, 100m, null, time, By.Sales));
        Assert.Equal("Contact 'C-1' is of lead type none, not 'new-prospect'; use the contact's own lead type. (Parameter 'contact')", none.Message);

        var elsewhere = ServiceLevelAgreement.Load(ServiceLevelAgreement.DefaultJson).GetLeadType("new-prospect").CreateContact("C-2", LifecycleStage.Lead, time, By.Integration);
        var twin = Assert.Throws<ArgumentException>(() => prospect.OpenDeal("D-2", elsewhere, 100m, null, time, By.Sales));
        Assert.Equal("Contact 'C-2' is of lead type 'new-prospect' of another agreement, not 'new-prospect'; use the contact's own lead type. (Parameter 'contact')", twin.Message);
    }
}
