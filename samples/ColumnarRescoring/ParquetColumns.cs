using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using Parquet;
using Parquet.Schema;

namespace ColumnarRescoring;

/// <summary>
/// Reads whole Parquet column chunks into Arrow arrays (and, for the row path, into strings) from the buffers
/// Parquet.Net decodes, without a per-value builder: numbers are copied once, validity bitmaps are built in one pass
/// over the definition levels, and text stays UTF-8.
/// </summary>
/// <remarks>
/// Parquet.Net decodes a dictionary-encoded text column chunk by giving every row of one dictionary entry the same
/// backing array. Text is therefore delivered as an Arrow dictionary array whose entries are those arrays, found by
/// reference, so nothing is hashed or compared byte by byte; when the values are not shared that way (a plain-encoded
/// column such as unique ids), the column becomes a plain string array with its bytes written once. Either way the
/// values are exactly the file's: sharing only decides the shape.
/// </remarks>
internal sealed class ParquetColumns
{
    private static readonly DictionaryType TextDictionary = new(Int32Type.Default, StringType.Default, false);
    private static readonly object EmptyText = new();

    private readonly SharedArrays entryOf = new();
    private readonly List<ReadOnlyMemory<byte>> entries = [];
    private ReadOnlyMemory<byte>[] utf8 = [];
    private ReadOnlyMemory<char>[] utf16 = [];
    private int[] levels = [];

    /// <summary>
    /// Reads a text column as a dictionary array when its values share a few arrays, else as a string array.
    /// <paramref name="field"/> names the column as bytes (<c>DataField&lt;byte[]&gt;</c>), which Parquet.Net decodes
    /// without turning UTF-8 into .NET strings.
    /// </summary>
    public async Task<IArrowArray> TextAsync(ParquetRowGroupReader group, DataField<byte[]> field, int rows, bool preferDictionary = true)
    {
        var present = await ReadAsync(group, field, rows, utf8, v => utf8 = v);
        var values = utf8.AsSpan(0, rows);
        var defined = field.IsNullable ? levels.AsSpan(0, rows) : default;
        var (validity, nullCount) = Validity(defined, field.MaxDefinitionLevel, rows);
        IArrowArray? result = preferDictionary ? TryDictionary(values[..present], defined, field.MaxDefinitionLevel, rows, validity, nullCount) : null;
        result ??= Plain(values[..present], defined, field.MaxDefinitionLevel, rows, validity, nullCount);
        values.Clear();
        return result;
    }

    /// <summary>Reads a text column as strings, one string per distinct shared value (the row path's input).</summary>
    public async Task<string?[]> StringsAsync(ParquetRowGroupReader group, DataField<string> field, int rows)
    {
        var present = await ReadAsync(group, field, rows, utf16, v => utf16 = v);
        var values = utf16.AsSpan(0, present);
        var defined = field.IsNullable ? levels.AsSpan(0, rows) : default;
        var strings = new string?[rows];
        var shared = new SharedArrays();
        var texts = new List<string>();
        var share = true;
        var next = 0;
        object? previous = null;
        var text = string.Empty;
        for (var i = 0; i < rows; i++)
        {
            if (!defined.IsEmpty && defined[i] < field.MaxDefinitionLevel)
            {
                continue;
            }

            var value = values[next++];
            if (share && WholeArray(value) is { } array)
            {
                if (!ReferenceEquals(array, previous))
                {
                    var code = shared.Find(array);
                    if (code < 0)
                    {
                        shared.Add(array);
                        texts.Add(new string(value.Span));
                        code = texts.Count - 1;
                        share = !TooMany(texts.Count, next, present);
                    }

                    text = texts[code];
                    previous = array;
                }

                strings[i] = text;
            }
            else
            {
                strings[i] = new string(value.Span);
            }
        }

        values.Clear();
        return strings;
    }

