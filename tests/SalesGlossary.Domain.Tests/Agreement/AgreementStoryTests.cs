using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Agreement;

/// <summary>The article's story against the agreement as the one source of truth: lead types, handoffs, connects and deals.</summary>
public class AgreementStoryTests
{
    // A Monday, 08:00 UTC = 09:00 in Berlin, where the default agreement's sales team works.
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static ServiceLevelAgreement With(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(ServiceLevelAgreement.DefaultJson)!.AsObject();
        change(node);
        return ServiceLevelAgreement.Load(node.ToJsonString());
    }

    [Fact]
    public void MistypedLeadType_IsRefusedAtTheLookup_NeverQualifiedWithSomeoneElsesThresholds()
    {
        var agreement = ServiceLevelAgreement.Default;

        var error = Assert.Throws<ArgumentException>(() => agreement.GetLeadType("existing-custmer"));

        Assert.Contains("'new-prospect', 'existing-customer'", error.Message, StringComparison.Ordinal);
        var time = new FakeTimeProvider(Monday);
        var customer = agreement.GetLeadType("existing-customer").CreateContact("C-1", LifecycleStage.Lead, time, By.Integration);
        customer.ApplyScore(120, By.System);
        Assert.Same(LifecycleStage.Lead, customer.Stage);
        Assert.False(customer.CanDisqualify(DisqualificationReason.UnableToReach));
    }

