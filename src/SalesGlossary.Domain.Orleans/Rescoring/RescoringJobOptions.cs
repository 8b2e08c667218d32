using System.Globalization;

namespace SalesGlossary.Domain.Orleans.Rescoring;

/// <summary>Represents how a rescoring job runs.</summary>
[GenerateSerializer]
[Immutable]
[Alias("SalesGlossary.RescoringJobOptions")]
public sealed record RescoringJobOptions
{
    /// <summary>Gets where the totals are applied.</summary>
    /// <value>Default: <see cref="RescoringTarget.ContactGrains"/>.</value>
    [Id(0)]
    public RescoringTarget Target { get; init; } = RescoringTarget.ContactGrains;

    /// <summary>Gets how many contacts a partition reads per page.</summary>
    /// <value>Default: 1,000; between 1 and 100,000.</value>
    [Id(1)]
    public int PageSize { get; init; } = 1_000;

    /// <summary>Gets the instant the scores are computed for.</summary>
    /// <value>Default: <see langword="null"/>, the instant the job starts; every contact of the job is scored as of the same instant.</value>
    [Id(2)]
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>Gets the model generation to score with.</summary>
    /// <value>Default: <see langword="null"/>, the generation current when the job starts. A generation published during the job does not change it: every contact of the job is scored by one generation.</value>
    [Id(3)]
    public long? Generation { get; init; }

    /// <summary>Returns the options as a log line.</summary>
    /// <returns>For example <c>ContactGrains, 1000 per page, as of the start, current generation</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Target}, {PageSize} per page, {(AsOf is { } asOf ? "as of " + asOf.ToString("O", CultureInfo.InvariantCulture) : "as of the start")}, {(Generation is { } generation ? "generation " + generation.ToString(CultureInfo.InvariantCulture) : "current generation")}");
}
