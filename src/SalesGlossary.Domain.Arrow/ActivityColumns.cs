using System.Globalization;
using Apache.Arrow;

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
        var keys = new Dictionary<(int, int, int), int>();
        var keyOfRow = new int[count];
        for (var i = 0; i < count; i++)
        {
            var combination = (type.Codes[i], url?.Codes[i] ?? 0, stage?.Codes[i] ?? 0);
            if (!keys.TryGetValue(combination, out var key))
            {
                key = keys.Count;
                keys.Add(combination, key);
            }

            keyOfRow[i] = key;
        }

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

        var next = start[..^1].ToArray();
        var rowAt = new int[count];
        var rawTicks = new long[count];
        for (var i = 0; i < count; i++)
        {
            rowAt[next[leadOf[i]]++] = i;
            rawTicks[i] = (at.GetTimestamp(i) ?? throw ColumnarErrors.NullIn("OccurredAt", i)).UtcTicks;
        }

        var ticks = new long[count];
        var keyAt = new int[count];
        var order = new (long NegativeTicks, int Row)[64];
        for (var l = 0; l < leadIds.Length; l++)
        {
            var from = start[l];
            var length = start[l + 1] - from;
            if (order.Length < length)
            {
                order = new (long, int)[length];
            }

            var span = order.AsSpan(0, length);
            for (var k = 0; k < length; k++)
            {
                var row = rowAt[from + k];
                span[k] = (-rawTicks[row], row);
            }

            span.Sort();
            for (var k = 0; k < length; k++)
            {
                rowAt[from + k] = span[k].Row;
                ticks[from + k] = -span[k].NegativeTicks;
                keyAt[from + k] = keyOfRow[span[k].Row];
            }
        }

        var keyType = new int[keys.Count];
        var keyUrl = new int[keys.Count];
        var keyStage = new int[keys.Count];
        foreach (var ((t, u2, s2), key) in keys)
        {
            keyType[key] = t;
            keyUrl[key] = u2;
            keyStage[key] = s2;
        }

        return new ActivityColumns(count, start, ticks, keyAt, rowAt, type, url, stage, keyType, keyUrl, keyStage);
    }

    /// <summary>Finds each activity's lead by its <c>LeadId</c>, comparing UTF-8 bytes without decoding.</summary>
    private static int[] JoinLeads(IArrowArray column, StringArray leadIds)
    {
        if (column is not StringArray keys)
        {
            throw ColumnarErrors.WrongType("LeadId", column, "utf8 text (a string array)");
        }

        var size = 16;
        while (size < leadIds.Length * 2)
        {
            size *= 2;
        }

        var slots = new int[size];
        var mask = size - 1;
        for (var l = 0; l < leadIds.Length; l++)
        {
            var bytes = leadIds.GetBytes(l, out _);
            for (var slot = Hash(bytes) & mask; ; slot = (slot + 1) & mask)
            {
                if (slots[slot] == 0)
                {
                    slots[slot] = l + 1;
                    break;
                }

                if (bytes.SequenceEqual(leadIds.GetBytes(slots[slot] - 1, out _)))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"Lead id '{leadIds.GetString(l)}' appears at rows {slots[slot] - 1} and {l} of the lead batch; activities are keyed by lead id, so ids must be unique."), nameof(leadIds));
                }
            }
        }

        var leadOf = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys.IsNull(i))
            {
                throw ColumnarErrors.NullIn("LeadId", i);
            }

            var bytes = keys.GetBytes(i, out _);
            var found = -1;
            for (var slot = Hash(bytes) & mask; slots[slot] != 0; slot = (slot + 1) & mask)
            {
                if (bytes.SequenceEqual(leadIds.GetBytes(slots[slot] - 1, out _)))
                {
                    found = slots[slot] - 1;
                    break;
                }
            }

            leadOf[i] = found >= 0 ? found : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Activity row {i} has LeadId '{keys.GetString(i)}', which is no Id of the lead batch."), nameof(column));
        }

        return leadOf;
    }

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = default(HashCode);
        hash.AddBytes(bytes);
        return hash.ToHashCode() & int.MaxValue;
    }
}
