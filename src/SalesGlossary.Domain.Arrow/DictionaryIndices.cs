using System.Globalization;
using System.Numerics;
using Apache.Arrow;

namespace SalesGlossary.Domain.Arrow;

/// <summary>Reads the indices of a dictionary array, whatever their integer width, honouring the array's offset and nulls.</summary>
internal static class DictionaryIndices
{
    /// <summary>
    /// Sets <paramref name="destination"/>[i] to <paramref name="map"/>[index of row i], or to <paramref name="nullValue"/>
    /// for a null row. An index outside the dictionary is refused with the column and row named.
    /// </summary>
    public static void Map(DictionaryArray array, string column, ReadOnlySpan<int> map, Span<int> destination, int nullValue)
    {
        switch (array.Indices)
        {
            case Int8Array a:
                Map(a.Values, array, column, map, destination, nullValue);
                break;
            case UInt8Array a:
                Map(a.Values, array, column, map, destination, nullValue);
                break;
            case Int16Array a:
                Map(a.Values, array, column, map, destination, nullValue);
                break;
            case UInt16Array a:
                Map(a.Values, array, column, map, destination, nullValue);
                break;
            case Int32Array a:
                Map(a.Values, array, column, map, destination, nullValue);
                break;
            case UInt32Array a:
                Map(a.Values, array, column, map, destination, nullValue);
                break;
            case Int64Array a:
                Map(a.Values, array, column, map, destination, nullValue);
                break;
            case UInt64Array a:
                Map(a.Values, array, column, map, destination, nullValue);
                break;
            default:
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Column '{column}' is a dictionary with indices of type {array.Indices.Data.DataType.Name}; integer indices are expected."), column);
        }
    }

    private static void Map<T>(ReadOnlySpan<T> indices, DictionaryArray array, string column, ReadOnlySpan<int> map, Span<int> destination, int nullValue)
        where T : struct, IBinaryInteger<T>
    {
        var nulls = new NullBits(array);
        var entries = (ulong)map.Length;
        for (var i = 0; i < destination.Length; i++)
        {
            if (nulls.IsNull(i))
            {
                destination[i] = nullValue;
                continue;
            }

            // A negative index wraps to a huge unsigned one, so one comparison refuses both ends.
            var index = ulong.CreateTruncating(indices[i]);
            if (T.IsNegative(indices[i]) || index >= entries)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Column '{column}' has dictionary index {indices[i]} at row {i}; its dictionary has {map.Length} entries."), column);
            }

            destination[i] = map[(int)index];
        }
    }
}
