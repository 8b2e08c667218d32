using Apache.Arrow;
using Array = System.Array;

namespace SalesGlossary.Domain.Arrow;

/// <summary>A text column encoded once: one code per row (0 for null, k + 1 for dictionary entry k) and its distinct values.</summary>
internal sealed class TextColumn
{
    public TextColumn(int[] codes, string[] values)
    {
        Codes = codes;
        Values = values;
    }

    /// <summary>Gets each row's code: 0 for null, <c>k + 1</c> for <see cref="Values"/>[k].</summary>
    public int[] Codes { get; }

    /// <summary>Gets the distinct values, each once.</summary>
    public string[] Values { get; }

    /// <summary>Gets the text of a code (<see langword="null"/> for 0).</summary>
    public string? Text(int code) => code == 0 ? null : Values[code - 1];

    /// <summary>Encodes a text column given as UTF-8 strings or as a dictionary of them.</summary>
    public static TextColumn Encode(IArrowArray array, string column, bool allowNull)
    {
        var encoder = new TextEncoder();
        var codes = new int[array.Length];
        switch (array)
        {
            case StringArray strings:
                var rows = new Utf8Rows(strings);
                var checkNulls = strings.NullCount > 0;
                for (var i = 0; i < codes.Length; i++)
                {
                    codes[i] = checkNulls && strings.IsNull(i) ? 0 : encoder.Code(rows[i]) + 1;
                }

                break;
            case DictionaryArray { Dictionary: StringArray dictionary } dictionaryArray:
                var map = new int[dictionary.Length];
                var entries = new Utf8Rows(dictionary);
                for (var d = 0; d < dictionary.Length; d++)
                {
                    map[d] = dictionary.IsNull(d) ? 0 : encoder.Code(entries[d]) + 1;
                }

                MapIndices(dictionaryArray, dictionaryArray.Indices, map, codes);

                break;
            default:
                throw ColumnarErrors.WrongType(column, array, "utf8 text (a string array or a dictionary of strings)");
        }

        if (!allowNull && Array.IndexOf(codes, 0) is var nullRow and >= 0)
        {
            throw ColumnarErrors.NullIn(column, nullRow);
        }

        return new TextColumn(codes, encoder.Values());
    }

    /// <summary>Sets each row's code from the dictionary entry its index names, reading the indices' raw values.</summary>
    private static void MapIndices(DictionaryArray array, IArrowArray indices, int[] map, int[] codes)
    {
        switch (indices)
        {
            case Int8Array a:
                Map(a.Values, array, map, codes);
                break;
            case UInt8Array a:
                Map(a.Values, array, map, codes);
                break;
            case Int16Array a:
                Map(a.Values, array, map, codes);
                break;
            case UInt16Array a:
                Map(a.Values, array, map, codes);
                break;
            case Int32Array a:
                Map(a.Values, array, map, codes);
                break;
            case UInt32Array a:
                Map(a.Values, array, map, codes);
                break;
            case Int64Array a:
                Map(a.Values, array, map, codes);
                break;
            case UInt64Array a:
                Map(a.Values, array, map, codes);
                break;
            default:
                throw new ArgumentException("A dictionary column has indices of type " + indices.Data.DataType.Name + "; integer indices are expected.", nameof(indices));
        }
    }

    private static void Map<T>(ReadOnlySpan<T> indices, DictionaryArray array, int[] map, int[] codes)
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        var checkNulls = array.NullCount > 0;
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = checkNulls && array.IsNull(i) ? 0 : map[int.CreateChecked(indices[i])];
        }
    }
}
