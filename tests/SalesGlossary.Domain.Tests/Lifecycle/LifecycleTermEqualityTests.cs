using Ardalis.SmartEnum;
using System.Globalization;

namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>Stages, lead statuses and disqualification reasons are equal only with the same number and the same name, and know whether the agreement defined them.</summary>
public class LifecycleTermEqualityTests
{
    [Fact]
    public void LeadStatus_SameNumberAnotherName_IsNotEqual()
    {
        var queued = LeadStatus.Define(new LeadStatusDefinition { Name = "Queued", Number = 100, IsOpen = true });
        var parked = LeadStatus.Define(new LeadStatusDefinition { Name = "Parked", Number = 100, IsOpen = true });

        Assert.False(queued.Equals(parked));
        Assert.True(queued.Equals(LeadStatus.Define(new LeadStatusDefinition { Name = "Queued", Number = 100 })));
        Assert.False(queued.Equals((SmartEnum<LeadStatus, int>?)null));
    }

    [Fact]
    public void LeadStatus_IsDefinedByAgreement_FromNumber100()
    {
        Assert.True(LeadStatus.Define(new LeadStatusDefinition { Name = "Queued", Number = 100 }).IsDefinedByAgreement);
        Assert.False(LeadStatus.ReturnedNotReady.IsDefinedByAgreement);
    }

    [Fact]
    public void DisqualificationReason_SameNumberAnotherName_IsNotEqual_AndSameNameAnotherNumberNeither()
    {
        var duplicate = DisqualificationReason.Define(new ReasonDefinition { Name = "Duplicate", Number = 100 });

        Assert.False(duplicate.Equals(DisqualificationReason.Define(new ReasonDefinition { Name = "Merged", Number = 100 })));
        Assert.False(duplicate.Equals(DisqualificationReason.Define(new ReasonDefinition { Name = "Duplicate", Number = 101 })));
        Assert.True(duplicate.Equals(DisqualificationReason.Define(new ReasonDefinition { Name = "Duplicate", Number = 100 })));
        Assert.False(duplicate.Equals((SmartEnum<DisqualificationReason, int>?)null));
    }

    [Fact]
    public void DisqualificationReason_IsDefinedByAgreement_FromNumber100()
    {
        Assert.True(DisqualificationReason.Define(new ReasonDefinition { Name = "Duplicate", Number = 100 }).IsDefinedByAgreement);
        Assert.False(DisqualificationReason.Define(new ReasonDefinition { Name = "Legacy", Number = 99 }).IsDefinedByAgreement);
        Assert.False(DisqualificationReason.UnableToReach.IsDefinedByAgreement);
    }

    [Fact]
    public void LifecycleStage_SameNumberAnotherName_IsNotEqual_AndSameNameAnotherNumberNeither()
    {
        var nurtured = LifecycleStage.Add(new StageDefinition { Name = "Nurtured", Number = 101, After = LifecycleStage.Lead }, LifecycleStage.Lead, 1);

        Assert.False(nurtured.Equals(LifecycleStage.Add(new StageDefinition { Name = "Reviewed", Number = 101, After = LifecycleStage.Lead }, LifecycleStage.Lead, 1)));
        Assert.False(nurtured.Equals(LifecycleStage.Add(new StageDefinition { Name = "Nurtured", Number = 102, After = LifecycleStage.Lead }, LifecycleStage.Lead, 1)));
        Assert.True(nurtured.Equals(LifecycleStage.Add(new StageDefinition { Name = "Nurtured", Number = 101, After = LifecycleStage.Lead }, LifecycleStage.Lead, 1)));
        Assert.False(nurtured.Equals((SmartEnum<LifecycleStage, int>?)null));
    }

    [Fact]
    public void LifecycleStage_IsAfter_IsStrict()
    {
        Assert.False(LifecycleStage.Lead.IsAfter(LifecycleStage.Lead));
        Assert.True(LifecycleStage.MarketingQualifiedLead.IsAfter(LifecycleStage.Lead));
    }

    [Fact]
    public void LifecycleStage_IsAfterNull_IsAnArgumentErrorNamingIt()
    {
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => LifecycleStage.Lead.IsAfter(null!)).ParamName);
    }

    [Fact]
    public void Refusal_WithNothingPermitted_SaysNone()
    {
        var refusal = new LifecycleTransitionException("C-9", LifecycleStage.Other, null, LifecycleTrigger.WinDeal, [], []);

        Assert.Equal("Contact 'C-9' in stage Other cannot Deal.Win: Deal.Win is not possible from Other. Permitted now: none.", refusal.Message);
        Assert.Equal(refusal.Message, refusal.Describe(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Refusal_Describe_WithoutCulture_IsAnArgumentErrorNamingIt()
    {
        var refusal = new LifecycleTransitionException("C-9", LifecycleStage.Other, null, LifecycleTrigger.WinDeal, [], [LifecycleTrigger.Reopen]);

        Assert.Equal("culture", Assert.Throws<ArgumentNullException>(() => refusal.Describe(null!)).ParamName);
    }

    [Fact]
    public void Refusal_RebuiltFromItsMessage_KeepsEveryPart_AndDescribesItselfWithThatMessage()
    {
        var original = new LifecycleTransitionException("C-9", LifecycleStage.Lead, LeadStatus.Open, LifecycleTrigger.WinDeal, ["a guard"], [LifecycleTrigger.Convert]);

        var rebuilt = new LifecycleTransitionException(original.Message, original.ContactId, original.Stage, original.Trigger, original.UnmetGuards, original.PermittedTriggers);

        Assert.Equal(original.Message, rebuilt.Message);
        Assert.Equal("C-9", rebuilt.ContactId);
        Assert.Same(LifecycleStage.Lead, rebuilt.Stage);
        Assert.Same(LifecycleTrigger.WinDeal, rebuilt.Trigger);
        Assert.Equal(["a guard"], rebuilt.UnmetGuards);
        Assert.Equal([LifecycleTrigger.Convert], rebuilt.PermittedTriggers);
        Assert.Equal(original.Message, rebuilt.Describe(CultureInfo.GetCultureInfo("de-DE")));
    }
}
