using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace SalesGlossary.Domain.Arrow;

/// <summary>
/// Activities grouped by lead, each lead's newest first (at the same instant in batch order), with a key per activity
/// naming its distinct combination of <c>Type</c>, <c>Url</c> and <c>JourneyStage</c>.
/// </summary>
internal sealed class ActivityColumns
{
    private ActivityColumns(int count, int[] start, long[] ticks, int[] key, int[] row, TextColumn type, TextColumn? url, TextColumn? stage, int[] keyType, int[] keyUrl, int[] keyStage)
    {
        Count = count;
        Start = start;
        Ticks = ticks;
        Key = key;
        Row = row;
        Type = type;
        Url = url;
        Stage = stage;
        KeyType = keyType;
        KeyUrl = keyUrl;
        KeyStage = keyStage;
    }

    public int Count { get; }

    /// <summary>Gets where each lead's activities start in the sorted arrays (one more entry than leads).</summary>
    public int[] Start { get; }

    /// <summary>Gets each sorted activity's instant in UTC ticks.</summary>
    public long[] Ticks { get; }

    /// <summary>Gets each sorted activity's key: its distinct combination of texts.</summary>
    public int[] Key { get; }

    /// <summary>Gets each sorted activity's row in the batch.</summary>
    public int[] Row { get; }

    public TextColumn Type { get; }

    public TextColumn? Url { get; }

    public TextColumn? Stage { get; }

    /// <summary>Gets the type code (see <see cref="TextColumn.Codes"/>) of each key.</summary>
    public int[] KeyType { get; }

    public int[] KeyUrl { get; }

    public int[] KeyStage { get; }

    public int KeyCount => KeyType.Length;

    /// <summary>The activity of a key, as the row path sees it (the instant is not part of the key).</summary>
    public LeadActivity OfKey(int key) =>
        new() { Type = Type.Text(KeyType[key])!, OccurredAt = default, Url = Url?.Text(KeyUrl[key]), JourneyStage = Stage?.Text(KeyStage[key]) };

    /// <summary>The sorted activity <paramref name="index"/> as the row path sees it.</summary>
    public LeadActivity Materialize(int index)
    {
        var key = Key[index];
        return new LeadActivity { Type = Type.Text(KeyType[key])!, OccurredAt = new DateTimeOffset(Ticks[index], TimeSpan.Zero), Url = Url?.Text(KeyUrl[key]), JourneyStage = Stage?.Text(KeyStage[key]) };
    }

    /// <summary>A lead's activities in batch order.</summary>
    public LeadActivity[] MaterializeOf(int lead)
    {
        var from = Start[lead];
        var indexes = Enumerable.Range(from, Start[lead + 1] - from).OrderBy(i => Row[i]).ToArray();
        return [.. indexes.Select(Materialize)];
    }

