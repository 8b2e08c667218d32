using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents what one rule match earned.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record ScoreContribution
{
    [JsonConstructor]
    internal ScoreContribution(string rule, string group, int? activityIndex, DateTimeOffset? activityAt, decimal configuredPoints, decimal decayedPoints, decimal points, string explanation)
    {
        Rule = rule;
        Group = group;
        ActivityIndex = activityIndex;
        ActivityAt = activityAt;
        ConfiguredPoints = configuredPoints;
        DecayedPoints = decayedPoints;
        Points = points;
        Explanation = explanation;
    }

    /// <summary>Gets the rule's name.</summary>
    public string Rule { get; internal init; }

    /// <summary>Gets the group the points count towards.</summary>
    public string Group { get; internal init; }

    /// <summary>Gets the index of the activity in the lead's activity list, for activity rules; otherwise <see langword="null"/>.</summary>
    public int? ActivityIndex { get; internal init; }

    /// <summary>Gets when the activity happened, for activity rules; otherwise <see langword="null"/>.</summary>
    public DateTimeOffset? ActivityAt { get; internal init; }

    /// <summary>Gets the rule's points.</summary>
    public decimal ConfiguredPoints { get; internal init; }

    /// <summary>Gets the points after decay (and after a daily maximum), before caps.</summary>
    public decimal DecayedPoints { get; internal init; }

    /// <summary>Gets the points counted in the total, after caps.</summary>
    public decimal Points { get; internal init; }

    /// <summary>Gets the arithmetic in words: decay, daily maximum and caps.</summary>
    public string Explanation { get; internal init; }

    /// <summary>Returns the contribution as a log line.</summary>
    /// <returns>For example <c>Webinar attended [activity 3]: +7.5 engagement (configured 10; halved after 30 days)</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Rule}{(ActivityIndex is { } index ? " [activity " + index.ToString(CultureInfo.InvariantCulture) + "]" : string.Empty)}: {(Points >= 0 ? "+" : string.Empty)}{Points} {Group} (configured {ConfiguredPoints}; {Explanation})");
}
