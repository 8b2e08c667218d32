using Apache.Arrow;

namespace SalesGlossary.Domain.Arrow;

/// <summary>A 32-bit integer column widened to 64 bits for vector comparison, with a mask of nulls (all bits set for null).</summary>
internal sealed class IntColumn(long[] values, long[] nullMask)
{
    public long[] Values { get; } = values;

    public long[] NullMask { get; } = nullMask;

    public static IntColumn Encode(IArrowArray array, string name)
    {
        if (array is not Int32Array ints)
        {
            throw ColumnarErrors.WrongType(name, array, "int32");
        }

        var values = new long[ints.Length];
        var nulls = new long[ints.Length];
        var raw = ints.Values;
        var nullBits = new NullBits(ints);
        if (!nullBits.Any)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = raw[i];
            }

            return new IntColumn(values, nulls);
        }

        for (var i = 0; i < values.Length; i++)
        {
            // All bits set for null, and then no value: the vector passes compare the value and mask the null.
            var mask = nullBits.IsNull(i) ? -1L : 0L;
            nulls[i] = mask;
            values[i] = raw[i] & ~mask;
        }

        return new IntColumn(values, nulls);
    }
}
