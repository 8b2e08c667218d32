using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>
/// The verbs at their edges: each one leaves the contact free for the next caller, refusals say exactly what is wrong,
/// a lost deal's reason is recorded in words even when none is given.
/// </summary>
public class ContactVerbEdgeTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);

    public static TheoryData<string> Verbs() =>
    [
        "ApplyScore(total)", "ApplyScore(model)", "AcceptBySales", "RecordConnectAttempt", "Override", "FireSlaTimers",
        "RecordDealCreated", "RecordDealWon", "RecordDealLost", "RefusedAcceptBySales",
    ];

    private Contact NewLead() => Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);

    private Contact NewMql()
    {
        var contact = NewLead();
        contact.ApplyScore(120m, By.System);
        return contact;
    }

    private Contact NewOpportunity()
    {
        var contact = NewLead();
        contact.Override(LifecycleStage.Opportunity, LeadStatus.OpenDeal, "Deal opened in the old CRM", By.Sales);
        return contact;
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Verb_OnceDone_LeavesTheContactFreeForAnotherCaller(string verb)
    {
        var contact = verb switch
        {
            "ApplyScore(total)" or "ApplyScore(model)" or "Override" or "RefusedAcceptBySales" => NewLead(),
            "RecordDealWon" or "RecordDealLost" => NewOpportunity(),
            _ => NewMql(),
        };

        switch (verb)
        {
            case "ApplyScore(total)": contact.ApplyScore(50m, By.System); break;
            case "ApplyScore(model)": contact.ApplyScore(new ContactScore { Model = "fit", ModelVersion = "v1", AsOf = Start, Total = 50m }, By.System, null); break;
            case "AcceptBySales": contact.AcceptBySales(By.Sales); break;
            case "RecordConnectAttempt": contact.RecordConnectAttempt(new ConnectAttempt(Start, ConnectChannel.Phone, ConnectOutcome.NoAnswer), Actor.Sales); break;
            case "Override": contact.Override(LifecycleStage.Customer, null, "Signed elsewhere", By.Sales); break;
            case "FireSlaTimers": contact.FireSlaTimers(); break;
            case "RecordDealCreated": contact.RecordDealCreated(By.Sales, "D-1"); break;
            case "RecordDealWon": contact.RecordDealWon(By.Sales, "D-1"); break;
            case "RecordDealLost": contact.RecordDealLost(By.Sales, "D-1", "Price"); break;
            default: Assert.Throws<LifecycleTransitionException>(() => contact.AcceptBySales(By.Sales)); break;
        }

        var version = contact.Version;
        var taken = await Task.Factory.StartNew(() => contact.TakeEvents(), TaskCreationOptions.LongRunning);

        Assert.NotEmpty(taken);
        Assert.Empty(contact.PendingEvents);
        Assert.Equal(version, contact.Version);
    }

    [Theory]
    [InlineData(null, "Deal 'D-1' lost: no reason given")]
    [InlineData("  ", "Deal 'D-1' lost: no reason given")]
    [InlineData("Price too high", "Deal 'D-1' lost: Price too high")]
    public void RecordDealLost_Reason_IsRecordedInWords(string? reason, string recorded)
    {
        var contact = NewOpportunity();

        contact.RecordDealLost(By.Sales, "D-1", reason);

        Assert.Equal((LifecycleTrigger.LoseDeal, LeadStatus.Connected, recorded), (contact.History[^1].Trigger, contact.LeadStatus, contact.History[^1].Reason));
    }

    [Fact]
    public void Override_ChangingNothingWithoutALeadStatus_IsRefusedSayingNone()
    {
        var error = Assert.Throws<ArgumentException>(() => NewLead().Override(LifecycleStage.Lead, null, "Fix", By.Sales));

        Assert.Equal("stage", error.ParamName);
        Assert.Equal("The override changes nothing: contact 'C-1' is already in stage Lead with lead status none. (Parameter 'stage')", error.Message);
    }

    [Fact]
    public void Override_ChangingNothingWithALeadStatus_IsRefusedNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => NewMql().Override(LifecycleStage.MarketingQualifiedLead, LeadStatus.New, "Fix", By.Sales));

        Assert.Equal("The override changes nothing: contact 'C-1' is already in stage Marketing Qualified Lead with lead status New. (Parameter 'stage')", error.Message);
    }

    [Fact]
    public void EnterStage_StageTheAgreementDidNotAdd_IsRefusedSayingItAddedNone()
    {
        var error = Assert.Throws<ArgumentException>(() => NewMql().EnterStage(LifecycleStage.SalesQualifiedLead, By.Sales));

        Assert.Equal("stage", error.ParamName);
        Assert.Equal(
            "SalesQualifiedLead is not a stage the agreement of contact 'C-1' added; stages it added: none. The article's stages are reached through their own verbs. (Parameter 'stage')",
            error.Message);
    }

    [Fact]
    public void EnterStage_StageTheAgreementDidNotAdd_IsRefusedListingEveryAddedStage()
    {
        var node = JsonNode.Parse(ServiceLevelAgreement.DefaultJson)!.AsObject();
        node["vocabulary"] = JsonNode.Parse("""
            { "stages": [
                { "name": "SalesAcceptedLead", "number": 101, "displayName": "Sales Accepted Lead", "after": "MarketingQualifiedLead" },
                { "name": "TechnicalReview", "number": 102, "displayName": "Technical review", "after": "SalesQualifiedLead" } ] }
            """);
        node["teams"]!["Sales"]!.AsArray().Insert(1, "SalesAcceptedLead");
        node["teams"]!["Sales"]!.AsArray().Insert(3, "TechnicalReview");
        var contact = ServiceLevelAgreement.Load(node.ToJsonString()).GetLeadType("new-prospect").CreateContact("C-1", LifecycleStage.Lead, time, By.Integration);

        var error = Assert.Throws<ArgumentException>(() => contact.EnterStage(LifecycleStage.SalesQualifiedLead, By.Sales));

        Assert.Equal(
            "SalesQualifiedLead is not a stage the agreement of contact 'C-1' added; stages it added: SalesAcceptedLead, TechnicalReview. The article's stages are reached through their own verbs. (Parameter 'stage')",
            error.Message);
    }

    [Fact]
    public void EnsureCanWinDeal_ContactInOther_IsRefusedForWinDeal()
    {
        var contact = NewLead();
        contact.Disqualify(DisqualificationReason.NoFit, By.Sales);

        var error = Assert.Throws<LifecycleTransitionException>(contact.EnsureCanWinDeal);

        Assert.Equal((LifecycleTrigger.WinDeal, LifecycleStage.Other), (error.Trigger, error.Stage));
        Assert.Empty(error.UnmetGuards);
        Assert.Equal(contact.PermittedTriggers, error.PermittedTriggers);
    }

    [Fact]
    public void EnsureCanWinDeal_Opportunity_IsAllowed()
    {
        var contact = NewOpportunity();

        contact.EnsureCanWinDeal();

        Assert.Same(LifecycleStage.Opportunity, contact.Stage);
    }

    [Fact]
    public void RecordConnectAttempt_OnALead_IsRefusedWithNoUnmetGuard()
    {
        var contact = NewLead();

        var error = Assert.Throws<LifecycleTransitionException>(() => contact.RecordConnectAttempt(new ConnectAttempt(Start, ConnectChannel.Phone, ConnectOutcome.NoAnswer), Actor.Sales));

        Assert.Equal(LifecycleTrigger.RecordConnectAttempt, error.Trigger);
        Assert.NotNull(error.UnmetGuards);
        Assert.Empty(error.UnmetGuards);
    }

    [Fact]
    public void Rehydrate_StoredWithoutLeadTypeUnderALeadTypesPolicy_IsRefusedNamingBoth()
    {
        var state = NewLead().ToState();
        var policy = ServiceLevelAgreement.Default.GetLeadType("new-prospect").Lifecycle;

        var error = Assert.Throws<ArgumentException>(() => Contact.Rehydrate(state, policy, time));

        Assert.Equal("policy", error.ParamName);
        Assert.Equal(
            "Contact 'C-1' is stored with lead type none but the policy is that of lead type 'new-prospect'; rehydrate it with the policy of its own lead type (ServiceLevelAgreement.RehydrateContact resolves it). (Parameter 'policy')",
            error.Message);
    }

    [Fact]
    public void Rehydrate_StoredWithAnotherLeadType_IsRefusedQuotingBoth()
    {
        var state = ServiceLevelAgreement.Default.GetLeadType("new-prospect").CreateContact("C-1", LifecycleStage.Lead, time, By.Integration).ToState();

        var error = Assert.Throws<ArgumentException>(() => Contact.Rehydrate(state, LifecyclePolicy.Default, time));

        Assert.StartsWith("Contact 'C-1' is stored with lead type 'new-prospect' but the policy is that of lead type none;", error.Message, StringComparison.Ordinal);
    }
}
