using System.Globalization;
using Apache.Arrow;
using SalesGlossary.Domain.Scoring;

namespace SalesGlossary.Domain.Arrow;

/// <summary>
/// Leads (and their activities) encoded once into columns that stay resident in memory, ready to be rescored by any
/// number of candidate models with <see cref="ColumnarScoringModel.ScoreTotals(ColumnarLeads, DateTimeOffset, Span{decimal}, CancellationToken)"/>.
/// </summary>
/// <remarks>
/// <para>
/// The lead batch has one column per <see cref="LeadFacts"/> property, named as the property: <c>Id</c> (text, required,
/// no nulls), <c>Email</c>, <c>JobTitle</c>, <c>Department</c>, <c>Industry</c>, <c>Country</c>, <c>LeadSource</c> (text: a
/// string array or a dictionary of strings), <c>Employees</c> (32-bit integers), <c>AnnualRevenue</c> (decimal128) and
/// <c>Unsubscribed</c>, <c>HardBounced</c> (booleans, no nulls). Columns may be left out; a rule that reads a column the
/// batch lacks is refused when scoring, with the rule and the column named.
/// </para>
/// <para>
/// The activity batch has one row per activity: <c>LeadId</c> (the <c>Id</c> of its lead), <c>Type</c> (text, no nulls),
/// <c>OccurredAt</c> (timestamp; without a time zone it is read as UTC), and optionally <c>Url</c> and
/// <c>JourneyStage</c> (text). Within a lead, the rows' order is the order of <see cref="LeadFacts.Activities"/>: it
/// decides which of two activities at the same instant counts first. Text is dictionary-encoded while reading, so rules
/// compare each distinct text once, not once per row.
/// </para>
/// <para>An instance is immutable and may be scored from several threads at once.</para>
/// </remarks>
public sealed class ColumnarLeads
{
    internal const string IdColumn = "Id";
    internal const string EmployeesColumn = "Employees";
    internal const string RevenueColumn = "AnnualRevenue";
    internal static readonly string[] TextColumnNames = ["Email", "JobTitle", "Department", "Industry", "Country", "LeadSource"];
    internal static readonly string[] BoolColumnNames = ["Unsubscribed", "HardBounced"];
    internal static readonly string[] ActivityTextColumnNames = ["Type", "Url", "JourneyStage"];

    private readonly StringArray ids;

    private ColumnarLeads(RecordBatch leads, RecordBatch? activities)
    {
        Count = leads.Length;
        var present = Enumerable.Range(0, leads.Schema.FieldsList.Count).Select(i => leads.Schema.GetFieldByIndex(i).Name).ToArray();
        ids = ColumnOf(leads, IdColumn) switch
        {
            null => throw ColumnarErrors.Missing(IdColumn, "lead", present),
            StringArray s => s.NullCount == 0 ? s : throw ColumnarErrors.NullIn(IdColumn, Enumerable.Range(0, s.Length).First(s.IsNull)),
            var other => throw ColumnarErrors.WrongType(IdColumn, other, "utf8 text (a string array)"),
        };

        foreach (var name in TextColumnNames)
        {
            if (ColumnOf(leads, name) is { } array)
            {
                CheckLength("lead", array);
                Texts[name] = TextColumn.Encode(array, name, allowNull: true);
            }
        }

        foreach (var name in BoolColumnNames)
        {
            if (ColumnOf(leads, name) is { } array)
            {
                CheckLength("lead", array);
                Bools[name] = EncodeBool(array, name);
            }
        }

        if (ColumnOf(leads, EmployeesColumn) is { } employees)
        {
            CheckLength("lead", employees);
            Employees = IntColumn.Encode(employees, EmployeesColumn);
        }

        if (ColumnOf(leads, RevenueColumn) is { } revenue)
        {
            CheckLength("lead", revenue);
            Revenue = DecimalColumn.Encode(revenue, RevenueColumn);
        }

        LeadColumns = [.. present];
        Activities = activities is null ? null : ActivityColumns.Encode(activities, ids);
    }

    /// <summary>Gets how many leads the columns hold.</summary>
    public int Count { get; }

    /// <summary>Gets how many activities the columns hold.</summary>
    public long ActivityCount => Activities?.Count ?? 0;

