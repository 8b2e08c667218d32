using Apache.Arrow;
using Apache.Arrow.Types;
using Parquet;
using Parquet.Schema;
using SalesGlossary.Domain.Arrow;
using SalesGlossary.Domain;

namespace ColumnarRescoring;

/// <summary>
/// Leads and their activities in two Parquet files with aligned row groups (row group k of the activity file holds the
/// activities of the leads in row group k of the lead file), read either into Arrow batches (the columnar path) or into
/// lead objects (the row path).
/// </summary>
public static class LeadParquet
{
    private static readonly DataField<string> Id = new("Id", false);
    private static readonly DataField<string> Email = new("Email", true);
    private static readonly DataField<string> JobTitle = new("JobTitle", true);
    private static readonly DataField<string> Department = new("Department", true);
    private static readonly DataField<string> Industry = new("Industry", true);
    private static readonly DataField<int?> Employees = new("Employees", true);
    private static readonly DataField<string> Country = new("Country", true);
    private static readonly DataField<string> LeadSource = new("LeadSource", true);
    private static readonly DataField<bool> Unsubscribed = new("Unsubscribed", false);
    private static readonly DataField<bool> HardBounced = new("HardBounced", false);
    private static readonly DataField<string> LeadId = new("LeadId", false);
    private static readonly DataField<string> Type = new("Type", false);
    private static readonly DataField<long> OccurredAtTicks = new("OccurredAtUtcTicks", false);
    private static readonly DataField<string> Url = new("Url", true);
    private static readonly DataField<string> JourneyStage = new("JourneyStage", true);

    private static readonly ParquetSchema LeadSchema = new(Id, Email, JobTitle, Department, Industry, Employees, Country, LeadSource, Unsubscribed, HardBounced);
    private static readonly ParquetSchema ActivitySchema = new(LeadId, Type, OccurredAtTicks, Url, JourneyStage);
    private static readonly TimestampType Timestamp = new(TimeUnit.Nanosecond, "UTC");
    private static readonly Decimal128Type Revenue = new(38, 6);

    /// <summary>Writes leads in row groups of <paramref name="rowGroupSize"/> leads.</summary>
    public static async Task WriteAsync(string leadPath, string activityPath, IEnumerable<LeadFacts> leads, int rowGroupSize)
    {
        await using var leadStream = File.Create(leadPath);
        await using var activityStream = File.Create(activityPath);
        await using var leadWriter = await ParquetWriter.CreateAsync(LeadSchema, leadStream, DictionaryText());
        await using var activityWriter = await ParquetWriter.CreateAsync(ActivitySchema, activityStream, DictionaryText());
        foreach (var chunk in leads.Chunk(rowGroupSize))
        {
            using (var group = leadWriter.CreateRowGroup())
            {
                await group.WriteAsync(Id, [.. chunk.Select(l => l.Id)]);
                await group.WriteAsync(Email, [.. chunk.Select(l => l.Email!)]);
                await group.WriteAsync(JobTitle, [.. chunk.Select(l => l.JobTitle!)]);
                await group.WriteAsync(Department, [.. chunk.Select(l => l.Department!)]);
                await group.WriteAsync(Industry, [.. chunk.Select(l => l.Industry!)]);
                await group.WriteAsync<int>(Employees, chunk.Select(l => l.Employees).ToArray().AsMemory());
                await group.WriteAsync(Country, [.. chunk.Select(l => l.Country!)]);
                await group.WriteAsync(LeadSource, [.. chunk.Select(l => l.LeadSource!)]);
                await group.WriteAsync<bool>(Unsubscribed, chunk.Select(l => l.Unsubscribed).ToArray().AsMemory());
                await group.WriteAsync<bool>(HardBounced, chunk.Select(l => l.HardBounced).ToArray().AsMemory());
            }

            var activities = chunk.SelectMany(l => l.Activities.Select(a => (l.Id, a))).ToArray();
            using (var group = activityWriter.CreateRowGroup())
            {
                await group.WriteAsync(LeadId, [.. activities.Select(x => x.Id)]);
                await group.WriteAsync(Type, [.. activities.Select(x => x.a.Type)]);
                await group.WriteAsync<long>(OccurredAtTicks, activities.Select(x => x.a.OccurredAt.UtcTicks).ToArray().AsMemory());
                await group.WriteAsync(Url, [.. activities.Select(x => x.a.Url!)]);
                await group.WriteAsync(JourneyStage, [.. activities.Select(x => x.a.JourneyStage!)]);
            }
        }
    }

