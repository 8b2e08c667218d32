using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace SalesGlossary.Domain.Extensions.Tests;

/// <summary>The library registered in a service provider with fake logging, fake time and scoped metrics.</summary>
internal sealed class Harness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public Harness(Action<SalesGlossaryOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddMetrics();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSalesGlossary(configure);
        Services = services.BuildServiceProvider();
        var meters = Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        Reloads = new MetricCollector<long>(meters, SalesGlossaryTelemetry.MeterName, "salesglossary.agreement.reloads");
        Generation = new MetricCollector<long>(meters, SalesGlossaryTelemetry.MeterName, "salesglossary.agreement.generation");
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public ServiceProvider Services { get; }

    public IAgreementProvider Provider => Services.GetRequiredService<IAgreementProvider>();

    public LeadScoringService Scoring => Services.GetRequiredService<LeadScoringService>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public MetricCollector<long> Reloads { get; }

    public MetricCollector<long> Generation { get; }

    /// <summary>Moves fake time one check interval on and waits (in real time) until the background check has finished.</summary>
    public async Task TickAsync(TimeSpan interval, Func<bool> done)
    {
        Time.Advance(interval);
        // A generous bound: on a loaded machine a background load can take many seconds; the bound only stops a hung test.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The background check did not finish within 90 seconds.");
            }

            await Task.Delay(10);
        }
    }

    public void Dispose()
    {
        Reloads.Dispose();
        Generation.Dispose();
        Services.Dispose();
    }
}
