using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

/// <summary>What a bulk run did.</summary>
/// <remarks>Only the library creates it; a stored copy is read back with <c>SalesGlossaryJson</c>.</remarks>
public sealed record BulkScoringSummary
{
    [JsonConstructor]
    internal BulkScoringSummary(long scored, long incomplete, string model, string modelVersion)
    {
        Scored = scored;
        Incomplete = incomplete;
        Model = model;
        ModelVersion = modelVersion;
    }

    /// <summary>Gets how many leads were scored.</summary>
    public long Scored { get; internal init; }

    /// <summary>Gets how many leads had a rule that failed at run time; score those one by one to see the errors.</summary>
    public long Incomplete { get; internal init; }

    /// <summary>Gets the name of the model that scored them.</summary>
    public string Model { get; internal init; }

    /// <summary>Gets the version of the model that scored them.</summary>
    public string ModelVersion { get; internal init; }

    /// <summary>Returns the summary as a log line.</summary>
    /// <returns>For example <c>sample-lead-scoring 2026.1 scored 1000000 leads, 12 incomplete</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Model} {ModelVersion} scored {Scored} leads, {Incomplete} incomplete");
}
