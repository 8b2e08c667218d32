namespace SalesGlossary.Domain.Orleans.Models;

/// <summary>Represents one generation of the cluster's models: an agreement and the scoring models it references, as published.</summary>
/// <remarks>
/// A generation never changes once published: silos compile it once and switch to it as a whole, so an operation never
/// sees the agreement of one generation with the scoring model of another. Every score records the generation and the
/// model version that produced it.
/// </remarks>
[GenerateSerializer]
[Immutable]
[Alias("SalesGlossary.PublishedModels")]
public sealed class PublishedModels
{
    /// <summary>Initializes a new instance of the <see cref="PublishedModels"/> class.</summary>
    /// <param name="generation">The generation number: 1 for the first publication, one more for each after it.</param>
    /// <param name="agreementJson">The agreement document.</param>
    /// <param name="scoringModels">The scoring model documents by name, beside the agreement's built-in sample.</param>
    /// <param name="publishedAt">When it was published.</param>
    public PublishedModels(long generation, string agreementJson, IReadOnlyDictionary<string, string> scoringModels, DateTimeOffset publishedAt)
    {
        ArgumentNullException.ThrowIfNull(agreementJson);
        ArgumentNullException.ThrowIfNull(scoringModels);
        Generation = generation;
        AgreementJson = agreementJson;
        ScoringModels = new Dictionary<string, string>(scoringModels, StringComparer.Ordinal);
        PublishedAt = publishedAt;
    }

    /// <summary>Gets the generation number: 1 for the first publication, one more for each after it.</summary>
    [Id(0)]
    public long Generation { get; }

    /// <summary>Gets the agreement document.</summary>
    [Id(1)]
    public string AgreementJson { get; }

    /// <summary>Gets the scoring model documents by name.</summary>
    [Id(2)]
    public IReadOnlyDictionary<string, string> ScoringModels { get; }

    /// <summary>Gets when the generation was published.</summary>
    [Id(3)]
    public DateTimeOffset PublishedAt { get; }
}
