using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Deals;

/// <summary>Arranges an open deal on the default pipeline for a sales-accepted contact, at a fake clock's instant.</summary>
internal static class OpenDeals
{
    /// <summary>Opens deal <paramref name="id"/> of 50,000 on the default pipeline for a new sales-qualified contact.</summary>
    public static Deal ForNewSql(FakeTimeProvider time, string id)
    {
        var contact = Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
        contact.ApplyScore(120, By.System);
        contact.AcceptBySales(By.Sales);
        return Deal.Open(id, Pipeline.Default, contact, 50_000m, null, time, By.Sales);
    }
}
