using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>How long contacts stay in one stage.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record StageDuration
{
    [JsonConstructor]
    internal StageDuration(LifecycleStage stage, int contacts, TimeSpan median, TimeSpan percentile90)
    {
        Stage = stage;
        Contacts = contacts;
        Median = median;
        Percentile90 = percentile90;
    }

    /// <summary>Gets the stage.</summary>
    public LifecycleStage Stage { get; internal init; }

    /// <summary>Gets how many contacts have been in it.</summary>
    public int Contacts { get; internal init; }

    /// <summary>Gets the median cumulative time in the stage.</summary>
    public TimeSpan Median { get; internal init; }

    /// <summary>Gets the 90th percentile of the cumulative time in the stage.</summary>
    public TimeSpan Percentile90 { get; internal init; }

    /// <summary>Returns it as a log line.</summary>
    /// <returns>For example <c>Opportunity: 12 contacts, median 2.00:00:00, 90th percentile 5.00:00:00</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Stage.Name}: {Contacts} contacts, median {Median:c}, 90th percentile {Percentile90:c}");
}
