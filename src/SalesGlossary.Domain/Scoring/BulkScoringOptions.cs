using System.Text.Json.Serialization;

namespace SalesGlossary.Domain;

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
