using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Represents the score thresholds at which a lead of one lead type qualifies.</summary>
/// <param name="Mql">The score at which a lead becomes a Marketing Qualified Lead.</param>
/// <param name="Sql">The score at which an MQL becomes a Sales Qualified Lead, or <see langword="null"/> when score alone never makes an SQL.</param>
/// <remarks>Thresholds are validated in one place, for a lifecycle policy and an agreement alike: the MQL threshold is above 0, an SQL threshold is above it, and an agreement that qualifies SQLs by score alone needs one.</remarks>
public sealed record QualificationThresholds(decimal Mql, decimal? Sql = null)
{
    /// <summary>Gets the minimums that score groups must reach as well for a lead to become an MQL, for example fit at least 40 and engagement at least 30.</summary>
    /// <value>Empty by default: the total alone decides.</value>
    /// <remarks>Every condition must hold: the total reaches <see cref="Mql"/> and each group reaches its minimum. A score without groups (a bare total) meets no group minimum.</remarks>
    public IReadOnlyList<GroupThreshold> MqlGroups { get; init; } = [];

    /// <summary>Gets a value indicating whether a score reaches the MQL threshold: its total reaches <see cref="Mql"/> and every group of <see cref="MqlGroups"/> its minimum.</summary>
    /// <param name="score">The score.</param>
    /// <returns><see langword="true"/> when every condition holds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="score"/> is <see langword="null"/>.</exception>
    public bool IsMqlReachedBy(ContactScore score)
    {
        Guard.NotNull(score);
        if (score.Total < Mql)
        {
            return false;
        }

        for (var i = 0; i < MqlGroups.Count; i++)
        {
            if (score.Group(MqlGroups[i].Group) < MqlGroups[i].Minimum)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Determines whether other thresholds hold the same values, group minimums compared item by item.</summary>
    /// <param name="other">The other thresholds.</param>
    /// <returns><see langword="true"/> when the MQL and SQL thresholds and the group minimums are equal.</returns>
    public bool Equals(QualificationThresholds? other) => other is not null && Mql == other.Mql && Sql == other.Sql && MqlGroups.SequenceEqual(other.MqlGroups);

    /// <summary>Returns a hash code consistent with <see cref="Equals(QualificationThresholds)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Mql, Sql, MqlGroups.Count);

    internal static void Validate(ValidationCollector problems, string path, QualificationThresholds? thresholds, SqlQualification sqlQualification)
    {
        if (thresholds is null)
        {
            problems.Add(path, "The thresholds are missing; give at least { \"mql\": … }.");
            return;
        }

        if (thresholds.Mql <= 0)
        {
            problems.Add(path + ".mql", string.Create(CultureInfo.InvariantCulture, $"The MQL threshold must be above 0; it is {thresholds.Mql}."));
        }

        if (thresholds.Sql is { } sql && sql <= thresholds.Mql)
        {
            problems.Add(path + ".sql", string.Create(CultureInfo.InvariantCulture, $"The SQL threshold {sql} must be above the MQL threshold {thresholds.Mql}."));
        }

        if (thresholds.MqlGroups is null)
        {
            problems.Add(path + ".mqlGroups", "The group minimums are missing; give an empty list when the total alone decides.");
        }

        var groups = thresholds.MqlGroups ?? [];
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            var groupPath = path + ".mqlGroups." + (group?.Group ?? string.Create(CultureInfo.InvariantCulture, $"[{i}]"));
            if (group is null || string.IsNullOrWhiteSpace(group.Group))
            {
                problems.Add(groupPath, "A group threshold needs the group's name.");
            }
            else if (group.Minimum <= 0)
            {
                problems.Add(groupPath, string.Create(CultureInfo.InvariantCulture, $"The minimum of group '{group.Group}' must be above 0; it is {group.Minimum}."));
            }
            else if (groups.Take(i).Any(g => g is not null && string.Equals(g.Group, group.Group, StringComparison.Ordinal)))
            {
                problems.Add(groupPath, "The group '" + group.Group + "' has two minimums; give one.");
            }
        }

        if (thresholds.Sql is null && sqlQualification == SqlQualification.Score)
        {
            problems.Add(path + ".sql", "SQLs are qualified by score only, so an SQL threshold is required.");
        }
    }
}
