using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents a rule that failed for one lead at run time.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record ScoringError
{
    [JsonConstructor]
    internal ScoringError(string? rule, int? activityIndex, string message)
    {
        Rule = rule;
        ActivityIndex = activityIndex;
        Message = message;
    }

    /// <summary>Gets the rule's name, or <see langword="null"/> for a problem with the lead as a whole.</summary>
    public string? Rule { get; internal init; }

    /// <summary>Gets the index of the activity being scored, if any.</summary>
    public int? ActivityIndex { get; internal init; }

    /// <summary>Gets what went wrong.</summary>
    public string Message { get; internal init; }

    /// <summary>Returns the error as a log line.</summary>
    /// <returns>For example <c>Senior title [activity 2]: The lead has no job title.</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Rule ?? "lead"}{(ActivityIndex is { } index ? " [activity " + index.ToString(CultureInfo.InvariantCulture) + "]" : string.Empty)}: {Message}");
}
