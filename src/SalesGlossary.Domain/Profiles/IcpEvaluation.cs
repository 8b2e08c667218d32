using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>The result of evaluating a company against an ideal customer profile.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record IcpEvaluation
{
    [JsonConstructor]
    internal IcpEvaluation(string company, IcpTier tier, bool isNegative, IReadOnlyList<string> matchedExclusions, IReadOnlyList<IcpTierResult> checkedTiers, string summary)
    {
        Company = company;
        Tier = tier;
        IsNegative = isNegative;
        MatchedExclusions = matchedExclusions;
        CheckedTiers = checkedTiers;
        Summary = summary;
    }

    /// <summary>Gets the company's name.</summary>
    public string Company { get; internal init; }

    /// <summary>Gets the tier the company belongs to; <see cref="IcpTier.NotIcp"/> when it meets no tier or is excluded.</summary>
    public IcpTier Tier { get; internal init; }

    /// <summary>Gets whether the company matched an exclusion (negative ICP): it must not be pursued.</summary>
    public bool IsNegative { get; internal init; }

    /// <summary>Gets the names of the exclusions the company matched.</summary>
    public IReadOnlyList<string> MatchedExclusions { get; internal init => field = ValueList<string>.From(value); }

    /// <summary>Gets the tiers checked, best first, up to and including the one the company met.</summary>
    public IReadOnlyList<IcpTierResult> CheckedTiers { get; internal init => field = ValueList<IcpTierResult>.From(value); }

    /// <summary>Gets a sentence that states the outcome.</summary>
    public string Summary { get; internal init; }

    /// <summary>Returns the evaluation as a log line: the company, its tier and why.</summary>
    /// <returns>For example <c>Acme GmbH: Tier1 (…summary…)</c>.</returns>
    public override string ToString() => $"{Company}: {Tier}{(IsNegative ? " (negative: " + string.Join(", ", MatchedExclusions) + ")" : string.Empty)}; {Summary}";
}