    /// <summary>Gets the names of the lead batch's columns.</summary>
    public IReadOnlyList<string> LeadColumns { get; }

    internal Dictionary<string, TextColumn> Texts { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, byte[]> Bools { get; } = new(StringComparer.Ordinal);

    internal IntColumn? Employees { get; }

    internal DecimalColumn? Revenue { get; }

    internal ActivityColumns? Activities { get; }

    /// <summary>Encodes a batch of leads, and optionally a batch of their activities, into resident columns.</summary>
    /// <param name="leads">One row per lead; see the remarks of <see cref="ColumnarLeads"/> for the columns.</param>
    /// <param name="activities">One row per activity keyed by <c>LeadId</c>, or <see langword="null"/> when the leads have none.</param>
    /// <returns>The encoded leads.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A column has the wrong type or a forbidden null, <c>Id</c> is missing, or an activity names no lead of the batch; the message names the column and row.</exception>
    public static ColumnarLeads FromArrow(RecordBatch leads, RecordBatch? activities = null)
    {
        ArgumentNullException.ThrowIfNull(leads);
        return new ColumnarLeads(leads, activities);
    }

    /// <summary>Builds the lead of row <paramref name="row"/> as the row path sees it, with its activities in batch order.</summary>
    internal LeadFacts Materialize(int row)
    {
        string? Text(string name) => Texts.TryGetValue(name, out var c) ? c.Text(c.Codes[row]) : null;
        bool Bool(string name) => Bools.TryGetValue(name, out var c) && c[row] != 0;
        return new LeadFacts(
            ids.GetString(row),
            Text("Email"),
            Text("JobTitle"),
            Text("Department"),
            Text("Industry"),
            Employees is { } e && e.NullMask[row] == 0 ? (int)e.Values[row] : null,
            Revenue is { } r && !r.IsNull[row] ? r.Values[row] : null,
            Text("Country"),
            Text("LeadSource"),
            Bool("Unsubscribed"),
            Bool("HardBounced"),
            Activities?.MaterializeOf(row) ?? []);
    }

    /// <summary>The column of that exact name, or <see langword="null"/>.</summary>
    internal static IArrowArray? ColumnOf(RecordBatch batch, string name)
    {
        var index = batch.Schema.GetFieldIndex(name, StringComparer.Ordinal);
        return index < 0 ? null : batch.Column(index);
    }

    /// <summary>Whether the lead batch holds a column of that name.</summary>
    internal bool HasColumn(string name) => LeadColumns.Contains(name, StringComparer.Ordinal);

    private static byte[] EncodeBool(IArrowArray array, string name)
    {
        if (array is not BooleanArray booleans)
        {
            throw ColumnarErrors.WrongType(name, array, "boolean");
        }

        var codes = new byte[booleans.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = booleans.GetValue(i) switch
            {
                null => throw ColumnarErrors.NullIn(name, i),
                true => 1,
                false => 0,
            };
        }

        return codes;
    }

    private void CheckLength(string batch, IArrowArray array)
    {
        if (array.Length != Count)
        {
            throw ColumnarErrors.LengthMismatch(batch, Count, array.Length);
        }
    }
}

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
        for (var i = 0; i < values.Length; i++)
        {
            if (ints.IsNull(i))
            {
                nulls[i] = -1;
            }
            else
            {
                values[i] = raw[i];
            }
        }

        return new IntColumn(values, nulls);
    }
}

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
        for (var i = 0; i < values.Length; i++)
        {
            if (decimals.GetValue(i) is { } value)
            {
                values[i] = value;
            }
            else
            {
                nulls[i] = true;
            }
        }

        return new DecimalColumn(values, nulls);
    }
}

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
        new(Type.Text(KeyType[key])!, default, Url?.Text(KeyUrl[key]), Stage?.Text(KeyStage[key]));

    /// <summary>The sorted activity <paramref name="index"/> as the row path sees it.</summary>
    public LeadActivity Materialize(int index)
    {
        var key = Key[index];
        return new LeadActivity(Type.Text(KeyType[key])!, new DateTimeOffset(Ticks[index], TimeSpan.Zero), Url?.Text(KeyUrl[key]), Stage?.Text(KeyStage[key]));
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
