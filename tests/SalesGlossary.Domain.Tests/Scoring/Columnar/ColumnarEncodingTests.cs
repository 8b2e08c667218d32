using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SalesGlossary.Domain.Arrow;

namespace SalesGlossary.Domain.Tests.Scoring.Columnar;

/// <summary>Encoding Arrow batches into resident columns keeps every lead and activity exactly as the row path reads them.</summary>
public class ColumnarEncodingTests
{
    /// <summary>How the activity rows are laid out in their batch.</summary>
    public enum Layout
    {
        GroupedOldestFirst,
        GroupedNewestFirst,
        Shuffled,
    }

    [Property(MaxTest = 60)]
    public Property AnyLeadOrderAndActivityLayout_EncodesEachLeadAsTheRowPathSeesIt() =>
        Prop.ForAll(
            Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Generators.Leads(), n)).ToArbitrary(),
            Gen.Elements(Layout.GroupedOldestFirst, Layout.GroupedNewestFirst, Layout.Shuffled).ToArbitrary(),
            Gen.Choose(0, 1000).ToArbitrary(),
            (generated, layout, seed) =>
            {
                var ascendingIds = seed % 2 == 0;
                var random = new Random(seed);
                var leads = generated
                    .Select((l, i) => l with { Id = ascendingIds ? "L-" + i.ToString("D4", CultureInfo.InvariantCulture) : "L-" + random.Next(1000) + "-" + i })
                    .ToArray();
                var rows = Arrange(leads, layout, random);
                var expected = leads.Select(l => l with { Activities = [.. rows.Where(r => r.LeadId == l.Id).Select(r => r.Activity)] }).ToArray();
                var batches = LeadRecordBatches.From(leads);
                var encoded = ColumnarLeads.FromArrow(batches.Leads, ActivitiesOf(rows, TimeUnit.Nanosecond, "UTC"));
                AssertEncodes(expected, encoded);
            });

    [Property(MaxTest = 40)]
    public Property HistoriesOfAnyLength_WithTies_RunNewestFirstWithTiesInBatchOrder() =>
        Prop.ForAll(
            Gen.Choose(1, 6).ToArbitrary(),
            Gen.Elements(Layout.GroupedOldestFirst, Layout.GroupedNewestFirst, Layout.Shuffled).ToArbitrary(),
            Gen.Choose(0, 10_000).ToArbitrary(),
            (leadCount, layout, seed) =>
            {
                // Histories from empty to far past the insertion and checked-order lengths, on few instants (many ties).
                var random = new Random(seed);
                var leads = Enumerable.Range(0, leadCount).Select(i => new LeadFacts
                {
                    Id = "L-" + i.ToString("D2", CultureInfo.InvariantCulture),
                    Activities = [.. Enumerable.Range(0, random.Next(0, 80)).Select(k => new LeadActivity
                    {
                        Type = "T" + k.ToString(CultureInfo.InvariantCulture),
                        OccurredAt = Generators.ScoringNow.AddMinutes(-random.Next(0, 12)),
                    })],
                }).ToArray();
                var rows = Arrange(leads, layout, random);
                var expected = leads.Select(l => l with { Activities = [.. rows.Where(r => r.LeadId == l.Id).Select(r => r.Activity)] }).ToArray();
                AssertEncodes(expected, ColumnarLeads.FromArrow(LeadRecordBatches.From(leads).Leads, ActivitiesOf(rows, TimeUnit.Nanosecond, "UTC")));
            });

    [Theory]
    [InlineData(TimeUnit.Second, null)]
    [InlineData(TimeUnit.Second, "UTC")]
    [InlineData(TimeUnit.Millisecond, null)]
    [InlineData(TimeUnit.Millisecond, "+02:00")]
    [InlineData(TimeUnit.Microsecond, null)]
    [InlineData(TimeUnit.Microsecond, "America/New_York")]
    [InlineData(TimeUnit.Nanosecond, null)]
    [InlineData(TimeUnit.Nanosecond, "-05:30")]
    public void EveryTimestampUnitAndZone_GivesTheReadersInstant_BeforeAndAfter1970(TimeUnit unit, string? zone)
    {
        var random = new Random((int)unit * 31 + (zone?.Length ?? 0));
        var limit = unit switch
        {
            TimeUnit.Second => 60_000_000_000L,
            TimeUnit.Millisecond => 60_000_000_000_000L,
            TimeUnit.Microsecond => 60_000_000_000_000_000L,
            _ => long.MaxValue,
        };
        long[] edges = [0, 1, -1, 99, -99, 100, -100, 101, -101, limit - 1, -limit + 1];
        var values = edges.Concat(Enumerable.Range(0, 300).Select(_ => random.NextInt64(-limit + 1, limit))).ToArray();
        var type = new TimestampType(unit, zone);
        var builder = new TimestampArray.Builder(type);
        var ids = new StringArray.Builder();
        var types = new StringArray.Builder();
        foreach (var value in values)
        {
            ids.Append("L-" + (value & 3).ToString(CultureInfo.InvariantCulture));
            types.Append("EmailOpen");
        }

        // The raw long values, written through the unit-free builder of the same array type.
        var raw = new Int64Array.Builder().AppendRange(values).Build();
        var at = new TimestampArray(type, raw.ValueBuffer, ArrowBuffer.Empty, values.Length, 0, 0);
        var full = new RecordBatch(Schema(type), [ids.Build(), types.Build(), at], values.Length);
        var leadBatch = LeadIds(["L-0", "L-1", "L-2", "L-3"]);

        foreach (var (from, length) in new[] { (0, values.Length), (7, values.Length - 20) })
        {
            var batch = Slice(full, from, length);
            var activities = ColumnarLeads.FromArrow(leadBatch, batch).Activities!;
            var slicedAt = (TimestampArray)batch.Column("OccurredAt");
            for (var index = 0; index < activities.Count; index++)
            {
                Assert.Equal(slicedAt.GetTimestamp(activities.Row[index])!.Value.UtcTicks, activities.Ticks[index]);
            }
        }
    }

    [Fact]
    public void ATimestampOutsideTheCalendar_IsRefusedAsTheReaderRefusesIt()
    {
        var type = new TimestampType(TimeUnit.Second, (string?)null);
        var raw = new Int64Array.Builder().Append(300_000_000_000L).Build();
        var at = new TimestampArray(type, raw.ValueBuffer, ArrowBuffer.Empty, 1, 0, 0);
        var batch = new RecordBatch(Schema(type), [new StringArray.Builder().Append("L-0").Build(), new StringArray.Builder().Append("EmailOpen").Build(), at], 1);
        var expected = Record.Exception(() => at.GetTimestamp(0));
        var actual = Record.Exception(() => ColumnarLeads.FromArrow(LeadIds(["L-0"]), batch));
        Assert.NotNull(expected);
        Assert.Equal(expected.GetType(), actual?.GetType());
    }

    [Fact]
    public void DuplicateLeadIds_AreRefused_WhereverTheyStandAndWhicheverActivitiesJoin()
    {
        var activities = ActivitiesOf([("L-1", new LeadActivity { Type = "EmailOpen", OccurredAt = Generators.ScoringNow })], TimeUnit.Nanosecond, "UTC");
        foreach (var (ids, first, second) in new[] { (new[] { "L-1", "L-2", "L-1" }, 0, 2), (["L-0", "L-2", "L-3", "L-2"], 1, 3), (["L-1", "L-1"], 0, 1) })
        {
            var error = Assert.Throws<ArgumentException>(() => ColumnarLeads.FromArrow(LeadIds(ids), activities));
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Lead id '{ids[second]}' appears at rows {first} and {second} of the lead batch"), error.Message, StringComparison.Ordinal);
        }

        // Ascending ids need no table until an activity misses the merge; a stranger is still refused.
        var stranger = ActivitiesOf([("L-1", new LeadActivity { Type = "EmailOpen", OccurredAt = Generators.ScoringNow }), ("L-9", new LeadActivity { Type = "EmailOpen", OccurredAt = Generators.ScoringNow })], TimeUnit.Nanosecond, null);
        Assert.Contains("Activity row 1 has LeadId 'L-9', which is no Id of the lead batch.", Assert.Throws<ArgumentException>(() => ColumnarLeads.FromArrow(LeadIds(["L-0", "L-1", "L-2"]), stranger)).Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 30)]
    public Property SlicedBatches_AndDictionaryTextWithAnyIndexWidth_EncodeTheSlicedRows() =>
        Prop.ForAll(
            Gen.Choose(3, 30).SelectMany(n => Gen.ArrayOf(Generators.Leads(), n)).ToArbitrary(),
            Gen.Choose(0, 1000).ToArbitrary(),
            (generated, seed) =>
            {
                var random = new Random(seed);
                var leads = generated.Select((l, i) => l with { Id = "L-" + i.ToString("D3", CultureInfo.InvariantCulture) }).ToArray();
                var batches = LeadRecordBatches.From(leads);
                var from = random.Next(leads.Length / 2);
                var length = random.Next(1, leads.Length - from + 1);
                var kept = leads[from..(from + length)];

                // Dictionary-encoded texts over the full rows, then the lead batch sliced.
                var leadBatch = Slice(WithDictionaryTexts(batches.Leads, random), from, length);
                var rows = kept.SelectMany(l => l.Activities.Select(a => (l.Id, a))).ToList();
                var padding = leads.Take(from).SelectMany(l => l.Activities.Select(a => (l.Id, a))).ToList();
                var activityBatch = Slice(ActivitiesOf([.. padding, .. rows], TimeUnit.Microsecond, null), padding.Count, rows.Count);
                var micro = kept.Select(l => l with { Activities = [.. l.Activities.Select(a => a with { OccurredAt = new DateTimeOffset(a.OccurredAt.UtcTicks / 10 * 10, TimeSpan.Zero) })] }).ToArray();
                AssertEncodes(micro, ColumnarLeads.FromArrow(leadBatch, activityBatch));
            });

    [Property(MaxTest = 200)]
    public Property Decimals_AreReadExactly_OrRefusedAsTheReaderRefusesThem() =>
        Prop.ForAll(
            Gen.Choose(0, 38).ToArbitrary(),
            Gen.Choose(int.MinValue, int.MaxValue).ToArbitrary(),
            Gen.Choose(0, 4).ToArbitrary(),
            (scale, seed, digitsKind) =>
            {
                var random = new Random(seed);
                var type = new Decimal128Type(38, scale);
                var values = new List<System.Data.SqlTypes.SqlDecimal>();
                var builder = new Decimal128Array.Builder(type);
                var count = random.Next(1, 8);
                for (var i = 0; i < count; i++)
                {
                    var digits = digitsKind switch
                    {
                        0 => random.Next(1, 10),
                        1 => random.Next(10, 29),
                        2 => 29,
                        3 => random.Next(29, 39),
                        _ => random.Next(1, 39),
                    };
                    var text = (random.Next(2) == 0 ? "-" : string.Empty) + string.Concat(Enumerable.Range(0, digits).Select(d => (char)('0' + (d == 0 ? random.Next(1, 10) : random.Next(10)))));
                    var unscaled = System.Numerics.BigInteger.Parse(text, CultureInfo.InvariantCulture);
                    if (random.Next(5) == 0)
                    {
                        builder.AppendNull();
                    }
                    else
                    {
                        AppendUnscaled(builder, unscaled);
                    }
                }

                var array = builder.Build();
                var batch = new RecordBatch(
                    new Schema([new Field("Id", StringType.Default, false), new Field("AnnualRevenue", type, true)], null),
                    [new StringArray.Builder().AppendRange(Enumerable.Range(0, count).Select(i => "L-" + i)).Build(), array],
                    count);
                var expected = Record.Exception(() => Enumerable.Range(0, count).Select(i => array.GetValue(i)).ToArray());
                var actual = Record.Exception(() => ColumnarLeads.FromArrow(batch));
                if (expected is not null)
                {
                    return actual is not null && actual.GetType() == expected.GetType();
                }

                var revenue = ColumnarLeads.FromArrow(batch).Revenue!;
                return Enumerable.Range(0, count).All(i => array.GetValue(i) is { } v
                    ? !revenue.IsNull[i] && revenue.Values[i] == v && revenue.Values[i].Scale == v.Scale
                    : revenue.IsNull[i]);
            });

    private static void AppendUnscaled(Decimal128Array.Builder builder, System.Numerics.BigInteger unscaled)
    {
        Span<byte> bytes = stackalloc byte[16];
        bytes.Fill(unscaled.Sign < 0 ? (byte)0xFF : (byte)0);
        unscaled.TryWriteBytes(bytes, out _, isUnsigned: false, isBigEndian: false);
        builder.Append(bytes);
    }

    private static List<(string LeadId, LeadActivity Activity)> Arrange(LeadFacts[] leads, Layout layout, Random random)
    {
        var rows = leads.SelectMany(l => l.Activities.Select(a => (l.Id, a))).ToList();
        return layout switch
        {
            Layout.GroupedOldestFirst => [.. rows.GroupBy(r => r.Id).SelectMany(g => g.OrderBy(r => r.a.OccurredAt))],
            Layout.GroupedNewestFirst => [.. rows.GroupBy(r => r.Id).SelectMany(g => g.OrderByDescending(r => r.a.OccurredAt))],
            _ => [.. rows.OrderBy(_ => random.Next())],
        };
    }

    /// <summary>Each encoded lead materializes as expected, and each lead's sorted activities run newest first, ties in batch order.</summary>
    private static void AssertEncodes(LeadFacts[] expected, ColumnarLeads encoded)
    {
        Assert.Equal(expected.Length, encoded.Count);
        for (var row = 0; row < expected.Length; row++)
        {
            Assert.Equal(Describe(expected[row]), Describe(encoded.Materialize(row)));
        }

        var activities = encoded.Activities!;
        for (var lead = 0; lead < expected.Length; lead++)
        {
            for (var index = activities.Start[lead] + 1; index < activities.Start[lead + 1]; index++)
            {
                var newer = activities.Ticks[index - 1];
                var older = activities.Ticks[index];
                Assert.True(newer > older || (newer == older && activities.Row[index - 1] < activities.Row[index]));
            }
        }
    }

    private static string Describe(LeadFacts lead) => string.Join(
        "|",
        new object?[] { lead.Id, lead.Email, lead.JobTitle, lead.Department, lead.Industry, lead.Employees, lead.AnnualRevenue?.ToString("G29", CultureInfo.InvariantCulture), lead.Country, lead.LeadSource, lead.Unsubscribed, lead.HardBounced }
            .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))
            .Concat(lead.Activities.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Type};{a.OccurredAt.UtcTicks};{a.Url};{a.JourneyStage}"))));

    private static Schema Schema(TimestampType type) => new(
        [new Field("LeadId", StringType.Default, false), new Field("Type", StringType.Default, false), new Field("OccurredAt", type, false)],
        null);

    private static RecordBatch LeadIds(string[] ids) =>
        new(new Schema([new Field("Id", StringType.Default, false)], null), [new StringArray.Builder().AppendRange(ids).Build()], ids.Length);

    private static RecordBatch Slice(RecordBatch batch, int offset, int length) =>
        new(batch.Schema, [.. Enumerable.Range(0, batch.ColumnCount).Select(c => ArrowArrayFactory.Slice(batch.Column(c), offset, length))], length);

    private static RecordBatch WithDictionaryTexts(RecordBatch leads, Random random)
    {
        var fields = new List<Field>();
        var columns = new List<IArrowArray>();
        for (var c = 0; c < leads.ColumnCount; c++)
        {
            var field = leads.Schema.GetFieldByIndex(c);
            if (field.Name is "Id" || leads.Column(c) is not StringArray texts || random.Next(2) == 0)
            {
                fields.Add(field);
                columns.Add(leads.Column(c));
                continue;
            }

            var distinct = Enumerable.Range(0, texts.Length).Select(i => texts.GetString(i)).Where(t => t is not null).Distinct().ToList();
            var (indexType, indices) = random.Next(3) switch
            {
                0 => ((IArrowType)UInt8Type.Default, (IArrowArray)Indices(new UInt8Array.Builder(), texts, distinct, i => (byte)i)),
                1 => (Int16Type.Default, Indices(new Int16Array.Builder(), texts, distinct, i => (short)i)),
                _ => (Int64Type.Default, Indices(new Int64Array.Builder(), texts, distinct, i => (long)i)),
            };
            var type = new DictionaryType(indexType, StringType.Default, false);
            fields.Add(new Field(field.Name, type, true));
            columns.Add(new DictionaryArray(type, indices, new StringArray.Builder().AppendRange(distinct).Build()));
        }

        return new RecordBatch(new Schema(fields, null), columns, leads.Length);
    }

    private static IArrowArray Indices<T, TArray, TBuilder>(PrimitiveArrayBuilder<T, TArray, TBuilder> builder, StringArray texts, List<string> distinct, Func<int, T> index)
        where T : struct, IEquatable<T>
        where TArray : IArrowArray
        where TBuilder : class, IArrowArrayBuilder<TArray>
    {
        for (var i = 0; i < texts.Length; i++)
        {
            if (texts.IsNull(i))
            {
                builder.AppendNull();
            }
            else
            {
                builder.Append(index(distinct.IndexOf(texts.GetString(i))));
            }
        }

        return builder.Build();
    }

    private static RecordBatch ActivitiesOf(IReadOnlyList<(string LeadId, LeadActivity Activity)> rows, TimeUnit unit, string? zone)
    {
        var leadId = new StringArray.Builder();
        var type = new StringArray.Builder();
        var at = new TimestampArray.Builder(new TimestampType(unit, zone));
        var url = new StringArray.Builder();
        var stage = new StringArray.Builder();
        foreach (var (id, a) in rows)
        {
            leadId.Append(id);
            type.Append(a.Type);
            at.Append(a.OccurredAt);
            url.Append(a.Url);
            stage.Append(a.JourneyStage);
        }

        var schema = new Schema(
            [.. LeadRecordBatches.ActivitySchema.FieldsList.Select(f => f.Name == "OccurredAt" ? new Field("OccurredAt", new TimestampType(unit, zone), false) : f)],
            null);
        return new RecordBatch(schema, [leadId.Build(), type.Build(), at.Build(), url.Build(), stage.Build()], rows.Count);
    }
}
