using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>Represents how long a deal spent in one pipeline stage, over all its stays, derived from its history by <see cref="Deal.TimeInStages"/>.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record DealStageTime
{
    [JsonConstructor]
    internal DealStageTime(string stage, TimeSpan time)
    {
        Stage = stage;
        Time = time;
    }

    /// <summary>Gets the stage's name.</summary>
    public string Stage { get; internal init; }

    /// <summary>Gets the time spent in the stage over all stays (up to now for the current stage).</summary>
    public TimeSpan Time { get; internal init; }

    /// <summary>Returns the stage time as a log line.</summary>
    /// <returns>For example <c>Create proposal: 4.00:00:00</c>.</returns>
    public override string ToString() => Stage + ": " + Time.ToString("c", CultureInfo.InvariantCulture);
}
