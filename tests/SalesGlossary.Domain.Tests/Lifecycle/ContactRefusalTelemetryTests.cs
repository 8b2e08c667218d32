using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Tests.Lifecycle;

/// <summary>Refusals a contact's verbs make before any machine is asked (wrong stage for the verb) are counted like the machine's own.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class ContactRefusalTelemetryTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Contact_VerbRefusedForItsStage_IsCountedUnderItsTrigger()
    {
        using var refused = new MetricCollector<long>(null, SalesGlossaryTelemetry.MeterName, "salesglossary.lifecycle.refused_moves");
        var time = new FakeTimeProvider(Start);
        var lead = Contact.Create("C-1", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
        var other = Contact.Create("C-2", LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
        other.Disqualify(DisqualificationReason.NoFit, By.Sales);

        Assert.Throws<LifecycleTransitionException>(() => lead.RecordConnectAttempt(new ConnectAttempt(Start, ConnectChannel.Phone, ConnectOutcome.NoAnswer), Actor.Sales));
        Assert.Throws<LifecycleTransitionException>(() => other.RecordDealCreated(By.Sales, "D-1"));

        Assert.Equal(
            [LifecycleTrigger.RecordConnectAttempt.Name, LifecycleTrigger.CreateDeal.Name],
            refused.GetMeasurementSnapshot().Select(m => (string)m.Tags[DomainTelemetry.TriggerTag]!));
    }
}
