namespace SalesGlossary.Domain;

/// <summary>The criteria checked for one tier during an evaluation.</summary>
/// <param name="Tier">The tier that was checked.</param>
/// <param name="Criteria">The result of every criterion of the tier.</param>
public sealed record IcpTierResult(IcpTier Tier, IReadOnlyList<IcpCriterionResult> Criteria)
{
    /// <summary>Returns the tier's check as a log line: each criterion met or not.</summary>
    /// <returns>For example <c>Tier1: employees met, industry not met</c>.</returns>
    public override string ToString() => $"{Tier}: {string.Join(", ", Criteria.Select(c => c.Criterion + (c.IsMet ? " met" : " not met")))}";
}
