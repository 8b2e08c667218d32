using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents one group's score.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record GroupScore
{
    [JsonConstructor]
    internal GroupScore(string group, decimal raw, decimal? cap, decimal score)
    {
        Group = group;
        Raw = raw;
        Cap = cap;
        Score = score;
    }

    /// <summary>Gets the group's name.</summary>
    public string Group { get; internal init; }

    /// <summary>Gets the sum of its contributions after decay, before caps.</summary>
    public decimal Raw { get; internal init; }

    /// <summary>Gets the group's cap, or <see langword="null"/> when it has none.</summary>
    public decimal? Cap { get; internal init; }

    /// <summary>Gets the group's share of the total after its cap and the total cap.</summary>
    public decimal Score { get; internal init; }

    /// <summary>Returns the group's score as a log line.</summary>
    /// <returns>For example <c>engagement 45 (raw 52, cap 45)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Group} {Score} (raw {Raw}{(Cap is { } cap ? ", cap " + cap.ToString(CultureInfo.InvariantCulture) : string.Empty)})");
}
