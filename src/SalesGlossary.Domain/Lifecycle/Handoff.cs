using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>A handoff between teams: a stage change into a stage that another team owns, as the agreement assigns ownership.</summary>
/// <remarks>One definition serves everything: <see cref="Contact.Handoffs"/>, <see cref="Contact.HandedOverAt"/> (the start of the connect policy's clock) and the reports. Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record Handoff
{
    [JsonConstructor]
    internal Handoff(DateTimeOffset at, Team from, Team to, LifecycleStage stage)
    {
        At = at;
        From = from;
        To = to;
        Stage = stage;
    }

    /// <summary>Gets when.</summary>
    public DateTimeOffset At { get; internal init; }

    /// <summary>Gets the team that handed the contact over.</summary>
    public Team From { get; internal init; }

    /// <summary>Gets the team that received it.</summary>
    public Team To { get; internal init; }

    /// <summary>Gets the stage the contact entered.</summary>
    public LifecycleStage Stage { get; internal init; }

    /// <summary>Returns it as a log line.</summary>
    /// <returns>For example <c>Marketing → Sales at 2026-03-01T00:00:00.0000000+00:00 (SalesQualifiedLead)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{From.Name} → {To.Name} at {At:O} ({Stage.Name})");
}
