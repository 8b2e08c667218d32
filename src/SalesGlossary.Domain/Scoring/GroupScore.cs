using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>Represents one group's score.</summary>
/// <param name="Group">The group's name.</param>
/// <param name="Raw">The sum of its contributions after decay, before caps.</param>
/// <param name="Cap">The group's cap, or <see langword="null"/> when it has none.</param>
/// <param name="Score">The group's share of the total after its cap and the total cap.</param>
public sealed record GroupScore(string Group, decimal Raw, decimal? Cap, decimal Score)
{
    /// <summary>Returns the group's score as a log line.</summary>
    /// <returns>For example <c>engagement 45 (raw 52, cap 45)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Group} {Score} (raw {Raw}{(Cap is { } cap ? ", cap " + cap.ToString(CultureInfo.InvariantCulture) : string.Empty)})");
}
