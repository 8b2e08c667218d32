namespace SalesGlossary.Domain;

/// <summary>
/// What one fused chunk of lead rules found for a lead: which rules matched (one bit per rule) and, when the chunk's
/// points are summed inside it, the points in hundredths it adds to each of the model's first four groups.
/// </summary>
internal readonly struct LeadChunkResult(ulong mask, long group0, long group1, long group2, long group3)
{
    /// <summary>The groups whose points a fused chunk sums itself; rules of later groups are summed by the walk.</summary>
    public const int SummedGroups = 4;

    /// <summary>Gets which rules of the chunk matched: bit <c>i</c> is the chunk's rule <c>i</c>.</summary>
    public ulong Mask { get; } = mask;

    /// <summary>Gets the points (hundredths) the matched rules add to group 0.</summary>
    public long Group0 { get; } = group0;

    /// <summary>Gets the points (hundredths) the matched rules add to group 1.</summary>
    public long Group1 { get; } = group1;

    /// <summary>Gets the points (hundredths) the matched rules add to group 2.</summary>
    public long Group2 { get; } = group2;

    /// <summary>Gets the points (hundredths) the matched rules add to group 3.</summary>
    public long Group3 { get; } = group3;
}
