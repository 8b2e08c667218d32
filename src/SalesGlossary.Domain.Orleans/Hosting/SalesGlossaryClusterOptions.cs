using System.Globalization;

namespace SalesGlossary.Domain.Orleans;

/// <summary>Represents the settings of the library's grains in a silo.</summary>
public sealed class SalesGlossaryClusterOptions
{
    /// <summary>Gets or sets the name of the stream provider contact and deal changes are published on.</summary>
    /// <value>Default: <see langword="null"/>, nothing is published.</value>
    public string? StreamProvider { get; set; }

    /// <summary>Gets or sets how long a silo uses the current model generation before asking the registry again.</summary>
    /// <value>Default: 2 seconds; between 10 milliseconds and 10 minutes. A published generation reaches every silo within this time.</value>
    public TimeSpan ModelRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets how often a running rescoring job checks its partitions, restarting those whose silo died.</summary>
    /// <value>Default: 1 second; between 10 milliseconds and 1 minute.</value>
    public TimeSpan RescoringWatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how many contact grains a rescoring partition updates at once.</summary>
    /// <value>Default: 256; between 1 and 10,000.</value>
    public int RescoringApplyConcurrency { get; set; } = 256;

    internal string? Validate()
    {
        if (ModelRefreshInterval < TimeSpan.FromMilliseconds(10) || ModelRefreshInterval > TimeSpan.FromMinutes(10))
        {
            return string.Create(CultureInfo.InvariantCulture, $"ModelRefreshInterval is {ModelRefreshInterval}; it must be between 10 milliseconds and 10 minutes.");
        }

        if (RescoringWatchInterval < TimeSpan.FromMilliseconds(10) || RescoringWatchInterval > TimeSpan.FromMinutes(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"RescoringWatchInterval is {RescoringWatchInterval}; it must be between 10 milliseconds and 1 minute.");
        }

        if (RescoringApplyConcurrency is < 1 or > 10_000)
        {
            return string.Create(CultureInfo.InvariantCulture, $"RescoringApplyConcurrency is {RescoringApplyConcurrency}; it must be between 1 and 10,000.");
        }

        return StreamProvider is { } name && string.IsNullOrWhiteSpace(name) ? "StreamProvider is blank; give a provider's name or null for no stream." : null;
    }
}
