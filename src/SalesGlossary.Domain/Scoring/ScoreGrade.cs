using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Represents the grade of a score: a fit letter (A, B, C) and an engagement digit (1, 2, 3), for example <c>A1</c>.</summary>
/// <param name="Fit">The fit letter: A, B or C.</param>
/// <param name="Engagement">The engagement digit: 1, 2 or 3.</param>
public sealed record ScoreGrade(string Fit, int Engagement)
{
    /// <summary>Returns the grade as <c>A1</c> … <c>C3</c>.</summary>
    /// <returns>The fit letter followed by the engagement digit.</returns>
    public override string ToString() => Fit + Engagement.ToString(CultureInfo.InvariantCulture);
}
