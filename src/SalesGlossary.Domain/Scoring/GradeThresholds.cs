namespace SalesGlossary.Domain;

/// <summary>Represents the thresholds that turn group scores into a grade such as <c>A1</c>.</summary>
/// <remarks>
/// The fit letter comes from the <c>fit</c> group (A, B or C), the engagement digit from the <c>engagement</c> group (1, 2 or 3).
/// A scoring model's reader builds it from the model's <c>Grades</c> and refuses an A threshold at or below B, or a 1 threshold
/// at or below 2. Built with named members: <c>new GradeThresholds { FitA = 50, FitB = 25, EngagementOne = 40, EngagementTwo = 15 }</c>.
/// </remarks>
public sealed record GradeThresholds
{
    /// <summary>Gets the fit score from which the letter is A.</summary>
    public required decimal FitA { get; init; }

    /// <summary>Gets the fit score from which the letter is B; below it, C.</summary>
    public required decimal FitB { get; init; }

    /// <summary>Gets the engagement score from which the digit is 1.</summary>
    public required decimal EngagementOne { get; init; }

    /// <summary>Gets the engagement score from which the digit is 2; below it, 3.</summary>
    public required decimal EngagementTwo { get; init; }
}