    /// <summary>Reads a 32-bit integer column with its nulls.</summary>
    public async Task<Int32Array> Int32Async(ParquetRowGroupReader group, DataField field, int rows)
    {
        var bytes = new byte[rows * sizeof(int)];
        var compact = new int[rows];
        if (field.IsNullable)
        {
            EnsureLevels(rows);
            await group.ReadRawAsync(field, compact.AsMemory(), levels.AsMemory(0, rows), null);
            var values = MemoryMarshal.Cast<byte, int>(bytes.AsSpan());
            var defined = levels.AsSpan(0, rows);
            var (validity, nullCount) = Validity(defined, field.MaxDefinitionLevel, rows);
            var next = 0;
            for (var i = 0; i < rows; i++)
            {
                values[i] = defined[i] == field.MaxDefinitionLevel ? compact[next++] : 0;
            }

            return new Int32Array(new ArrowBuffer(bytes), validity, rows, nullCount, 0);
        }

        await group.ReadAsync(field, compact.AsMemory());
        compact.CopyTo(MemoryMarshal.Cast<byte, int>(bytes.AsSpan()));
        return new Int32Array(new ArrowBuffer(bytes), ArrowBuffer.Empty, rows, 0, 0);
    }

    /// <summary>Reads a required boolean column into a bit-packed array.</summary>
    public static async Task<BooleanArray> BooleanAsync(ParquetRowGroupReader group, DataField field, int rows)
    {
        var flags = new bool[rows];
        await group.ReadAsync(field, flags.AsMemory());
        var bits = new byte[(rows + 7) / 8];
        for (var i = 0; i < rows; i++)
        {
            bits[i >> 3] |= (byte)((flags[i] ? 1 : 0) << (i & 7));
        }

        return new BooleanArray(new ArrowBuffer(bits), ArrowBuffer.Empty, rows, 0, 0);
    }

    /// <summary>Reads a required column of UTC ticks into a timestamp array of nanoseconds since the Unix epoch.</summary>
    public static async Task<TimestampArray> TimestampAsync(ParquetRowGroupReader group, DataField field, int rows, TimestampType type)
    {
        var ticks = new long[rows];
        await group.ReadAsync(field, ticks.AsMemory());
        var bytes = new byte[rows * sizeof(long)];
        var nanoseconds = MemoryMarshal.Cast<byte, long>(bytes.AsSpan());
        var epoch = DateTime.UnixEpoch.Ticks;
        for (var i = 0; i < rows; i++)
        {
            nanoseconds[i] = (ticks[i] - epoch) * 100;
        }

        return new TimestampArray(type, new ArrowBuffer(bytes), ArrowBuffer.Empty, rows, 0, 0);
    }

    /// <summary>A decimal column of nulls only.</summary>
    public static Decimal128Array Nulls(Decimal128Type type, int rows) =>
        new(new ArrayData(type, rows, rows, 0, [new ArrowBuffer(new byte[(rows + 7) / 8]), new ArrowBuffer(new byte[rows * 16])]));

    private async Task<int> ReadAsync<T>(ParquetRowGroupReader group, DataField field, int rows, T[] buffer, Action<T[]> grown)
        where T : struct
    {
        if (buffer.Length < rows)
        {
            buffer = new T[rows];
            grown(buffer);
        }

        if (!field.IsNullable)
        {
            await group.ReadRawAsync(field, buffer.AsMemory(0, rows), null, null);
            return rows;
        }

        EnsureLevels(rows);
        await group.ReadRawAsync(field, buffer.AsMemory(0, rows), levels.AsMemory(0, rows), null);
        var present = 0;
        foreach (var level in levels.AsSpan(0, rows))
        {
            present += level == field.MaxDefinitionLevel ? 1 : 0;
        }

        return present;
    }

    private void EnsureLevels(int rows)
    {
        if (levels.Length < rows)
        {
            levels = new int[rows];
        }
    }

    /// <summary>The array a value spans whole, or <see langword="null"/> when it is a part of one (or not array-backed).</summary>
    private static object? WholeArray<T>(ReadOnlyMemory<T> value)
    {
        if (value.IsEmpty)
        {
            return EmptyText;
        }

        return MemoryMarshal.TryGetArray(value, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length ? segment.Array : null;
    }

    /// <summary>
    /// Whether values are too rarely shared for a dictionary: more distinct arrays than half of all values, or than half
    /// of those seen once the first thousands were (unique ids are told apart early).
    /// </summary>
    private static bool TooMany(int distinct, int seen, int values) =>
        distinct > 64 && (distinct > values / 2 || (seen >= 4096 && distinct > seen / 2));

