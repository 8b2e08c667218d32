using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Represents the latest score one scoring model gave a contact: its total, its groups (fit, engagement, …) and the points of each rule, with the model's name and version and the time.</summary>
/// <remarks>
/// A contact keeps one per model that scores it (<see cref="Contact.Scores"/>). The lead type's <c>ApplyScore</c> builds it
/// from a computed lead score; build one yourself for a score computed outside the library. The rule points are what
/// <see cref="ScoreChange"/> compares to say which rules moved the score.
/// </remarks>
public sealed record ContactScore
{
    /// <summary>Gets the model name (and version) under which a bare total is recorded, when a score comes from a source that names no model.</summary>
    public const string TotalOnlyModel = "total-only";

    /// <summary>Gets the name of the scoring model that computed the score.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the version of the scoring model.</summary>
    public required string ModelVersion { get; init; }

    /// <summary>Gets the instant the contact was scored as of.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>Gets the total score.</summary>
    public required decimal Total { get; init; }

    /// <summary>Gets each group's score (after caps), by group name, for example <c>fit</c> and <c>engagement</c>.</summary>
    /// <value>Empty by default: a score with no groups meets no group threshold.</value>
    public IReadOnlyList<ScorePart> Groups { get; init; } = [];

    /// <summary>Gets the points each rule contributed to the total (after decay and caps), by rule name.</summary>
    /// <value>Empty by default: a change to such a score is explained by its total only.</value>
    public IReadOnlyList<ScorePart> Rules { get; init; } = [];

    /// <summary>Gets the fit group's score, or 0 when the score has no <c>fit</c> group.</summary>
    public decimal Fit => Group("fit");

    /// <summary>Gets the engagement group's score, or 0 when the score has no <c>engagement</c> group.</summary>
    public decimal Engagement => Group("engagement");

    /// <summary>Gets a group's score, or 0 when the score has no such group.</summary>
    /// <param name="name">The group's name (ordinal comparison).</param>
    /// <returns>The group's points.</returns>
    public decimal Group(string name)
    {
        foreach (var part in Groups)
        {
            if (string.Equals(part.Name, name, StringComparison.Ordinal))
            {
                return part.Points;
            }
        }

        return 0m;
    }

    /// <summary>Determines whether another score holds the same values, lists compared item by item.</summary>
    /// <param name="other">The other score.</param>
    /// <returns><see langword="true"/> when model, version, time, total, groups and rules are equal.</returns>
    public bool Equals(ContactScore? other) =>
        other is not null && Model == other.Model && ModelVersion == other.ModelVersion && AsOf == other.AsOf && Total == other.Total
        && Groups.SequenceEqual(other.Groups) && Rules.SequenceEqual(other.Rules);

    /// <summary>Returns a hash code consistent with <see cref="Equals(ContactScore)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Model, ModelVersion, AsOf, Total, Groups.Count, Rules.Count);

    /// <summary>Returns the score as a log line would show it.</summary>
    /// <returns>For example <c>lead-scoring v1.0.0: 85 (fit 40, engagement 45)</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Model} v{ModelVersion}: {Total}{(Groups.Count == 0 ? string.Empty : " (" + string.Join(", ", Groups.Select(g => g.ToString())) + ")")}");
}
