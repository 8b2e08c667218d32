namespace SalesGlossary.Domain;

/// <summary>Represents the thresholds that turn group scores into a grade such as <c>A1</c>.</summary>
/// <remarks>The fit letter comes from the <c>fit</c> group (A, B or C), the engagement digit from the <c>engagement</c> group (1, 2 or 3).</remarks>
/// <param name="FitA">The fit score from which the letter is A.</param>
/// <param name="FitB">The fit score from which the letter is B; below it, C.</param>
/// <param name="EngagementOne">The engagement score from which the digit is 1.</param>
/// <param name="EngagementTwo">The engagement score from which the digit is 2; below it, 3.</param>
public sealed record GradeThresholds(decimal FitA, decimal FitB, decimal EngagementOne, decimal EngagementTwo);
