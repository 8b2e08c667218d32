using System.Globalization;

namespace SalesGlossary.Domain.Orleans.Rescoring;

/// <summary>What a partition of a job does: the job's choices, fixed when the job starts.</summary>
[GenerateSerializer]
[Immutable]
[Alias("SalesGlossary.PartitionAssignment")]
internal sealed record PartitionAssignment(
    [property: Id(0)] string JobId,
    [property: Id(1)] int Partition,
    [property: Id(2)] long Generation,
    [property: Id(3)] DateTimeOffset AsOf,
    [property: Id(4)] RescoringTarget Target,
    [property: Id(5)] int PageSize)
{
    public string Key => JobId + "/" + Partition.ToString(CultureInfo.InvariantCulture);
}