    /// <summary>How many leads the two files hold (row groups aligned, as written here), or -1 when either is missing.</summary>
    public static async Task<long> CountAsync(string leadPath, string activityPath)
    {
        if (!File.Exists(leadPath) || !File.Exists(activityPath))
        {
            return -1;
        }

        await using var leads = await ParquetReader.CreateAsync(leadPath);
        await using var activities = await ParquetReader.CreateAsync(activityPath);
        return leads.RowGroupCount == activities.RowGroupCount ? leads.Metadata!.NumRows : -1;
    }

    /// <summary>
    /// Dictionary encoding for every text column but the unique lead ids, as warehouse exports and most Parquet writers
    /// do by default (Parquet.Net writes plain text unless asked); a column too diverse for a dictionary stays plain.
    /// </summary>
    private static ParquetOptions DictionaryText()
    {
        var options = new ParquetOptions();
        foreach (var field in new[] { Email, JobTitle, Department, Industry, Country, LeadSource, LeadId, Type, Url, JourneyStage })
        {
            options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.Dictionary;
        }

        return options;
    }

    /// <summary>
    /// Reads every row group, each as Arrow batches built straight from the decoded column chunks: text as UTF-8
    /// (dictionary arrays where the file's column is dictionary-encoded), numbers and flags copied once.
    /// </summary>
    public static async IAsyncEnumerable<LeadRecordBatches> ReadBatchesAsync(string leadPath, string activityPath)
    {
        await using var leads = await ParquetReader.CreateAsync(leadPath);
        await using var activities = await ParquetReader.CreateAsync(activityPath);
        var columns = new ParquetColumns();
        for (var g = 0; g < leads.RowGroupCount; g++)
        {
            using var leadGroup = leads.OpenRowGroupReader(g);
            using var activityGroup = activities.OpenRowGroupReader(g);
            var n = (int)leadGroup.RowCount;
            var leadBatch = new RecordBatch(
                LeadRecordBatches.LeadSchema,
                [
                    await columns.TextAsync(leadGroup, Bytes.Id, n, preferDictionary: false),
                    await columns.TextAsync(leadGroup, Bytes.Email, n),
                    await columns.TextAsync(leadGroup, Bytes.JobTitle, n),
                    await columns.TextAsync(leadGroup, Bytes.Department, n),
                    await columns.TextAsync(leadGroup, Bytes.Industry, n),
                    await columns.Int32Async(leadGroup, Employees, n),
                    ParquetColumns.Nulls(Revenue, n),
                    await columns.TextAsync(leadGroup, Bytes.Country, n),
                    await columns.TextAsync(leadGroup, Bytes.LeadSource, n),
                    await ParquetColumns.BooleanAsync(leadGroup, Unsubscribed, n),
                    await ParquetColumns.BooleanAsync(leadGroup, HardBounced, n),
                ],
                n);
            var m = (int)activityGroup.RowCount;
            var activityBatch = new RecordBatch(
                LeadRecordBatches.ActivitySchema,
                [
                    await columns.TextAsync(activityGroup, Bytes.LeadId, m),
                    await columns.TextAsync(activityGroup, Bytes.Type, m),
                    await ParquetColumns.TimestampAsync(activityGroup, OccurredAtTicks, m, Timestamp),
                    await columns.TextAsync(activityGroup, Bytes.Url, m),
                    await columns.TextAsync(activityGroup, Bytes.JourneyStage, m),
                ],
                m);
            yield return new LeadRecordBatches { Leads = leadBatch, Activities = activityBatch };
        }
    }

