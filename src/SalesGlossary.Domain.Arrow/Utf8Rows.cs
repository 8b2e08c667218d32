using System.Runtime.InteropServices;
using Apache.Arrow;

namespace SalesGlossary.Domain.Arrow;

/// <summary>The UTF-8 bytes of each row of a string array, read straight from its buffers (honouring the array's offset).</summary>
internal readonly ref struct Utf8Rows
{
    private readonly ReadOnlySpan<int> offsets;
    private readonly ReadOnlySpan<byte> bytes;

    public Utf8Rows(StringArray array)
    {
        offsets = array.Length == 0 ? default : MemoryMarshal.Cast<byte, int>(array.ValueOffsetsBuffer.Span).Slice(array.Offset, array.Length + 1);
        bytes = array.ValueBuffer.Span;
    }

    /// <summary>Gets the bytes of a row (empty for a null row).</summary>
    public ReadOnlySpan<byte> this[int row]
    {
        get
        {
            var from = offsets[row];
            return bytes.Slice(from, offsets[row + 1] - from);
        }
    }
}