    public static ActivityColumns Encode(RecordBatch batch, StringArray leadIds)
    {
        var present = Enumerable.Range(0, batch.Schema.FieldsList.Count).Select(i => batch.Schema.GetFieldByIndex(i).Name).ToArray();
        IArrowArray Required(string name) => ColumnarLeads.ColumnOf(batch, name) ?? throw ColumnarErrors.Missing(name, "activity", present);
        var count = batch.Length;
        var leadOf = JoinLeads(Required("LeadId"), leadIds);
        var type = TextColumn.Encode(Required("Type"), "Type", allowNull: false);
        var url = ColumnarLeads.ColumnOf(batch, "Url") is { } u ? TextColumn.Encode(u, "Url", allowNull: true) : null;
        var stage = ColumnarLeads.ColumnOf(batch, "JourneyStage") is { } s ? TextColumn.Encode(s, "JourneyStage", allowNull: true) : null;
        var at = Required("OccurredAt") as TimestampArray ?? throw ColumnarErrors.WrongType("OccurredAt", Required("OccurredAt"), "timestamp");

        // Keys: distinct (type, url, stage) combinations.
        var keyOfRow = new int[count];
        var combinations = KeyRows(type, url, stage, keyOfRow);

        // Group rows by lead (stable: batch order), then sort each lead's activities newest first, ties in batch order.
        var start = new int[leadIds.Length + 1];
        foreach (var lead in leadOf)
        {
            start[lead + 1]++;
        }

        for (var l = 0; l < leadIds.Length; l++)
        {
            start[l + 1] += start[l];
        }

        var rawTicks = UtcTicks(at);
        var rowAt = new int[count];
        if (IsNonDecreasing(leadOf))
        {
            for (var i = 0; i < count; i++)
            {
                rowAt[i] = i;
            }
        }
        else
        {
            var next = start[..^1].ToArray();
            for (var i = 0; i < count; i++)
            {
                rowAt[next[leadOf[i]]++] = i;
            }
        }

        var ticks = new long[count];
        var keyAt = new int[count];
        var order = new (long NegativeTicks, int Row)[64];
        for (var l = 0; l < leadIds.Length; l++)
        {
            var from = start[l];
            var length = start[l + 1] - from;
            var rows = rowAt.AsSpan(from, length);
            if (!OrderNewestFirst(rows, rawTicks))
            {
                if (order.Length < length)
                {
                    order = new (long, int)[length];
                }

                var span = order.AsSpan(0, length);
                for (var k = 0; k < length; k++)
                {
                    span[k] = (-rawTicks[rows[k]], rows[k]);
                }

                span.Sort();
                for (var k = 0; k < length; k++)
                {
                    rows[k] = span[k].Row;
                }
            }

            for (var k = 0; k < length; k++)
            {
                var row = rows[k];
                ticks[from + k] = rawTicks[row];
                keyAt[from + k] = keyOfRow[row];
            }
        }

        return new ActivityColumns(count, start, ticks, keyAt, rowAt, type, url, stage, combinations.Type, combinations.Url, combinations.Stage);
    }

    /// <summary>
    /// Finds each activity's lead by its <c>LeadId</c>, comparing UTF-8 bytes without decoding. A dictionary-encoded
    /// column is joined once per dictionary entry and its rows take their entry's lead.
    /// </summary>
    private static int[] JoinLeads(IArrowArray column, StringArray leadIds)
    {
        const int NoLead = -1;
        const int NullId = -2;
        switch (column)
        {
            case StringArray keys:
                var leadOf = new int[keys.Length];
                Join(keys, leadIds, leadOf, strict: true);
                return leadOf;
            case DictionaryArray { Dictionary: StringArray entries } dictionary:
                var entryLead = new int[entries.Length];
                Join(entries, leadIds, entryLead, strict: false);
                var rowLead = new int[dictionary.Length];
                DictionaryIndices.Map(dictionary, "LeadId", entryLead, rowLead, NullId);
                for (var i = 0; i < rowLead.Length; i++)
                {
                    if (rowLead[i] < 0)
                    {
                        throw rowLead[i] == NullId
                            ? ColumnarErrors.NullIn("LeadId", i)
                            : Stranger(i, entries.GetString(IndexAt(dictionary, i)), nameof(column));
                    }
                }

                return rowLead;
            default:
                throw ColumnarErrors.WrongType("LeadId", column, "utf8 text (a string array or a dictionary of strings)");
        }

        // Strict: a null or an unknown id is refused at its row; otherwise they are marked NullId and NoLead.
        static void Join(StringArray keys, StringArray leadIds, Span<int> leadOf, bool strict)
        {
            // Activities usually come grouped by lead in lead order, so each is first compared with the previous
            // activity's lead and the one after it; only a miss looks the id up in a hash table of the lead ids.
            // Strictly ascending ids are unique; otherwise the table is built now, refusing the first duplicate.
            var table = IsStrictlyAscending(leadIds) ? null : new LeadIdTable(leadIds);
            var current = 0;
            var leads = leadIds.Length;
            var ids = new Utf8Rows(leadIds);
            var rows = new Utf8Rows(keys);
            var nulls = new NullBits(keys);
            for (var i = 0; i < keys.Length; i++)
            {
                if (nulls.IsNull(i))
                {
                    leadOf[i] = strict ? throw ColumnarErrors.NullIn("LeadId", i) : NullId;
                    continue;
                }

                var bytes = rows[i];
                if (current < leads && bytes.SequenceEqual(ids[current]))
                {
                    leadOf[i] = current;
                    continue;
                }

                if (current + 1 < leads && bytes.SequenceEqual(ids[current + 1]))
                {
                    leadOf[i] = ++current;
                    continue;
                }

                table ??= new LeadIdTable(leadIds);
                var found = table.Find(bytes);
                if (found < 0)
                {
                    leadOf[i] = strict ? throw Stranger(i, keys.GetString(i), nameof(column)) : NoLead;
                    continue;
                }

                leadOf[i] = current = found;
            }
        }
    }