    private static (ArrowBuffer Bitmap, int NullCount) Validity(ReadOnlySpan<int> defined, int maxLevel, int rows)
    {
        if (defined.IsEmpty)
        {
            return (ArrowBuffer.Empty, 0);
        }

        var bits = new byte[(rows + 7) / 8];
        var nulls = 0;
        for (var i = 0; i < rows; i++)
        {
            var valid = defined[i] == maxLevel ? 1 : 0;
            bits[i >> 3] |= (byte)(valid << (i & 7));
            nulls += 1 - valid;
        }

        return nulls == 0 ? (ArrowBuffer.Empty, 0) : (new ArrowBuffer(bits), nulls);
    }

    private DictionaryArray? TryDictionary(ReadOnlySpan<ReadOnlyMemory<byte>> values, ReadOnlySpan<int> defined, int maxLevel, int rows, ArrowBuffer validity, int nullCount)
    {
        entryOf.Clear();
        entries.Clear();
        var indexBytes = new byte[rows * sizeof(int)];
        var indices = MemoryMarshal.Cast<byte, int>(indexBytes.AsSpan());
        object? previous = null;
        var previousIndex = 0;
        var next = 0;
        for (var i = 0; i < rows; i++)
        {
            if (!defined.IsEmpty && defined[i] < maxLevel)
            {
                continue;
            }

            var value = values[next++];
            var array = WholeArray(value);
            if (array is null)
            {
                return null;
            }

            if (!ReferenceEquals(array, previous))
            {
                previousIndex = entryOf.Find(array);
                if (previousIndex < 0)
                {
                    if (TooMany(entries.Count + 1, next, values.Length))
                    {
                        return null;
                    }

                    previousIndex = entries.Count;
                    entryOf.Add(array);
                    entries.Add(value);
                }

                previous = array;
            }

            indices[i] = previousIndex;
        }

        var dictionary = Plain(CollectionsMarshal.AsSpan(entries), default, 0, entries.Count, ArrowBuffer.Empty, 0);
        return new DictionaryArray(TextDictionary, new Int32Array(new ArrowBuffer(indexBytes), validity, rows, nullCount, 0), dictionary);
    }

    private static StringArray Plain(ReadOnlySpan<ReadOnlyMemory<byte>> values, ReadOnlySpan<int> defined, int maxLevel, int rows, ArrowBuffer validity, int nullCount)
    {
        var length = 0L;
        foreach (var value in values)
        {
            length += value.Length;
        }

        var offsetBytes = new byte[(rows + 1) * sizeof(int)];
        var offsets = MemoryMarshal.Cast<byte, int>(offsetBytes.AsSpan());
        var data = new byte[checked((int)length)];
        var end = 0;
        var next = 0;
        for (var i = 0; i < rows; i++)
        {
            offsets[i] = end;
            if (!defined.IsEmpty && defined[i] < maxLevel)
            {
                continue;
            }

            var value = values[next++].Span;
            value.CopyTo(data.AsSpan(end));
            end += value.Length;
        }

        offsets[rows] = end;
        return new StringArray(rows, new ArrowBuffer(offsetBytes), new ArrowBuffer(data), validity, nullCount, 0);
    }

    /// <summary>Distinct arrays numbered in order of first appearance, found by reference: a short scan while few, then a table.</summary>
    private sealed class SharedArrays
    {
        private const int Few = 16;
        private readonly object[] few = new object[Few];
        private readonly Dictionary<object, int> many = new(ReferenceEqualityComparer.Instance);

        public int Count { get; private set; }

        public void Clear()
        {
            System.Array.Clear(few);
            many.Clear();
            Count = 0;
        }

        /// <summary>The number of that array, or -1.</summary>
        public int Find(object array)
        {
            if (Count <= Few)
            {
                for (var i = 0; i < Count; i++)
                {
                    if (ReferenceEquals(few[i], array))
                    {
                        return i;
                    }
                }

                return -1;
            }

            return many.TryGetValue(array, out var number) ? number : -1;
        }

        public void Add(object array)
        {
            if (Count < Few)
            {
                few[Count] = array;
            }

            many[array] = Count++;
        }
    }
}
