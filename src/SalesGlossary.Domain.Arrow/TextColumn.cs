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
                var nulls = new NullBits(strings);
                for (var i = 0; i < codes.Length; i++)
                {
                    codes[i] = nulls.IsNull(i) ? 0 : encoder.Code(rows[i]) + 1;
                }

                break;
            case DictionaryArray { Dictionary: StringArray dictionary } dictionaryArray:
                var map = new int[dictionary.Length];
                var entries = new Utf8Rows(dictionary);
                var nullEntries = new NullBits(dictionary);
                for (var d = 0; d < dictionary.Length; d++)
                {
                    map[d] = nullEntries.IsNull(d) ? 0 : encoder.Code(entries[d]) + 1;
                }

                DictionaryIndices.Map(dictionaryArray, column, map, codes, nullValue: 0);

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
}
