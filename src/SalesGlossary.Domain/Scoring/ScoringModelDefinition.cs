using System.Linq.Expressions;

namespace SalesGlossary.Domain;

/// <summary>The checked parts of a scoring model document, before compilation.</summary>
internal sealed record ScoringModelDefinition(
    string Name,
    string Version,
    IReadOnlyList<ScoringModelDefinition.RuleDefinition> Rules,
    IReadOnlyDictionary<string, decimal> GroupCaps,
    decimal? TotalCap,
    GradeThresholds? Grades)
{
    public sealed record RuleDefinition(ScoringRule Rule, Expression Body, RuleNode Node, bool Enabled, RuleCost Cost);
}
