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

    /// <summary>Writes leads in row groups of <paramref name="rowGroupSize"/> leads.</summary>
    public static async Task WriteAsync(string leadPath, string activityPath, IEnumerable<LeadFacts> leads, int rowGroupSize)
    {
        await using var leadStream = File.Create(leadPath);
        await using var activityStream = File.Create(activityPath);
        await using var leadWriter = await ParquetWriter.CreateAsync(LeadSchema, leadStream);
        await using var activityWriter = await ParquetWriter.CreateAsync(ActivitySchema, activityStream);
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

    /// <summary>Reads every row group, each as Arrow batches.</summary>
    public static async IAsyncEnumerable<LeadRecordBatches> ReadBatchesAsync(string leadPath, string activityPath)
    {
        await using var leads = await ParquetReader.CreateAsync(leadPath);
        await using var activities = await ParquetReader.CreateAsync(activityPath);
        for (var g = 0; g < leads.RowGroupCount; g++)
        {
            using var leadGroup = leads.OpenRowGroupReader(g);
            using var activityGroup = activities.OpenRowGroupReader(g);
            var n = (int)leadGroup.RowCount;
            var leadBatch = new RecordBatch(
                LeadRecordBatches.LeadSchema,
                [
                    Text(await Strings(leadGroup, Id, n)),
                    Text(await Strings(leadGroup, Email, n)),
                    Text(await Strings(leadGroup, JobTitle, n)),
                    Text(await Strings(leadGroup, Department, n)),
                    Text(await Strings(leadGroup, Industry, n)),
                    Ints(await Values(leadGroup, Employees, n)),
                    NoRevenue(n),
                    Text(await Strings(leadGroup, Country, n)),
                    Text(await Strings(leadGroup, LeadSource, n)),
                    Bools(await Flags(leadGroup, Unsubscribed, n)),
                    Bools(await Flags(leadGroup, HardBounced, n)),
                ],
                n);
            var m = (int)activityGroup.RowCount;
            var ticks = new long[m];
            await activityGroup.ReadAsync<long>(OccurredAtTicks, ticks.AsMemory());
            var at = new TimestampArray.Builder(Timestamp);
            foreach (var t in ticks)
            {
                at.Append(new DateTimeOffset(t, TimeSpan.Zero));
            }

            var activityBatch = new RecordBatch(
                LeadRecordBatches.ActivitySchema,
                [Text(await Strings(activityGroup, LeadId, m)), Text(await Strings(activityGroup, Type, m)), at.Build(), Text(await Strings(activityGroup, Url, m)), Text(await Strings(activityGroup, JourneyStage, m))],
                m);
            yield return new LeadRecordBatches { Leads = leadBatch, Activities = activityBatch };
        }
    }

    /// <summary>Reads every row group, each as lead objects with their activities (the row path's input).</summary>
    public static async IAsyncEnumerable<LeadFacts[]> ReadLeadsAsync(string leadPath, string activityPath)
    {
        await using var leads = await ParquetReader.CreateAsync(leadPath);
        await using var activities = await ParquetReader.CreateAsync(activityPath);
        for (var g = 0; g < leads.RowGroupCount; g++)
        {
            using var leadGroup = leads.OpenRowGroupReader(g);
            using var activityGroup = activities.OpenRowGroupReader(g);
            var n = (int)leadGroup.RowCount;
            var m = (int)activityGroup.RowCount;
            var ids = await Strings(leadGroup, Id, n);
            var leadIds = await Strings(activityGroup, LeadId, m);
            var types = await Strings(activityGroup, Type, m);
            var urls = await Strings(activityGroup, Url, m);
            var stages = await Strings(activityGroup, JourneyStage, m);
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

            var email = await Strings(leadGroup, Email, n);
            var title = await Strings(leadGroup, JobTitle, n);
            var department = await Strings(leadGroup, Department, n);
            var industry = await Strings(leadGroup, Industry, n);
            var employees = await Values(leadGroup, Employees, n);
            var country = await Strings(leadGroup, Country, n);
            var source = await Strings(leadGroup, LeadSource, n);
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

    private static async Task<string?[]> Strings(ParquetRowGroupReader group, DataField field, int n)
    {
        var values = new string?[n];
        await group.ReadAsync(field, values.AsMemory());
        return values;
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

    private static Decimal128Array NoRevenue(int n)
    {
        var builder = new Decimal128Array.Builder(new Decimal128Type(38, 6));
        for (var i = 0; i < n; i++)
        {
            builder.AppendNull();
        }

        return builder.Build();
    }

    private static StringArray Text(string?[] values)
    {
        var builder = new StringArray.Builder();
        foreach (var value in values)
        {
            builder.Append(value);
        }

        return builder.Build();
    }

    private static Int32Array Ints(int?[] values)
    {
        var builder = new Int32Array.Builder();
        foreach (var value in values)
        {
            builder.Append(value);
        }

        return builder.Build();
    }

    private static BooleanArray Bools(bool[] values)
    {
        var builder = new BooleanArray.Builder();
        foreach (var value in values)
        {
            builder.Append(value);
        }

        return builder.Build();
    }
}
