using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents the grade of a score: a fit letter (A, B, C) and an engagement digit (1, 2, 3), for example <c>A1</c>.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record ScoreGrade
{
    [JsonConstructor]
    internal ScoreGrade(string fit, int engagement)
    {
        Fit = fit;
        Engagement = engagement;
    }

    /// <summary>Gets the fit letter: A, B or C.</summary>
    public string Fit { get; internal init; }

    /// <summary>Gets the engagement digit: 1, 2 or 3.</summary>
    public int Engagement { get; internal init; }

    /// <summary>Returns the grade as <c>A1</c> … <c>C3</c>.</summary>
    /// <returns>The fit letter followed by the engagement digit.</returns>
    public override string ToString() => Fit + Engagement.ToString(CultureInfo.InvariantCulture);
}