    /// <summary>Reads every row group, each as lead objects with their activities (the row path's input).</summary>
    public static async IAsyncEnumerable<LeadFacts[]> ReadLeadsAsync(string leadPath, string activityPath)
    {
        await using var leads = await ParquetReader.CreateAsync(leadPath);
        await using var activities = await ParquetReader.CreateAsync(activityPath);
        var columns = new ParquetColumns();
        for (var g = 0; g < leads.RowGroupCount; g++)
        {
            using var leadGroup = leads.OpenRowGroupReader(g);
            using var activityGroup = activities.OpenRowGroupReader(g);
            var n = (int)leadGroup.RowCount;
            var m = (int)activityGroup.RowCount;
            var ids = await columns.StringsAsync(leadGroup, Id, n);
            var leadIds = await columns.StringsAsync(activityGroup, LeadId, m);
            var types = await columns.StringsAsync(activityGroup, Type, m);
            var urls = await columns.StringsAsync(activityGroup, Url, m);
            var stages = await columns.StringsAsync(activityGroup, JourneyStage, m);
            var ticks = new long[m];
            await activityGroup.ReadAsync<long>(OccurredAtTicks, ticks.AsMemory());
            var byLead = new Dictionary<string, List<LeadActivity>>(n, StringComparer.Ordinal);
            for (var i = 0; i < m; i++)
            {
                if (!byLead.TryGetValue(leadIds[i]!, out var list))
                {
                    byLead[leadIds[i]!] = list = [];
                }

                list.Add(new LeadActivity { Type = types[i]!, OccurredAt = new DateTimeOffset(ticks[i], TimeSpan.Zero), Url = urls[i], JourneyStage = stages[i] });
            }

            var email = await columns.StringsAsync(leadGroup, Email, n);
            var title = await columns.StringsAsync(leadGroup, JobTitle, n);
            var department = await columns.StringsAsync(leadGroup, Department, n);
            var industry = await columns.StringsAsync(leadGroup, Industry, n);
            var employees = await Values(leadGroup, Employees, n);
            var country = await columns.StringsAsync(leadGroup, Country, n);
            var source = await columns.StringsAsync(leadGroup, LeadSource, n);
            var unsubscribed = await Flags(leadGroup, Unsubscribed, n);
            var bounced = await Flags(leadGroup, HardBounced, n);
            var group = new LeadFacts[n];
            for (var i = 0; i < n; i++)
            {
                group[i] = new LeadFacts
                {
                    Id = ids[i]!,
                    Email = email[i],
                    JobTitle = title[i],
                    Department = department[i],
                    Industry = industry[i],
                    Employees = employees[i],
                    Country = country[i],
                    LeadSource = source[i],
                    Unsubscribed = unsubscribed[i],
                    HardBounced = bounced[i],
                    Activities = byLead.TryGetValue(ids[i]!, out var list) ? list : [],
                };
            }

            yield return group;
        }
    }

    private static async Task<int?[]> Values(ParquetRowGroupReader group, DataField<int?> field, int n)
    {
        var values = new int?[n];
        await group.ReadAsync<int>(field, values.AsMemory());
        return values;
    }

    private static async Task<bool[]> Flags(ParquetRowGroupReader group, DataField<bool> field, int n)
    {
        var values = new bool[n];
        await group.ReadAsync<bool>(field, values.AsMemory());
        return values;
    }

    /// <summary>The text columns as bytes: the same columns of the same files, decoded to UTF-8 bytes instead of strings.</summary>
    private static class Bytes
    {
        public static readonly DataField<byte[]> Id = new("Id", false);
        public static readonly DataField<byte[]> Email = new("Email", true);
        public static readonly DataField<byte[]> JobTitle = new("JobTitle", true);
        public static readonly DataField<byte[]> Department = new("Department", true);
        public static readonly DataField<byte[]> Industry = new("Industry", true);
        public static readonly DataField<byte[]> Country = new("Country", true);
        public static readonly DataField<byte[]> LeadSource = new("LeadSource", true);
        public static readonly DataField<byte[]> LeadId = new("LeadId", false);
        public static readonly DataField<byte[]> Type = new("Type", false);
        public static readonly DataField<byte[]> Url = new("Url", true);
        public static readonly DataField<byte[]> JourneyStage = new("JourneyStage", true);

        // Attaching the fields to schemas gives them their paths and definition levels.
        public static readonly ParquetSchema LeadBytes = new(Id, Email, JobTitle, Department, Industry, Country, LeadSource);
        public static readonly ParquetSchema ActivityBytes = new(LeadId, Type, Url, JourneyStage);
    }
}
