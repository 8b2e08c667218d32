using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Represents a rule that failed for one lead at run time.</summary>
/// <param name="Rule">The rule's name, or <see langword="null"/> for a problem with the lead as a whole.</param>
/// <param name="ActivityIndex">The index of the activity being scored, if any.</param>
/// <param name="Message">What went wrong.</param>
public sealed record ScoringError(string? Rule, int? ActivityIndex, string Message)
{
    /// <summary>Returns the error as a log line.</summary>
    /// <returns>For example <c>Senior title [activity 2]: The lead has no job title.</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Rule ?? "lead"}{(ActivityIndex is { } index ? " [activity " + index.ToString(CultureInfo.InvariantCulture) + "]" : string.Empty)}: {Message}");
}
