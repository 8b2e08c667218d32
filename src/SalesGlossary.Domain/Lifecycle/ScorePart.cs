using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Represents a named number of points: a group's score, a rule's points, or a change of either.</summary>
/// <param name="Name">The group's or rule's name.</param>
/// <param name="Points">The points.</param>
public sealed record ScorePart(string Name, decimal Points)
{
    /// <summary>Returns the part as <c>name points</c>.</summary>
    /// <returns>The name and the points.</returns>
    public override string ToString() => Name + " " + Points.ToString(CultureInfo.InvariantCulture);
}
