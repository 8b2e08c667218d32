using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Represents what one rule match earned.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Group">The group the points count towards.</param>
/// <param name="ActivityIndex">The index of the activity in the lead's activity list, for activity rules; otherwise <see langword="null"/>.</param>
/// <param name="ActivityAt">When the activity happened, for activity rules; otherwise <see langword="null"/>.</param>
/// <param name="ConfiguredPoints">The rule's points.</param>
/// <param name="DecayedPoints">The points after decay (and after a daily maximum), before caps.</param>
/// <param name="Points">The points counted in the total, after caps.</param>
/// <param name="Explanation">The arithmetic in words: decay, daily maximum and caps.</param>
public sealed record ScoreContribution(
    string Rule,
    string Group,
    int? ActivityIndex,
    DateTimeOffset? ActivityAt,
    decimal ConfiguredPoints,
    decimal DecayedPoints,
    decimal Points,
    string Explanation)
{
    /// <summary>Returns the contribution as a log line.</summary>
    /// <returns>For example <c>Webinar attended [activity 3]: +7.5 engagement (configured 10; halved after 30 days)</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Rule}{(ActivityIndex is { } index ? " [activity " + index.ToString(CultureInfo.InvariantCulture) + "]" : string.Empty)}: {(Points >= 0 ? "+" : string.Empty)}{Points} {Group} (configured {ConfiguredPoints}; {Explanation})");
}
