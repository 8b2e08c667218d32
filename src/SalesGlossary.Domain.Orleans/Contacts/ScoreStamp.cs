namespace SalesGlossary.Domain.Orleans.Contacts;

/// <summary>Represents a score as a contact grain recorded it: the model and the cluster generation that produced it.</summary>
/// <param name="Model">The scoring model's name.</param>
/// <param name="ModelVersion">The scoring model's version.</param>
/// <param name="Generation">The cluster's model generation the model belongs to.</param>
/// <param name="Total">The score.</param>
/// <param name="IsComplete">Whether every rule evaluated without an error.</param>
/// <param name="AsOf">The instant the score was computed for.</param>
/// <param name="JobId">The rescoring job that applied it, or <see langword="null"/> for a score computed for the contact alone.</param>
[GenerateSerializer]
[Immutable]
[Alias("SalesGlossary.ScoreStamp")]
public sealed record ScoreStamp(
    [property: Id(0)] string Model,
    [property: Id(1)] string ModelVersion,
    [property: Id(2)] long Generation,
    [property: Id(3)] decimal Total,
    [property: Id(4)] bool IsComplete,
    [property: Id(5)] DateTimeOffset AsOf,
    [property: Id(6)] string? JobId);
