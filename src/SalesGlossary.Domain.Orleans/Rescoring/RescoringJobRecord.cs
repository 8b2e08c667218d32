namespace SalesGlossary.Domain.Orleans.Rescoring;

[GenerateSerializer]
[Alias("SalesGlossary.RescoringJobRecord")]
internal sealed class RescoringJobRecord
{
    [Id(0)] public RescoringJobOptions? Options { get; set; }
    [Id(1)] public RescoringStatus Status { get; set; }
    [Id(2)] public long Generation { get; set; }
    [Id(3)] public DateTimeOffset AsOf { get; set; }
    [Id(4)] public int Partitions { get; set; }
    [Id(5)] public Dictionary<int, PartitionReport> Reports { get; set; } = [];
}
