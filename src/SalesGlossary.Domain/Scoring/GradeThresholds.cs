namespace SalesGlossary.Domain;

/// <summary>Represents the thresholds that turn group scores into a grade such as <c>A1</c>.</summary>
/// <remarks>
/// The fit letter comes from the <c>fit</c> group (A, B or C), the engagement digit from the <c>engagement</c> group (1, 2 or 3).
/// A scoring model's reader builds it from the model's <c>Grades</c> and refuses an A threshold at or below B, or a 1 threshold
/// at or below 2 with the JSON path; a value built in code refuses them too, whichever member is set first. Built with named members: <c>new GradeThresholds { FitA = 50, FitB = 25, EngagementOne = 40, EngagementTwo = 15 }</c>.
/// </remarks>
public sealed record GradeThresholds
{
    private decimal? fitA;
    private decimal? fitB;
    private decimal? engagementOne;
    private decimal? engagementTwo;

    /// <summary>Gets the fit score from which the letter is A.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is at or below <see cref="FitB"/> (when that is set, in either order): no fit would be B.</exception>
    public required decimal FitA { get => fitA ?? 0m; init => fitA = Guard.Above(value, fitB, nameof(FitB), nameof(FitA)); }

    /// <summary>Gets the fit score from which the letter is B; below it, C.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is at or above <see cref="FitA"/> (when that is set, in either order).</exception>
    public required decimal FitB { get => fitB ?? 0m; init => fitB = Guard.Below(value, fitA, nameof(FitA), nameof(FitB)); }

    /// <summary>Gets the engagement score from which the digit is 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is at or below <see cref="EngagementTwo"/> (when that is set, in either order): no engagement would be 2.</exception>
    public required decimal EngagementOne { get => engagementOne ?? 0m; init => engagementOne = Guard.Above(value, engagementTwo, nameof(EngagementTwo), nameof(EngagementOne)); }

    /// <summary>Gets the engagement score from which the digit is 2; below it, 3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is at or above <see cref="EngagementOne"/> (when that is set, in either order).</exception>
    public required decimal EngagementTwo { get => engagementTwo ?? 0m; init => engagementTwo = Guard.Below(value, engagementOne, nameof(EngagementOne), nameof(EngagementTwo)); }
}
