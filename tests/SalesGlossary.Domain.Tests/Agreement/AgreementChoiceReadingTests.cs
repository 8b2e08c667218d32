using System.Text.Json.Nodes;

namespace SalesGlossary.Domain.Tests.Agreement;

/// <summary>
/// Every lifecycle choice and connect-policy setting an agreement states is the one the loaded agreement carries: a
/// value the reader dropped or replaced with its default fails here.
/// </summary>
public class AgreementChoiceReadingTests
{
    private static ServiceLevelAgreement Load(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(ServiceLevelAgreement.DefaultJson)!.AsObject();
        change(node);
        return ServiceLevelAgreement.Load(node.ToJsonString());
    }

    private static DefinitionValidationException Rejected(Action<JsonObject> change) =>
        Assert.Throws<DefinitionValidationException>(() => Load(change));

    [Fact]
    public void LifecycleChoices_OtherThanTheDefaults_AreCarried()
    {
        var agreement = Load(a =>
        {
            var lifecycle = a["lifecycle"]!;
            lifecycle["sqlQualification"] = "SalesAcceptanceOrScore";
            lifecycle["opportunityDefinition"] = "FirstSuccessfulConnect";
            lifecycle["handRaiseRoute"] = "MarketingQualifiedLead";
            lifecycle["nurtureStage"] = "Subscriber";
            lifecycle["recycleWhenDealLost"] = true;
            lifecycle["requalification"] = new JsonObject { ["minimumNewPoints"] = 35, ["coolOffDays"] = 1.5, ["countHandoffs"] = "FirstHandoffOnly" };
        });

        var chosen = agreement.LifecycleDefinitions;
        Assert.Equal(SqlQualification.SalesAcceptanceOrScore, chosen.SqlQualification);
        Assert.Equal(OpportunityDefinition.FirstSuccessfulConnect, chosen.OpportunityDefinition);
        Assert.Same(LifecycleStage.MarketingQualifiedLead, chosen.HandRaiseRoute);
        Assert.Same(LifecycleStage.Subscriber, chosen.NurtureStage);
        Assert.True(chosen.RecycleWhenDealLost);
        Assert.Equal(35m, chosen.Requalification.MinimumNewPoints);
        Assert.Equal(TimeSpan.FromHours(36), chosen.Requalification.CoolOff);
        Assert.Equal(RequalifiedHandoffCounting.FirstHandoffOnly, chosen.Requalification.CountHandoffs);
    }

    [Fact]
    public void LifecycleChoicesLeftOut_TakeTheDocumentedDefaults()
    {
        var agreement = Load(a =>
        {
            var lifecycle = a["lifecycle"]!.AsObject();
            lifecycle.Remove("handRaiseRoute");
            lifecycle.Remove("nurtureStage");
            lifecycle.Remove("recycleWhenDealLost");
            lifecycle.Remove("requalification");
        });

        var chosen = agreement.LifecycleDefinitions;
        Assert.Null(chosen.HandRaiseRoute);
        Assert.Same(LifecycleStage.Lead, chosen.NurtureStage);
        Assert.False(chosen.RecycleWhenDealLost);
        Assert.Equal(new RequalificationRule(), chosen.Requalification);
    }

    [Theory]
    [InlineData(0, "The cool-off is 0 days; give a number of days above 0 and at most 3650.")]
    [InlineData(-1, "The cool-off is -1 days; give a number of days above 0 and at most 3650.")]
    [InlineData(3651, "The cool-off is 3651 days; give a number of days above 0 and at most 3650.")]
    public void CoolOff_OutsideItsRange_IsRefusedWithItsPath(int days, string message)
    {
        var problem = Assert.Single(Rejected(a => a["lifecycle"]!["requalification"]!["coolOffDays"] = days).Problems);

        Assert.Equal("$.lifecycle.requalification.coolOffDays", problem.Path);
        Assert.Equal(message, problem.Message);
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(3650)]
    public void CoolOff_AtTheEdgesOfItsRange_IsAccepted(double days)
    {
        var agreement = Load(a => a["lifecycle"]!["requalification"]!["coolOffDays"] = days);

        Assert.Equal(TimeSpan.FromDays(days), agreement.LifecycleDefinitions.Requalification.CoolOff);
    }

    [Fact]
    public void ConnectPolicy_EverySetting_IsCarried()
    {
        var agreement = Load(a =>
        {
            var policy = a["connectPolicies"]![0]!;
            policy["firstTouchWithinHours"] = 2.5;
            policy["minimumAttempts"] = 4;
            policy["overDays"] = 7;
            policy["minimumChannels"] = 3;
            policy["minimumSpacingHours"] = 6;
            policy["connectedOutcomes"] = new JsonArray("Replied", "MeetingBooked");
            var hours = policy["businessHours"]!;
            hours["opens"] = "08:30:00";
            hours["closes"] = "18:15:00";
            hours["workingDays"] = new JsonArray("Tuesday", "Saturday");
        });

        var policy = agreement.ConnectPolicies["Standard follow-up"];
        Assert.Equal(TimeSpan.FromMinutes(150), policy.FirstTouchWithin);
        Assert.Equal(4, policy.MinimumAttempts);
        Assert.Equal(7, policy.OverDays);
        Assert.Equal(3, policy.MinimumChannels);
        Assert.Equal(TimeSpan.FromHours(6), policy.MinimumSpacing);
        Assert.Equal([ConnectOutcome.Replied, ConnectOutcome.MeetingBooked], policy.ConnectedOutcomes);
        Assert.Equal("Europe/Berlin", policy.BusinessHours.TimeZone);
        Assert.Equal(new TimeOnly(8, 30), policy.BusinessHours.Opens);
        Assert.Equal(new TimeOnly(18, 15), policy.BusinessHours.Closes);
        Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Saturday], policy.BusinessHours.WorkingDays);
        Assert.Equal(new DateOnly(2026, 12, 24), policy.BusinessHours.Holidays[0]);
        Assert.Same(policy, agreement.GetLeadType("new-prospect").ConnectPolicy);
    }

    [Fact]
    public void ConnectPolicy_NameUsedTwice_IsRefused()
    {
        var problem = Assert.Single(Rejected(a => a["connectPolicies"]!.AsArray().Add(a["connectPolicies"]![0]!.DeepClone())).Problems);

        Assert.Equal("$.connectPolicies[1].name", problem.Path);
        Assert.Equal("The connect policy name 'Standard follow-up' is used more than once.", problem.Message);
    }
}
