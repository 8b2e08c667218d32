using Ardalis.SmartEnum;

namespace SalesGlossary.Domain;

/// <summary>Represents how well a company fits the ideal customer profile: Tier 1, 2 or 3, or Not ICP.</summary>
/// <remarks>
/// Tier 1 is the best fit. A company that matches an exclusion of the profile is Not ICP and is flagged as
/// negative ICP on the evaluation (<see cref="IcpEvaluation.IsNegative"/>): a company the agreement says not to
/// pursue at all, not merely one that fits poorly. Values are stored; they never change.
/// </remarks>
public sealed class IcpTier : SmartEnum<IcpTier>
{
    /// <summary>Tier 1: the best-fitting accounts; sales pursues them first.</summary>
    public static readonly IcpTier Tier1 = new(nameof(Tier1), 1, "Tier 1");

    /// <summary>Tier 2: good-fitting accounts.</summary>
    public static readonly IcpTier Tier2 = new(nameof(Tier2), 2, "Tier 2");

    /// <summary>Tier 3: acceptable accounts, worked when capacity allows.</summary>
    public static readonly IcpTier Tier3 = new(nameof(Tier3), 3, "Tier 3");

    /// <summary>Not ICP: the company meets no tier's criteria, or matches an exclusion.</summary>
    public static readonly IcpTier NotIcp = new(nameof(NotIcp), 4, "Not ICP");

    private IcpTier(string name, int value, string displayName)
        : base(name, value)
    {
        DisplayName = displayName;
    }

    /// <summary>Gets the tier as people write it, for example <c>Tier 1</c>.</summary>
    public string DisplayName { get; }

    /// <summary>Gets a value indicating whether the tier is a target tier (Tier 1 to 3).</summary>
    public bool IsTarget => this != NotIcp;

    /// <summary>Gets a value indicating whether this tier is a better fit than <paramref name="other"/>.</summary>
    /// <param name="other">The tier to compare with.</param>
    /// <returns><see langword="true"/> when this tier ranks above <paramref name="other"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public bool IsBetterThan(IcpTier other)
    {
        Guard.NotNull(other);
        return Value < other.Value;
    }
}
