using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests;

/// <summary>One median for the whole library: the reports' time in stage and the deals' velocity agree.</summary>
public class StatisticsTests
{
    [Theory]
    [InlineData(new[] { 5 }, 0.5, 5.0)]
    [InlineData(new[] { 1, 3 }, 0.5, 2.0)]
    [InlineData(new[] { 1, 2, 3, 10 }, 0.5, 2.5)]
    [InlineData(new[] { 1, 2, 3, 10 }, 0.9, 7.9)]
    [InlineData(new[] { 1, 2, 3, 10 }, 1.0, 10.0)]
    [InlineData(new[] { 1, 2, 3, 10 }, 0.0, 1.0)]
    public void Percentile_InterpolatesBetweenTheNearestRanks(int[] hours, double fraction, double expectedHours) =>
        Assert.Equal(TimeSpan.FromHours(expectedHours), Statistics.Percentile([.. hours.Select(h => TimeSpan.FromHours(h))], fraction));

    [Fact]
    public void Median_OfTheReportsAndOfTheDeals_IsTheSame()
    {
        var start = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        var contacts = new List<Contact>();
        var deals = new List<Deal>();
        foreach (var days in new[] { 1, 3 })
        {
            var contact = Contact.Create("C-" + days, LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
            var deal = Deal.Open("D-" + days, Pipeline.Default, contact, 1m, null, time, By.Sales);
            time.Advance(TimeSpan.FromDays(days));
            deal.MoveTo("Create proposal", By.Sales);
            contact.Recycle("Project postponed", By.Sales);
            contacts.Add(contact);
            deals.Add(deal);
        }

        var velocity = DealForecast.Velocity(deals).Single(v => v.Stage == "Discovery / meeting booked");
        var report = SlaReport.Compute(ServiceLevelAgreement.Default, contacts, deals, new ReportPeriod(start, start.AddDays(30)), time.GetUtcNow());
        var opportunity = report.TimeInStage.Single(d => d.Stage == LifecycleStage.Opportunity);

        Assert.Equal(TimeSpan.FromDays(2), velocity.Median);
        Assert.Equal(velocity.Median, opportunity.Median);
    }
}
