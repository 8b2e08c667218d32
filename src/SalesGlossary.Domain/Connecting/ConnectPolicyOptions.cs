namespace SalesGlossary.Domain;

/// <summary>Represents the settings a <see cref="ConnectPolicy"/> is built from, each named, with the defaults of <see cref="ConnectPolicy.Default"/>.</summary>
/// <remarks>
/// Set only what differs from the defaults: <c>new ConnectPolicy(new ConnectPolicyOptions { Name = "Enterprise", MinimumAttempts = 8, MinimumChannels = 2 })</c>.
/// The settings are checked together when the policy is built; every problem is reported with the setting it concerns.
/// </remarks>
public sealed class ConnectPolicyOptions
{
    /// <summary>Gets the policy's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the sales team's business hours.</summary>
    /// <value>The default is 09:00 to 17:00 UTC, Monday to Friday, with no holidays.</value>
    public BusinessHours BusinessHours { get; init; } = ConnectPolicy.DefaultBusinessHours;

    /// <summary>Gets the business time within which the first attempt is due after the handoff.</summary>
    /// <value>The default is 4 hours; it must be positive.</value>
    public TimeSpan FirstTouchWithin { get; init; } = TimeSpan.FromHours(4);

    /// <summary>Gets the attempts a complete sequence has at least.</summary>
    /// <value>The default is 6; between 1 and 1000.</value>
    public int MinimumAttempts { get; init; } = 6;

    /// <summary>Gets the days a complete sequence spans at least, from the first to the last attempt.</summary>
    /// <value>The default is 0; between 0 and 3650.</value>
    public int OverDays { get; init; }

    /// <summary>Gets the distinct channels a complete sequence uses at least.</summary>
    /// <value>The default is 1; between 1 and <see cref="MinimumAttempts"/>.</value>
    public int MinimumChannels { get; init; } = 1;

    /// <summary>Gets the business time between two attempts at least.</summary>
    /// <value>The default is zero; it cannot be negative.</value>
    public TimeSpan MinimumSpacing { get; init; }

    /// <summary>Gets the outcomes that count as connected.</summary>
    /// <value>The default is <see langword="null"/>: connected, replied and meeting booked.</value>
    public IReadOnlyList<ConnectOutcome>? ConnectedOutcomes { get; init; }
}
