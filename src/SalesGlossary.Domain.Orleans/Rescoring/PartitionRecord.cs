namespace SalesGlossary.Domain.Orleans.Rescoring;

[GenerateSerializer]
[Alias("SalesGlossary.PartitionRecord")]
internal sealed class PartitionRecord
{
    [Id(0)] public PartitionAssignment? Assignment { get; set; }
    [Id(1)] public string? Continuation { get; set; }
    [Id(2)] public long Pages { get; set; }
    [Id(3)] public bool Done { get; set; }
    [Id(4)] public bool Cancelled { get; set; }
    [Id(5)] public long Rescored { get; set; }
    [Id(6)] public long Skipped { get; set; }
    [Id(7)] public long Incomplete { get; set; }
    [Id(8)] public Dictionary<string, long> PerSilo { get; set; } = new(StringComparer.Ordinal);
    [Id(9)] public string? Failure { get; set; }
}
