using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>
/// A returned contact stays held back by the requalification rule until a record takes it to MQL or beyond in the
/// funnel; corrections that keep it below MQL, or take it out of the funnel and back, do not end its nurture.
/// </summary>
public class NurtureEntryTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Monday);

    private Contact ReturnedLead()
    {
        var contact = ServiceLevelAgreement.Default.GetLeadType("new-prospect").CreateContact("C-42", LifecycleStage.Lead, time, By.Integration);
        contact.ApplyScore(120m, By.System);
        contact.AcceptBySales(By.Sales.Named("sam"));
        time.Advance(TimeSpan.FromHours(2));
        contact.ReturnToMarketing("No budget before Q3", By.Sales.Named("sam"));
        time.Advance(TimeSpan.FromHours(1));
        return contact;
    }

    private static void AssertHeldSinceTheReturn(Contact contact)
    {
        var check = contact.CanQualify();
        Assert.False(check.CanQualify);
        Assert.Equal(Monday.AddHours(2), check.HeldSince);
        Assert.Equal(20m, check.PointsStillNeeded);
    }

    [Fact]
    public void ReturnedLead_CorrectedDownToSubscriber_IsStillHeldBack()
    {
        var contact = ReturnedLead();

        contact.Override(LifecycleStage.Subscriber, contact.LeadStatus, "Only a newsletter sign-up", By.Marketing);

        AssertHeldSinceTheReturn(contact);
    }

    [Fact]
    public void ReturnedLead_TakenOutOfTheFunnelAndBack_IsStillHeldBack()
    {
        var contact = ReturnedLead();

        contact.Override(LifecycleStage.Other, contact.LeadStatus, "Duplicate suspected", By.Marketing);
        contact.Override(LifecycleStage.Lead, contact.LeadStatus, "Not a duplicate", By.Marketing);

        AssertHeldSinceTheReturn(contact);
    }

    [Fact]
    public void ReturnedLead_CorrectedToMqlAndBackToLead_IsNoLongerHeldBack()
    {
        var contact = ReturnedLead();

        contact.Override(LifecycleStage.MarketingQualifiedLead, LeadStatus.New, "Qualified by phone", By.Marketing);
        contact.Override(LifecycleStage.Lead, LeadStatus.New, "Wrong stage picked", By.Marketing);

        var check = contact.CanQualify();
        Assert.True(check.CanQualify);
        Assert.Null(check.HeldSince);
        Assert.Equal("Contact 'C-42' has a score of 120, at or above the MQL threshold of 100; it qualifies.", check.Explanation);
    }

    [Fact]
    public void ReturnedLead_CorrectedToSqlAndBackToLead_IsNoLongerHeldBack()
    {
        var contact = ReturnedLead();

        contact.Override(LifecycleStage.SalesQualifiedLead, LeadStatus.New, "Accepted by phone", By.Sales);
        contact.Override(LifecycleStage.Lead, LeadStatus.New, "Wrong stage picked", By.Marketing);

        Assert.True(contact.CanQualify().CanQualify);
    }
}
