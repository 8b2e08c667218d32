using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>The criteria checked for one tier during an evaluation.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record IcpTierResult
{
    [JsonConstructor]
    internal IcpTierResult(IcpTier tier, IReadOnlyList<IcpCriterionResult> criteria)
    {
        Tier = tier;
        Criteria = criteria;
    }

    /// <summary>Gets the tier that was checked.</summary>
    public IcpTier Tier { get; internal init; }

    /// <summary>Gets the result of every criterion of the tier.</summary>
    public IReadOnlyList<IcpCriterionResult> Criteria { get; internal init => field = ValueList<IcpCriterionResult>.From(value); }

    /// <summary>Returns the tier's check as a log line: each criterion met or not.</summary>
    /// <returns>For example <c>Tier1: employees met, industry not met</c>.</returns>
    public override string ToString() => $"{Tier}: {string.Join(", ", Criteria.Select(c => c.Criterion + (c.IsMet ? " met" : " not met")))}";
}
