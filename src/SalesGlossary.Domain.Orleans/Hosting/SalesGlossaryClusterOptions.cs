using System.Globalization;

namespace SalesGlossary.Domain.Orleans;

/// <summary>Represents the settings of the library's grains in a silo.</summary>
public sealed class SalesGlossaryClusterOptions
{
    /// <summary>Gets or sets the name of the stream provider contact and deal changes are published on.</summary>
    /// <value>Default: <see langword="null"/>, nothing is published.</value>
    public string? StreamProvider { get; set; }

    /// <summary>Gets or sets over how many streams contact changes are spread.</summary>
    /// <value>
    /// Default: 0, one stream per contact (keyed by the contact's id): simplest to follow one contact, but every contact's first
    /// change registers a new stream with the stream provider. A number from 1 to 4,096 spreads the contacts over that many
    /// streams by a stable hash of the id (see <see cref="ContactStreamKey"/>): the choice for consumers that follow every change,
    /// and for rescoring whole databases.
    /// </value>
    public int ContactStreamShards { get; set; }

    /// <summary>Gets the key of the stream (in <see cref="SalesGlossaryCluster.ContactStreamNamespace"/>) a contact's changes are published on.</summary>
    /// <param name="contactId">The contact's id.</param>
    /// <returns>The contact's id with one stream per contact; otherwise <c>shard-N</c>, N from a stable hash of the id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="contactId"/> is <see langword="null"/>.</exception>
    public string ContactStreamKey(string contactId)
    {
        ArgumentNullException.ThrowIfNull(contactId);
        if (ContactStreamShards == 0)
        {
            return contactId;
        }

        // FNV-1a over the UTF-16 code units: the same shard in every process, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in contactId)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return "shard-" + (hash % (uint)ContactStreamShards).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Gets or sets how long a silo uses the current model generation before asking the registry again.</summary>
    /// <value>Default: 2 seconds; between 10 milliseconds and 10 minutes. A published generation reaches every silo within this time.</value>
    public TimeSpan ModelRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets how often a running rescoring job checks its partitions, restarting those whose silo died.</summary>
    /// <value>Default: 1 second; between 10 milliseconds and 1 minute.</value>
    public TimeSpan RescoringWatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how often a contact or deal grain tries again to publish stored changes its stream refused.</summary>
    /// <value>
    /// Default: 5 seconds; between 10 milliseconds and 10 minutes. A change is stored with its event in one write (a transactional
    /// outbox) and published after it; an event the stream refuses stays stored and is retried at this interval, and by the grain's
    /// next activation.
    /// </value>
    public TimeSpan OutboxRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

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

        if (OutboxRetryInterval < TimeSpan.FromMilliseconds(10) || OutboxRetryInterval > TimeSpan.FromMinutes(10))
        {
            return string.Create(CultureInfo.InvariantCulture, $"OutboxRetryInterval is {OutboxRetryInterval}; it must be between 10 milliseconds and 10 minutes.");
        }

        if (RescoringApplyConcurrency is < 1 or > 10_000)
        {
            return string.Create(CultureInfo.InvariantCulture, $"RescoringApplyConcurrency is {RescoringApplyConcurrency}; it must be between 1 and 10,000.");
        }

        if (ContactStreamShards is < 0 or > 4_096)
        {
            return string.Create(CultureInfo.InvariantCulture, $"ContactStreamShards is {ContactStreamShards}; it must be 0 (one stream per contact) or between 1 and 4,096.");
        }

        return StreamProvider is { } name && string.IsNullOrWhiteSpace(name) ? "StreamProvider is blank; give a provider's name or null for no stream." : null;
    }
}
