using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>How far one side met its commitment in the period.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record Attainment
{
    [JsonConstructor]
    internal Attainment(Team team, string measure, decimal actual, decimal target, decimal attainmentPercent)
    {
        Team = team;
        Measure = measure;
        Actual = actual;
        Target = target;
        AttainmentPercent = attainmentPercent;
    }

    /// <summary>Gets the side: marketing or sales.</summary>
    public Team Team { get; internal init; }

    /// <summary>Gets what was measured, in words.</summary>
    public string Measure { get; internal init; }

    /// <summary>Gets the measured value.</summary>
    public decimal Actual { get; internal init; }

    /// <summary>Gets the committed value.</summary>
    public decimal Target { get; internal init; }

    /// <summary>Gets the attainment, between 0 and 100 %.</summary>
    public decimal AttainmentPercent { get; internal init; }

    /// <summary>Returns it as a log line.</summary>
    /// <returns>For example <c>Sales, Touched in time: 45 of 50 (90 %)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Team.Name}, {Measure}: {Actual} of {Target} ({AttainmentPercent} %)");
}
