using System.Globalization;
using System.Text.Json.Serialization;

namespace SalesGlossary.Domain.Scoring;

/// <summary>How a bulk run is spread over threads and reported.</summary>
public sealed record BulkScoringOptions
{
    /// <summary>Gets the default options.</summary>
    public static BulkScoringOptions Default { get; } = new();

    /// <summary>Gets the most threads used at once; 1 scores on one thread.</summary>
    /// <value>The default is the number of processors.</value>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Gets how many leads are scored per batch: the unit of work, of progress reports and of cancellation.</summary>
    /// <value>The default is 4,096.</value>
    public int BatchSize { get; init; } = 4096;

    /// <summary>Gets where progress is reported after each batch, or <see langword="null"/> for no reports. Not serialized.</summary>
    [JsonIgnore]
    public IProgress<BulkScoringProgress>? Progress { get; init; }

    internal void Validate()
    {
        var problems = new ValidationCollector();
        if (MaxDegreeOfParallelism < 1)
        {
            problems.Add("$.maxDegreeOfParallelism", $"The degree of parallelism must be at least 1; it is {MaxDegreeOfParallelism}.");
        }

        if (BatchSize is < 1 or > 1_000_000)
        {
            problems.Add("$.batchSize", $"The batch size must be between 1 and 1000000; it is {BatchSize}.");
        }

        problems.ThrowIfAny("bulk scoring options");
    }
}

/// <summary>Reports how far a bulk run has come.</summary>
/// <param name="Scored">How many leads are scored so far.</param>
/// <param name="Total">How many leads there are, or <see langword="null"/> for a stream of unknown length.</param>
public readonly record struct BulkScoringProgress(long Scored, long? Total);

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

/// <summary>One lead with its total from a streaming bulk run.</summary>
/// <typeparam name="TLead">The lead type.</typeparam>
/// <param name="Lead">The lead.</param>
/// <param name="Total">Its total, exactly as a single score would give it.</param>
/// <param name="IsComplete">Whether every rule ran without error for this lead.</param>
/// <param name="ModelVersion">The version of the model that scored it: exactly one model scores each lead.</param>
public readonly record struct ScoredLead<TLead>(TLead Lead, decimal Total, bool IsComplete, string ModelVersion);
