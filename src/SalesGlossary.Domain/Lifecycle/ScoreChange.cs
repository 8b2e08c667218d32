using System.Globalization;

namespace SalesGlossary.Domain;

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
