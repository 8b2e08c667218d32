using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.EntityFrameworkCore.Tests;

public sealed class OutboxMessageTests
{
    [Fact]
    public void ToString_SaysNumberTypeAggregateAndWhetherPublished_InvariantCulture()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
            var contact = ServiceLevelAgreement.Default.GetLeadType("new-prospect").CreateContact("C-1", LifecycleStage.Lead, time, By.Marketing);
            var message = OutboxMessage.From(contact.TakeEvents()[0]);

            Assert.Equal("#0 " + message.Type + " of C-1 at 2026-03-02T09:30:00.0000000+00:00, waiting", message.ToString());

            message.MarkPublished(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1)));
            Assert.EndsWith(", published at 2026-03-02T09:00:00.0000000+00:00", message.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }
}
