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
                for (var i = 0; i < strings.Length; i++)
                {
                    codes[i] = strings.IsNull(i) ? 0 : encoder.Code(strings.GetBytes(i, out _)) + 1;
                }

                break;
            case DictionaryArray { Dictionary: StringArray dictionary } dictionaryArray:
                var map = new int[dictionary.Length];
                for (var d = 0; d < dictionary.Length; d++)
                {
                    map[d] = dictionary.IsNull(d) ? 0 : encoder.Code(dictionary.GetBytes(d, out _)) + 1;
                }

                for (var i = 0; i < dictionaryArray.Length; i++)
                {
                    codes[i] = dictionaryArray.IsNull(i) ? 0 : map[IndexOf(dictionaryArray.Indices, i)];
                }

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

    private static int IndexOf(IArrowArray indices, int row) => indices switch
    {
        Int8Array a => a.GetValue(row)!.Value,
        UInt8Array a => a.GetValue(row)!.Value,
        Int16Array a => a.GetValue(row)!.Value,
        UInt16Array a => a.GetValue(row)!.Value,
        Int32Array a => a.GetValue(row)!.Value,
        UInt32Array a => checked((int)a.GetValue(row)!.Value),
        Int64Array a => checked((int)a.GetValue(row)!.Value),
        UInt64Array a => checked((int)a.GetValue(row)!.Value),
        _ => throw new ArgumentException("A dictionary column has indices of type " + indices.Data.DataType.Name + "; integer indices are expected.", nameof(indices)),
    };
}
