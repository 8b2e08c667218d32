using System.Globalization;

namespace SalesGlossary.Domain;

/// <summary>What a bulk run did.</summary>
/// <param name="Scored">How many leads were scored.</param>
/// <param name="Incomplete">How many leads had a rule that failed at run time; score those one by one to see the errors.</param>
/// <param name="Model">The name of the model that scored them.</param>
/// <param name="ModelVersion">The version of the model that scored them.</param>
public sealed record BulkScoringSummary(long Scored, long Incomplete, string Model, string ModelVersion)
{
    /// <summary>Returns the summary as a log line.</summary>
    /// <returns>For example <c>sample-lead-scoring 2026.1 scored 1000000 leads, 12 incomplete</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Model} {ModelVersion} scored {Scored} leads, {Incomplete} incomplete");
}
