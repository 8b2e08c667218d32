using System.Linq.Expressions;

namespace SalesGlossary.Domain;

/// <summary>A rule as RulesEngine sees it: a leaf expression, or children combined with And or Or; each node keeps its name for errors.</summary>
internal sealed record RuleNode(string Name, Expression? Leaf, bool IsAnd, IReadOnlyList<RuleNode> Children);
