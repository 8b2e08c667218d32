namespace SalesGlossary.Domain;

/// <summary>The result of one firmographic criterion for one company.</summary>
/// <param name="Criterion">The criterion that was evaluated.</param>
/// <param name="IsMet">Whether the company meets the criterion.</param>
/// <param name="Explanation">A sentence that says what was compared and why the criterion is met or not.</param>
public sealed record IcpCriterionResult(IcpCriterion Criterion, bool IsMet, string Explanation);
