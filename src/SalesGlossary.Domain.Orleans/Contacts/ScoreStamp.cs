using System.Globalization;

namespace SalesGlossary.Domain.Orleans.Contacts;

/// <summary>Represents a score as a contact grain recorded it: the model and the cluster generation that produced it.</summary>
[GenerateSerializer]
[Immutable]
[Alias("SalesGlossary.ScoreStamp")]
public sealed record ScoreStamp
{
    /// <summary>Gets the scoring model's name.</summary>
    [Id(0)]
    public required string Model { get; init; }

    /// <summary>Gets the scoring model's version.</summary>
    [Id(1)]
    public required string ModelVersion { get; init; }

    /// <summary>Gets the cluster's model generation the model belongs to.</summary>
    [Id(2)]
    public required long Generation { get; init; }

    /// <summary>Gets the score.</summary>
    [Id(3)]
    public required decimal Total { get; init; }

    /// <summary>Gets whether every rule evaluated without an error.</summary>
    [Id(4)]
    public required bool IsComplete { get; init; }

    /// <summary>Gets the instant the score was computed for.</summary>
    [Id(5)]
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>Gets the rescoring job that applied it, or <see langword="null"/> for a score computed for the contact alone.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    [Id(6)]
    public string? JobId { get; init; }

    /// <summary>Returns the score as a log line.</summary>
    /// <returns>For example <c>sample-lead-scoring v1.0.0 (generation 2): 85 as of 2026-03-02T09:30:00.0000000+00:00, job J-1</c>, with <c>, incomplete</c> when a rule failed.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Model} v{ModelVersion} (generation {Generation}): {Total} as of {AsOf:O}{(IsComplete ? string.Empty : ", incomplete")}{(JobId is null ? string.Empty : ", job " + JobId)}");
}