    private static ArgumentException Stranger(int row, string id, string parameter) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Activity row {row} has LeadId '{id}', which is no Id of the lead batch."), parameter);

    /// <summary>The dictionary index of a row (known valid: the row was mapped already).</summary>
    private static int IndexAt(DictionaryArray dictionary, int row)
    {
        var one = new int[1];
        var identity = Enumerable.Range(0, dictionary.Dictionary.Length).ToArray();
        DictionaryIndices.Map((DictionaryArray)ArrowArrayFactory.Slice(dictionary, row, 1), "LeadId", identity, one, -1);
        return one[0];
    }

    private static bool IsStrictlyAscending(StringArray ids)
    {
        var rows = new Utf8Rows(ids);
        for (var l = 1; l < ids.Length; l++)
        {
            if (rows[l - 1].SequenceCompareTo(rows[l]) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNonDecreasing(int[] values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] < values[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Orders one lead's rows (given in batch order) newest first, ties in batch order, when that is cheap: already in
    /// order, in strictly ascending time, or short. Returns <see langword="false"/> when the caller must sort.
    /// </summary>
    private static bool OrderNewestFirst(Span<int> rows, long[] ticks)
    {
        var descending = true;
        var ascending = true;
        for (var k = 1; k < rows.Length && (descending || ascending); k++)
        {
            var previous = ticks[rows[k - 1]];
            var tick = ticks[rows[k]];
            descending &= previous >= tick;
            ascending &= previous < tick;
        }

        if (descending)
        {
            return true;
        }

        if (ascending)
        {
            rows.Reverse();
            return true;
        }

        if (rows.Length > 32)
        {
            return false;
        }

        for (var k = 1; k < rows.Length; k++)
        {
            var row = rows[k];
            var tick = ticks[row];
            var j = k - 1;
            for (; j >= 0 && ticks[rows[j]] < tick; j--)
            {
                rows[j + 1] = rows[j];
            }

            rows[j + 1] = row;
        }

        return true;
    }

    /// <summary>Each row's instant in UTC ticks, read from the raw values by the column's unit (a time zone does not move an instant).</summary>
    private static long[] UtcTicks(TimestampArray at)
    {
        var values = at.Values;
        var ticks = new long[values.Length];
        var unit = ((TimestampType)at.Data.DataType).Unit;
        var epoch = DateTime.UnixEpoch.Ticks;
        var nulls = new NullBits(at);
        for (var i = 0; i < values.Length; i++)
        {
            if (nulls.IsNull(i))
            {
                throw ColumnarErrors.NullIn("OccurredAt", i);
            }

            var value = values[i];
            var tick = unchecked(epoch + unit switch
            {
                TimeUnit.Nanosecond => value / 100,
                TimeUnit.Microsecond => value * 10,
                TimeUnit.Millisecond => value * TimeSpan.TicksPerMillisecond,
                TimeUnit.Second => value * TimeSpan.TicksPerSecond,
                _ => at.GetTimestamp(i)!.Value.UtcTicks - epoch,
            });

            // Out of range: the reader's own conversion raises its error.
            ticks[i] = (ulong)tick <= (ulong)DateTime.MaxValue.Ticks ? tick : at.GetTimestamp(i)!.Value.UtcTicks;
        }

        return ticks;
    }

    /// <summary>Codes each row's (type, url, stage) combination densely, in order of first appearance.</summary>
    private static (int[] Type, int[] Url, int[] Stage) KeyRows(TextColumn type, TextColumn? url, TextColumn? stage, int[] keyOfRow)
    {
        var typeCodes = type.Codes;
        var urlCodes = url?.Codes;
        var stageCodes = stage?.Codes;
        long typeRange = type.Values.Length + 1;
        long urlRange = (url?.Values.Length ?? 0) + 1;
        long stageRange = (stage?.Values.Length ?? 0) + 1;
        var keyType = new List<int>();
        var keyUrl = new List<int>();
        var keyStage = new List<int>();
        var radix = (UInt128)(ulong)typeRange * (ulong)urlRange * (ulong)stageRange;
        var small = radix <= (UInt128)Math.Max(1 << 16, keyOfRow.Length);
        var direct = small ? new int[(int)radix] : null;
        var hashed = small ? null : new Dictionary<(int, int, int), int>();
        for (var i = 0; i < keyOfRow.Length; i++)
        {
            var t = typeCodes[i];
            var u = urlCodes?[i] ?? 0;
            var s = stageCodes?[i] ?? 0;
            int key;
            if (direct is not null)
            {
                ref var slot = ref direct[(int)((((t * urlRange) + u) * stageRange) + s)];
                if (slot == 0)
                {
                    slot = keyType.Count + 1;
                    keyType.Add(t);
                    keyUrl.Add(u);
                    keyStage.Add(s);
                }

                key = slot - 1;
            }
            else if (!hashed!.TryGetValue((t, u, s), out key))
            {
                key = keyType.Count;
                hashed.Add((t, u, s), key);
                keyType.Add(t);
                keyUrl.Add(u);
                keyStage.Add(s);
            }

            keyOfRow[i] = key;
        }

        return ([.. keyType], [.. keyUrl], [.. keyStage]);
    }

    /// <summary>An open-addressing table of the lead ids by their UTF-8 bytes; building it refuses duplicate ids.</summary>
    private sealed class LeadIdTable
    {
        private readonly StringArray ids;
        private readonly int[] slots;
        private readonly int mask;

        public LeadIdTable(StringArray leadIds)
        {
            ids = leadIds;
            var size = 16;
            while (size < ids.Length * 2)
            {
                size *= 2;
            }

            slots = new int[size];
            mask = size - 1;
            var rows = new Utf8Rows(leadIds);
            for (var l = 0; l < ids.Length; l++)
            {
                var bytes = rows[l];
                for (var slot = Utf8Hash.Of(bytes) & mask; ; slot = (slot + 1) & mask)
                {
                    if (slots[slot] == 0)
                    {
                        slots[slot] = l + 1;
                        break;
                    }

                    if (bytes.SequenceEqual(rows[slots[slot] - 1]))
                    {
                        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                            $"Lead id '{ids.GetString(l)}' appears at rows {slots[slot] - 1} and {l} of the lead batch; activities are keyed by lead id, so ids must be unique."), nameof(leadIds));
                    }
                }
            }
        }

        /// <summary>The lead of that id, or -1.</summary>
        public int Find(ReadOnlySpan<byte> bytes)
        {
            var rows = new Utf8Rows(ids);
            for (var slot = Utf8Hash.Of(bytes) & mask; slots[slot] != 0; slot = (slot + 1) & mask)
            {
                if (bytes.SequenceEqual(rows[slots[slot] - 1]))
                {
                    return slots[slot] - 1;
                }
            }

            return -1;
        }
    }
}