    [Fact]
    public void HandoffTime_IsTheSameInTheContact_TheConnectEvaluation_AndTheReport()
    {
        var agreement = ServiceLevelAgreement.Default;
        var time = new FakeTimeProvider(Monday);
        var prospect = agreement.GetLeadType("new-prospect");
        var contact = prospect.CreateContact("C-1", LifecycleStage.Lead, time, By.Integration);
        time.Advance(TimeSpan.FromHours(1));
        contact.ApplyScore(120, By.System);
        var handedOver = time.GetUtcNow();

        // The default agreement gives MQL to sales: entering it is the handoff, and the connect clock starts there.
        Assert.Equal(handedOver, contact.HandedOverAt);
        Assert.Equal(handedOver, Assert.Single(contact.Handoffs).At);
        time.Advance(TimeSpan.FromHours(3.5));
        contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.NoAnswer, "sam"), Actor.Sales);
        time.Advance(TimeSpan.FromHours(2));
        contact.AcceptBySales(By.Sales.Named("sam"));
        var evaluation = contact.EvaluateConnectAttempts(time.GetUtcNow())!;
        Assert.Equal(handedOver, evaluation.HandedOverAt);
        Assert.Equal(handedOver, contact.HandedOverAt);
        Assert.Empty(evaluation.Breaches);

        var report = SlaReport.Compute(agreement, [contact], [], new ReportPeriod(Monday, Monday.AddDays(30)), time.GetUtcNow());
        Assert.Equal(1, report.Rejections.HandedOver);
        Assert.Equal((1m, 1m), (report.Attainment[2].Actual, report.Attainment[2].Target));

        // One business hour later, the same first touch would have been late, by all three alike.
        var lateTime = new FakeTimeProvider(Monday);
        var late = prospect.CreateContact("C-2", LifecycleStage.Lead, lateTime, By.Integration);
        lateTime.Advance(TimeSpan.FromHours(1));
        late.ApplyScore(120, By.System);
        lateTime.Advance(TimeSpan.FromHours(4.5));
        late.RecordConnectAttempt(new ConnectAttempt(lateTime.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.NoAnswer), Actor.Sales);
        Assert.Equal(ConnectBreachKind.FirstTouchLate, Assert.Single(late.EvaluateConnectAttempts(lateTime.GetUtcNow())!.Breaches).Kind);
        var lateReport = SlaReport.Compute(agreement, [late], [], new ReportPeriod(Monday, Monday.AddDays(30)), lateTime.GetUtcNow());
        Assert.Equal(0m, lateReport.Attainment[2].Actual);
    }

    [Fact]
    public void Handoff_FollowsTheOwnershipTheAgreementAssigns()
    {
        var agreement = With(a =>
        {
            a["teams"]!["Marketing"] = new JsonArray("Subscriber", "Lead", "MarketingQualifiedLead", "Other");
            a["teams"]!["Sales"] = new JsonArray("SalesQualifiedLead", "Opportunity");
        });
        var time = new FakeTimeProvider(Monday);
        var contact = agreement.GetLeadType("new-prospect").CreateContact("C-1", LifecycleStage.Lead, time, By.Integration);
        contact.ApplyScore(120, By.System);

        Assert.Null(contact.HandedOverAt);
        Assert.Null(contact.EvaluateConnectAttempts(time.GetUtcNow()));
        var refused = Assert.Throws<LifecycleTransitionException>(() =>
            contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.NoAnswer), Actor.Sales));
        Assert.Contains("in a stage sales owns: Sales Qualified Lead, Opportunity", refused.Message, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromHours(2));
        contact.AcceptBySales(By.Sales);
        Assert.Equal(time.GetUtcNow(), contact.HandedOverAt);
        Assert.Equal([(Team.Marketing, Team.Sales, LifecycleStage.SalesQualifiedLead)], contact.Handoffs.Select(h => (h.From, h.To, h.Stage)));
        var report = SlaReport.Compute(agreement, [contact], [], new ReportPeriod(Monday, Monday.AddDays(30)), time.GetUtcNow());
        Assert.Equal(1, report.Rejections.HandedOver);
    }

    [Theory]
    [InlineData("Replied", false)]
    [InlineData("LeftVoicemail", true)]
    public void Connected_IsDecidedByTheConnectPolicyAlone(string outcomeName, bool connected)
    {
        var agreement = With(a => a["connectPolicies"]![0]!["connectedOutcomes"] = new JsonArray("Connected", "MeetingBooked", "LeftVoicemail"));
        var time = new FakeTimeProvider(Monday);
        var contact = agreement.GetLeadType("new-prospect").CreateContact("C-1", LifecycleStage.Lead, time, By.Integration);
        contact.ApplyScore(120, By.System);
        time.Advance(TimeSpan.FromHours(1));

        contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.FromName(outcomeName)), Actor.Sales);

        var evaluation = contact.EvaluateConnectAttempts(time.GetUtcNow())!;
        Assert.Equal(connected, evaluation.Status == ConnectStatus.Connected);
        Assert.Equal(connected, contact.LeadStatus == LeadStatus.Connected);
        Assert.Same(connected ? LeadStatus.Connected : LeadStatus.AttemptedToContact, contact.LeadStatus);
    }

    [Fact]
    public void UnableToReach_IsGatedByTheLeadTypesOwnConnectPolicy()
    {
        var agreement = With(a =>
        {
            var strict = a["connectPolicies"]![0]!.DeepClone().AsObject();
            strict["name"] = "Two tries";
            strict["minimumAttempts"] = 2;
            strict["overDays"] = 0;
            strict["minimumChannels"] = 1;
            a["connectPolicies"]!.AsArray().Add(strict);
            a["leadTypes"]![1]!["connectPolicy"] = "Two tries";
        });
        var time = new FakeTimeProvider(Monday);
        var prospect = agreement.GetLeadType("new-prospect").CreateContact("C-1", LifecycleStage.Lead, time, By.Integration);
        var customer = agreement.GetLeadType("existing-customer").CreateContact("C-2", LifecycleStage.Lead, time, By.Integration);
        prospect.ApplyScore(150, By.System);
        customer.ApplyScore(150, By.System);
        for (var i = 0; i < 2; i++)
        {
            time.Advance(TimeSpan.FromHours(5));
            prospect.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.NoAnswer), Actor.Sales);
            customer.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.NoAnswer), Actor.Sales);
        }

        Assert.False(prospect.CanDisqualify(DisqualificationReason.UnableToReach));
        Assert.True(customer.CanDisqualify(DisqualificationReason.UnableToReach));
        Assert.Equal(ConnectStatus.Exhausted, customer.EvaluateConnectAttempts(time.GetUtcNow())!.Status);
        Assert.Equal(ConnectStatus.InProgress, prospect.EvaluateConnectAttempts(time.GetUtcNow())!.Status);
    }

    [Fact]
    public void WonDeal_MakesItsContactACustomer_WithNoLeadStatus()
    {
        var agreement = ServiceLevelAgreement.Default;
        var time = new FakeTimeProvider(Monday);
        var prospect = agreement.GetLeadType("new-prospect");
        var contact = prospect.CreateContact("C-1", LifecycleStage.Lead, time, By.Integration);
        contact.ApplyScore(120, By.System);
        contact.AcceptBySales(By.Sales);
        var deal = prospect.OpenDeal("D-1", contact, 10_000m, null, time, By.Sales);
        Assert.Equal(["C-1"], deal.History[0].Contacts);
        Assert.Equal((LifecycleStage.Opportunity, LeadStatus.OpenDeal), (contact.Stage, contact.LeadStatus));

        deal.MoveTo("Create proposal", By.Sales);
        deal.Win(By.Sales.Named("sam"));

        Assert.Same(LifecycleStage.Customer, contact.Stage);
        Assert.Null(contact.LeadStatus);
        Assert.Equal(("D-1", "sam"), (contact.History[^1].Reason, contact.History[^1].By.Name));
        Assert.Same(deal.Pipeline, prospect.Pipeline);
    }

    [Fact]
    public void OpenDeal_ForAContactOfAnotherLeadType_IsRefused()
    {
        var agreement = ServiceLevelAgreement.Default;
        var time = new FakeTimeProvider(Monday);
        var customer = agreement.GetLeadType("existing-customer").CreateContact("C-1", LifecycleStage.Lead, time, By.Integration);

        var error = Assert.Throws<ArgumentException>(() => agreement.GetLeadType("new-prospect").OpenDeal("D-1", customer, 1m, null, time, By.Sales));

        Assert.Equal("Contact 'C-1' is of lead type 'existing-customer', not 'new-prospect'; use the contact's own lead type. (Parameter 'contact')", error.Message);
        Assert.Single(customer.History);
    }

    [Fact]
    public void RehydratedDeal_NeedsExactlyItsContacts_AndStillDrivesThem()
    {
        var agreement = ServiceLevelAgreement.Default;
        var time = new FakeTimeProvider(Monday);
        var prospect = agreement.GetLeadType("new-prospect");
        var contact = prospect.CreateContact("C-1", LifecycleStage.Lead, time, By.Integration);
        var stranger = prospect.CreateContact("C-2", LifecycleStage.Lead, time, By.Integration);
        var deal = prospect.OpenDeal("D-1", contact, 10_000m, null, time, By.Sales);

        var missing = Assert.Throws<DefinitionValidationException>(() => Deal.Rehydrate("D-1", deal.Pipeline, deal.History, [], time));
        Assert.Equal("$.contacts: The deal's contact 'C-1' is not given; pass every contact the history names, rehydrated.", Assert.Single(missing.Problems).ToString());
        var wrong = Assert.Throws<DefinitionValidationException>(() => Deal.Rehydrate("D-1", deal.Pipeline, deal.History, [contact, stranger], time));
        Assert.Equal("$.contacts: Contact 'C-2' is not one of the deal's contacts ('C-1').", Assert.Single(wrong.Problems).ToString());

        var reloadedContact = agreement.RehydrateContact(contact.ToState(), time);
        var reloaded = Deal.Rehydrate("D-1", deal.Pipeline, deal.History, [reloadedContact], time);
        reloaded.Win(By.Sales);
        Assert.Same(LifecycleStage.Customer, reloadedContact.Stage);
    }

    [Fact]
    public void LostDeal_TurnsOpenDealIntoConnected_AndReopeningMakesItAnOpenDealAgain()
    {
        var time = new FakeTimeProvider(Monday);
        var prospect = ServiceLevelAgreement.Default.GetLeadType("new-prospect");
        var contact = prospect.CreateContact("C-1", LifecycleStage.Lead, time, By.Integration);
        var deal = prospect.OpenDeal("D-1", contact, 10_000m, null, time, By.Sales);

        deal.Lose("No budget", By.Sales);
        Assert.Equal((LifecycleStage.Opportunity, LeadStatus.Connected), (contact.Stage, contact.LeadStatus));
        Assert.Equal("Deal 'D-1' lost: No budget", contact.History[^1].Reason);

        deal.Reopen("Budget approved", By.Sales);
        Assert.Same(LeadStatus.OpenDeal, contact.LeadStatus);
    }

    [Fact]
    public void Win_OfADisqualifiedContact_ChangesNeitherAndSaysWhatToDo()
    {
        var time = new FakeTimeProvider(Monday);
        var prospect = ServiceLevelAgreement.Default.GetLeadType("new-prospect");
        var contact = prospect.CreateContact("C-1", LifecycleStage.Lead, time, By.Integration);
        var deal = prospect.OpenDeal("D-1", contact, 10_000m, null, time, By.Sales);
        contact.Disqualify(DisqualificationReason.NoFit, By.Sales);
        var before = contact.Version;

        var error = Assert.Throws<LifecycleTransitionException>(() => deal.Win(By.Sales));

        Assert.Equal("Contact 'C-1' in stage Other (lead status Unqualified) cannot Deal.Win: Deal.Win is not possible from Other. Permitted now: Reopen.", error.Message);
        Assert.Equal((before, 1), (contact.Version, deal.History.Count));
        contact.Reopen("Fit after all", By.Marketing);
        deal.Win(By.Sales);
        Assert.Same(LifecycleStage.Customer, contact.Stage);
    }

    /// <summary>Any mix of deal verbs and contact verbs: deal and contact never disagree.</summary>
    [Property(MaxTest = 300)]
    public Property DealAndContact_NeverDisagree() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 8)).ToArbitrary(), steps =>
        {
            var time = new FakeTimeProvider(Monday);
            var prospect = ServiceLevelAgreement.Default.GetLeadType("new-prospect");
            var contact = prospect.CreateContact("C-1", LifecycleStage.Lead, time, By.Integration);
            var deal = prospect.OpenDeal("D-1", contact, 10_000m, null, time, By.Sales);
            foreach (var step in steps)
            {
                time.Advance(TimeSpan.FromHours(3));
                var (contactBefore, dealBefore) = (contact.Version, deal.History.Count);
                try
                {
                    switch (step)
                    {
                        case 0: deal.Win(By.Sales); break;
                        case 1: deal.Lose("No budget", By.Sales); break;
                        case 2: deal.Reopen("Back on", By.Sales); break;
                        case 3: deal.MoveTo("Create proposal", By.Sales); break;
                        case 4: contact.Disqualify(DisqualificationReason.NoFit, By.Sales); break;
                        case 5: contact.Reopen("Fit after all", By.Marketing); break;
                        case 6: contact.Recycle("Churned", By.Sales); break;
                        case 7: deal.PutOnHold(By.Sales); break;
                        default: contact.BecomeAdvocate(By.Marketing); break;
                    }
                }
                catch (Exception e) when (e is LifecycleTransitionException or DealTransitionException)
                {
                    if (contact.Version != contactBefore || deal.History.Count != dealBefore)
                    {
                        return false.Label("step " + step + " was refused but changed something");
                    }
                }

                var justWon = deal.History[^1].Trigger == DealTrigger.Win && deal.History.Count != dealBefore;
                if (justWon && contact.Stage != LifecycleStage.Customer && contact.Stage != LifecycleStage.Evangelist)
                {
                    return false.Label("won, but the contact is " + contact.Stage.Name);
                }

                if (justWon && contact.LeadStatus is not null)
                {
                    return false.Label("a won customer has lead status " + contact.LeadStatus.Name);
                }
            }

            return true.ToProperty();
        });
}
