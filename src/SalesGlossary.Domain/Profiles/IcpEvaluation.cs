namespace SalesGlossary.Domain;

/// <summary>The result of evaluating a company against an ideal customer profile.</summary>
/// <param name="Company">The company's name.</param>
/// <param name="Tier">The tier the company belongs to; <see cref="IcpTier.NotIcp"/> when it meets no tier or is excluded.</param>
/// <param name="IsNegative">Whether the company matched an exclusion (negative ICP): it must not be pursued.</param>
/// <param name="MatchedExclusions">The names of the exclusions the company matched.</param>
/// <param name="CheckedTiers">The tiers checked, best first, up to and including the one the company met.</param>
/// <param name="Summary">A sentence that states the outcome.</param>
public sealed record IcpEvaluation(
    string Company,
    IcpTier Tier,
    bool IsNegative,
    IReadOnlyList<string> MatchedExclusions,
    IReadOnlyList<IcpTierResult> CheckedTiers,
    string Summary)
{
    /// <summary>Returns the evaluation as a log line: the company, its tier and why.</summary>
    /// <returns>For example <c>Acme GmbH: Tier1 (…summary…)</c>.</returns>
    public override string ToString() => $"{Company}: {Tier}{(IsNegative ? " (negative: " + string.Join(", ", MatchedExclusions) + ")" : string.Empty)}; {Summary}";
}
