namespace SalesGlossary.Domain.Arrow;

/// <summary>How the columnar path scores one rule of a model.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="IsVectorized">Whether the rule runs as a loop over columns; otherwise it is evaluated lead by lead (the row path) inside the same run.</param>
/// <param name="How">In words: the column and the method (a table per distinct text, thresholds on a number), or why the rule is evaluated row by row.</param>
public sealed record ColumnarRulePlan(string Rule, bool IsVectorized, string How);
