using System.Globalization;

namespace SalesGlossary.Domain.Lifecycle;

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

/// <summary>Represents a named number of points: a group's score, a rule's points, or a change of either.</summary>
/// <param name="Name">The group's or rule's name.</param>
/// <param name="Points">The points.</param>
public sealed record ScorePart(string Name, decimal Points)
{
    /// <summary>Returns the part as <c>name points</c>.</summary>
    /// <returns>The name and the points.</returns>
    public override string ToString() => Name + " " + Points.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Represents a minimum a score group must reach, for example <c>fit</c> at least 40.</summary>
/// <param name="Group">The group's name, as the scoring model names it.</param>
/// <param name="Minimum">The points the group must reach.</param>
public sealed record GroupThreshold(string Group, decimal Minimum);

/// <summary>Represents one recorded change of a contact's score: what changed, by how much, by which rules, and why.</summary>
/// <remarks>
/// A contact keeps the latest <see cref="Contact.ScoreHistoryLimit"/> changes (<see cref="Contact.ScoreHistory"/>); the
/// sequence numbers keep counting, so <see cref="Contact.Version"/> moves with every change even when old ones are dropped.
/// </remarks>
public sealed record ScoreChange
{
    /// <summary>Gets the number of the change among all score changes of the contact, starting at 1.</summary>
    public required int Sequence { get; init; }

    /// <summary>Gets when the change was recorded.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Gets who recorded it.</summary>
    public required Actor Actor { get; init; }

    /// <summary>Gets the model's previous score, or <see langword="null"/> when the model had not scored the contact before.</summary>
    public ContactScore? Previous { get; init; }

    /// <summary>Gets the new score.</summary>
    public required ContactScore Current { get; init; }

    /// <summary>Gets how much the total moved (the new total minus the previous one, or minus 0).</summary>
    public decimal Delta => Current.Total - (Previous?.Total ?? 0m);

    /// <summary>Gets how much each group moved, for the groups that moved, ordered by name.</summary>
    public IReadOnlyList<ScorePart> GroupDeltas => Deltas(Previous?.Groups ?? [], Current.Groups);

    /// <summary>Gets how much each rule's points moved, for the rules that moved, ordered by name: the rules that changed the score.</summary>
    public IReadOnlyList<ScorePart> RuleDeltas => Deltas(Previous?.Rules ?? [], Current.Rules);

    /// <summary>Gets why the score changed, in words: the model and version, the total's move and the rules that moved it.</summary>
    public string Reason
    {
        get
        {
            var rules = RuleDeltas;
            var modelChanged = Previous is not null && Previous.ModelVersion != Current.ModelVersion;
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{(Previous is null ? "First score" : modelChanged ? "Rescored with a new model version" : "Rescored")} by '{Current.Model}' v{Current.ModelVersion}: {Previous?.Total.ToString(CultureInfo.InvariantCulture) ?? "none"} → {Current.Total} ({(Delta >= 0 ? "+" : string.Empty)}{Delta}){(rules.Count == 0 ? "." : "; rules: " + string.Join(", ", rules.Select(r => r.Name + " " + (r.Points >= 0 ? "+" : string.Empty) + r.Points.ToString(CultureInfo.InvariantCulture))) + ".")}");
        }
    }

    /// <summary>Determines whether another change holds the same values.</summary>
    /// <param name="other">The other change.</param>
    /// <returns><see langword="true"/> when every value is equal.</returns>
    public bool Equals(ScoreChange? other) =>
        other is not null && Sequence == other.Sequence && At == other.At && Actor == other.Actor && Equals(Previous, other.Previous) && Current.Equals(other.Current);

    /// <summary>Returns a hash code consistent with <see cref="Equals(ScoreChange)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Sequence, At, Current);

    /// <summary>Returns the change as a log line would show it.</summary>
    /// <returns>The sequence number and <see cref="Reason"/>.</returns>
    public override string ToString() => "#" + Sequence.ToString(CultureInfo.InvariantCulture) + " " + Reason;

    private static ScorePart[] Deltas(IReadOnlyList<ScorePart> before, IReadOnlyList<ScorePart> after)
    {
        var sums = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var part in after)
        {
            sums[part.Name] = sums.GetValueOrDefault(part.Name) + part.Points;
        }

        foreach (var part in before)
        {
            sums[part.Name] = sums.GetValueOrDefault(part.Name) - part.Points;
        }

        return [.. sums.Where(p => p.Value != 0m).Select(p => new ScorePart(p.Key, p.Value))];
    }
}
