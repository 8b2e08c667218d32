using Apache.Arrow;

namespace SalesGlossary.Domain.Arrow;

/// <summary>
/// The validity bitmap of an array read once (honouring the array's offset), so a loop over rows tests a bit instead of
/// going through the array's buffers for every row.
/// </summary>
internal readonly ref struct NullBits
{
    private readonly ReadOnlySpan<byte> bits;
    private readonly int offset;

    public NullBits(IArrowArray array)
    {
        if (array.NullCount > 0 && !array.Data.Buffers[0].IsEmpty)
        {
            bits = array.Data.Buffers[0].Span;
            offset = array.Offset;
            Any = true;
        }
    }

    /// <summary>Gets a value indicating whether any row is null.</summary>
    public bool Any { get; }

    /// <summary>Whether row <paramref name="row"/> (counted from the array's offset) is null.</summary>
    public bool IsNull(int row)
    {
        var bit = offset + row;
        return Any && (bits[bit >> 3] & (1 << (bit & 7))) == 0;
    }
}
