using Apache.Arrow;

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
/// <para>
/// Every text column, <c>LeadId</c> included (not the lead's <c>Id</c>), may be a string array or a dictionary of
/// strings with integer indices of any width. A dictionary is read once per entry (entries no row uses are ignored,
/// whatever they hold), then a code is copied per row; this is the fast input, as Parquet readers deliver it.
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
    /// <exception cref="ArgumentException">A column has the wrong type or a forbidden null, a dictionary index lies outside its dictionary, <c>Id</c> is missing, or an activity names no lead of the batch; the message names the column and row.</exception>
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
        return new LeadFacts
        {
            Id = ids.GetString(row),
            Email = Text("Email"),
            JobTitle = Text("JobTitle"),
            Department = Text("Department"),
            Industry = Text("Industry"),
            Employees = Employees is { } e && e.NullMask[row] == 0 ? (int)e.Values[row] : null,
            AnnualRevenue = Revenue is { } r && !r.IsNull[row] ? r.Values[row] : null,
            Country = Text("Country"),
            LeadSource = Text("LeadSource"),
            Unsubscribed = Bool("Unsubscribed"),
            HardBounced = Bool("HardBounced"),
            Activities = Activities?.MaterializeOf(row) ?? [],
        };
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

        if (booleans.NullCount > 0)
        {
            throw ColumnarErrors.NullIn(name, Enumerable.Range(0, booleans.Length).First(booleans.IsNull));
        }

        // The values are bit-packed, least significant bit first, starting at the array's offset.
        var codes = new byte[booleans.Length];
        var bits = booleans.ValueBuffer.Span;
        var offset = booleans.Offset;
        for (var i = 0; i < codes.Length; i++)
        {
            var bit = offset + i;
            codes[i] = (byte)((bits[bit >> 3] >> (bit & 7)) & 1);
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
