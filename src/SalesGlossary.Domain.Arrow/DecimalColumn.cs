using System.Buffers.Binary;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace SalesGlossary.Domain.Arrow;

/// <summary>A decimal column with its nulls.</summary>
internal sealed class DecimalColumn(decimal[] values, bool[] isNull)
{
    public decimal[] Values { get; } = values;

    public bool[] IsNull { get; } = isNull;

    public static DecimalColumn Encode(IArrowArray array, string name)
    {
        if (array is not Decimal128Array decimals)
        {
            throw ColumnarErrors.WrongType(name, array, "decimal128");
        }

        var values = new decimal[decimals.Length];
        var nulls = new bool[decimals.Length];
        var scale = ((Decimal128Type)decimals.Data.DataType).Scale;
        var raw = decimals.ValueBuffer.Span;
        var nullBits = new NullBits(decimals);
        for (var i = 0; i < values.Length; i++)
        {
            if (nullBits.IsNull(i))
            {
                nulls[i] = true;
                continue;
            }

            // A 128-bit two's complement unscaled value; beyond 96 bits or 28 decimals the reader decides (or refuses).
            var unscaled = BinaryPrimitives.ReadInt128LittleEndian(raw.Slice((decimals.Offset + i) * 16, 16));
            var negative = unscaled < Int128.Zero;
            var magnitude = unscaled == Int128.MinValue ? UInt128.MaxValue : negative ? (UInt128)(-unscaled) : (UInt128)unscaled;
            if (scale is >= 0 and <= 28 && magnitude >> 96 == UInt128.Zero)
            {
                var low = unchecked((ulong)magnitude);
                var high = unchecked((int)(uint)(magnitude >> 64));
                values[i] = new decimal(unchecked((int)(uint)low), unchecked((int)(uint)(low >> 32)), high, negative, (byte)scale);
            }
            else
            {
                values[i] = decimals.GetValue(i)!.Value;
            }
        }

        return new DecimalColumn(values, nulls);
    }
}
