namespace SalesGlossary.Domain.Orleans.Rescoring;

/// <summary>How far one partition got.</summary>
[GenerateSerializer]
[Immutable]
[Alias("SalesGlossary.PartitionReport")]
internal sealed record PartitionReport(
    [property: Id(0)] int Partition,
    [property: Id(1)] bool Done,
    [property: Id(2)] bool Cancelled,
    [property: Id(3)] long Rescored,
    [property: Id(4)] long Skipped,
    [property: Id(5)] long Incomplete,
    [property: Id(6)] IReadOnlyDictionary<string, long> PerSilo,
    [property: Id(7)] string? Failure)
{
    public bool Finished => Done || Cancelled || Failure is not null;
}
