using System.Globalization;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SalesGlossary.Domain.Arrow;

namespace SalesGlossary.Domain.Tests.Scoring.Columnar;

/// <summary>
/// Text given as Arrow dictionary arrays (as Parquet readers deliver it), lead ids included, encodes and scores exactly
/// as the same text given as plain strings: whatever the index width, the order of the dictionary, entries no row uses,
/// duplicate or null entries, slicing, and a dictionary that differs from one batch to the next.
/// </summary>
public class ColumnarDictionaryInputTests
{
    private static readonly DateTimeOffset AsOf = Generators.ScoringNow;

    [Property(MaxTest = 60)]
    public Property EveryTextColumnAsADictionary_EncodesAndScoresAsPlainText() =>
        Prop.ForAll(
            Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(Generators.Leads(), n)).ToArbitrary(),
            Gen.Choose(0, 10_000).ToArbitrary(),
            (generated, seed) =>
            {
                var random = new Random(seed);
                var leads = generated.Select((l, i) => l with { Id = "L-" + i.ToString("D3", CultureInfo.InvariantCulture) }).ToArray();
                var plain = LeadRecordBatches.From(leads);
                var leadBatch = AsDictionaries(plain.Leads, random, except: "Id");
                var activityBatch = AsDictionaries(plain.Activities, random, except: null);

                // Sliced part of the way in: the encoder must honour each array's offset, the indices' included.
                var from = random.Next(leads.Length);
                var length = random.Next(1, leads.Length - from + 1);
                var kept = leads[from..(from + length)];
                var before = leads.Take(from).Sum(l => l.Activities.Count);
                var activities = kept.Sum(l => l.Activities.Count);
                var expected = ColumnarLeads.FromArrow(Slice(plain.Leads, from, length), Slice(plain.Activities, before, activities));
                var actual = ColumnarLeads.FromArrow(Slice(leadBatch, from, length), Slice(activityBatch, before, activities));

                Assert.Equal(Enumerable.Range(0, length).Select(r => Describe(expected.Materialize(r))), Enumerable.Range(0, length).Select(r => Describe(actual.Materialize(r))));
                var model = LeadScoringModel.LoadSample();
                var totals = new decimal[length];
                ColumnarScoringModel.Create(model).ScoreTotals(actual, AsOf, totals);
                Assert.Equal(kept.Select(l => model.Score(l, AsOf).Total), totals);
            });

    [Fact]
    public void ADictionaryThatDiffersBetweenBatches_GivesEachBatchTheRowPathTotals()
    {
        var model = LeadScoringModel.LoadSample();
        var columnar = ColumnarScoringModel.Create(model);
        var leads = Gen.ArrayOf(Generators.Leads(), 200).Sample(1, 5).Single().Select((l, i) => l with { Id = "L-" + i.ToString("D3", CultureInfo.InvariantCulture) }).ToArray();
        for (var part = 0; part < 2; part++)
        {
            var batchLeads = leads[(part * 100)..((part + 1) * 100)];
            var plain = LeadRecordBatches.From(batchLeads);

            // The first batch's dictionaries in first-seen order, the second's reversed with unused entries in front.
            var random = new Random(part);
            var leadBatch = AsDictionaries(plain.Leads, random, except: "Id", reversed: part == 1);
            var activityBatch = AsDictionaries(plain.Activities, random, except: null, reversed: part == 1);
            var totals = new decimal[batchLeads.Length];
            columnar.ScoreTotals(ColumnarLeads.FromArrow(leadBatch, activityBatch), AsOf, totals);
            Assert.Equal(batchLeads.Select(l => model.Score(l, AsOf).Total), totals);
        }
    }

    [Fact]
    public void ADictionaryOfLeadIds_RefusesANullAStrangerAndAnIndexOutsideIt_NamingTheRow()
    {
        var leadBatch = Ids("L-0", "L-1");
        var entries = new StringArray.Builder().Append("L-1").AppendNull().Append("L-9").Append("L-0").Build();

        // Entries no row uses may be null or strangers.
        var fine = ActivityBatch(Indices(0, 3, 0), entries);
        Assert.Equal([0, 1, 3], ColumnarLeads.FromArrow(leadBatch, fine).Activities!.Start);

        Assert.Contains("Column 'LeadId' has a null at row 1; it must hold a value in every row.", Refusal(leadBatch, ActivityBatch(Indices(0, 1), entries)), StringComparison.Ordinal);
        Assert.Contains("Column 'LeadId' has a null at row 2; it must hold a value in every row.", Refusal(leadBatch, ActivityBatch(Indices(0, 3, null), entries)), StringComparison.Ordinal);
        Assert.Contains("Activity row 1 has LeadId 'L-9', which is no Id of the lead batch.", Refusal(leadBatch, ActivityBatch(Indices(3, 2, 0), entries)), StringComparison.Ordinal);
        Assert.Contains("Column 'LeadId' has dictionary index 4 at row 2; its dictionary has 4 entries.", Refusal(leadBatch, ActivityBatch(Indices(0, 3, 4), entries)), StringComparison.Ordinal);

        var negative = new DictionaryArray(new DictionaryType(Int8Type.Default, StringType.Default, false), new Int8Array.Builder().Append(0).Append(-1).Build(), entries);
        Assert.Contains("Column 'LeadId' has dictionary index -1 at row 1; its dictionary has 4 entries.", Refusal(leadBatch, ActivityBatch(negative)), StringComparison.Ordinal);
    }

    [Fact]
    public void ADictionaryOfActivityTypes_RefusesANullEntryInUse_ButNotOneUnused()
    {
        var leadBatch = Ids("L-0");
        var leadIds = new StringArray.Builder().Append("L-0").Append("L-0").Build();
        var types = new StringArray.Builder().Append("EmailOpen").AppendNull().Build();
        var fine = ActivityBatch(leadIds, new DictionaryArray(Int32Dictionary, Indices(0, 0), types));
        Assert.Equal(2, ColumnarLeads.FromArrow(leadBatch, fine).ActivityCount);

        var used = ActivityBatch(leadIds, new DictionaryArray(Int32Dictionary, Indices(0, 1), types));
        Assert.Contains("Column 'Type' has a null at row 1", Refusal(leadBatch, used), StringComparison.Ordinal);
    }

    [Property(MaxTest = 100)]
    public Property TheTextEncoder_GivesEqualBytesOneCode_AndDifferentBytesDifferentCodes() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(0, 20).SelectMany(n => Gen.ArrayOf(Gen.Elements('a', 'b', '\0', 'é'), n)).Select(c => new string(c))).ToArbitrary(),
            texts =>
            {
                var encoder = new TextEncoder();
                var codes = texts.Select(t => encoder.Code(Encoding.UTF8.GetBytes(t))).ToArray();
                var distinct = texts.Distinct(StringComparer.Ordinal).ToArray();
                Assert.Equal(distinct, encoder.Values());
                for (var i = 0; i < texts.Length; i++)
                {
                    Assert.Equal(System.Array.IndexOf(distinct, texts[i]), codes[i]);
                }
            });

    private static readonly DictionaryType Int32Dictionary = new(Int32Type.Default, StringType.Default, false);

    private static string Refusal(RecordBatch leads, RecordBatch activities) =>
        Assert.Throws<ArgumentException>(() => ColumnarLeads.FromArrow(leads, activities)).Message;

    private static RecordBatch Ids(params string[] ids) =>
        new(new Schema([new Field("Id", StringType.Default, false)], null), [new StringArray.Builder().AppendRange(ids).Build()], ids.Length);

    private static Int32Array Indices(params int?[] indices)
    {
        var builder = new Int32Array.Builder();
        foreach (var index in indices)
        {
            builder.Append(index);
        }

        return builder.Build();
    }

    private static RecordBatch ActivityBatch(Int32Array indices, StringArray entries) => ActivityBatch(new DictionaryArray(Int32Dictionary, indices, entries));

    private static RecordBatch ActivityBatch(IArrowArray leadIds) =>
        ActivityBatch(leadIds, new StringArray.Builder().AppendRange(Enumerable.Repeat("EmailOpen", leadIds.Length)).Build());

    private static RecordBatch ActivityBatch(IArrowArray leadIds, IArrowArray types)
    {
        var at = new TimestampArray.Builder(new TimestampType(TimeUnit.Nanosecond, "UTC"));
        for (var i = 0; i < leadIds.Length; i++)
        {
            at.Append(AsOf.AddMinutes(-i));
        }

        return new RecordBatch(
            new Schema([new Field("LeadId", leadIds.Data.DataType, false), new Field("Type", types.Data.DataType, false), new Field("OccurredAt", new TimestampType(TimeUnit.Nanosecond, "UTC"), false)], null),
            [leadIds, types, at.Build()],
            leadIds.Length);
    }

    /// <summary>
    /// Every text column but <paramref name="except"/> as a dictionary array: a random index width wide enough, the
    /// distinct texts in first-seen (or reversed) order with unused, duplicate and null entries mixed in.
    /// </summary>
    private static RecordBatch AsDictionaries(RecordBatch batch, Random random, string? except, bool reversed = false)
    {
        var fields = new List<Field>();
        var columns = new List<IArrowArray>();
        for (var c = 0; c < batch.ColumnCount; c++)
        {
            var field = batch.Schema.GetFieldByIndex(c);
            if (field.Name == except || batch.Column(c) is not StringArray texts)
            {
                fields.Add(field);
                columns.Add(batch.Column(c));
                continue;
            }

            var distinct = Enumerable.Range(0, texts.Length).Select(i => texts.GetString(i)).Where(t => t is not null).Distinct(StringComparer.Ordinal).ToList();
            if (reversed)
            {
                distinct.Reverse();
            }

            // Unused entries: a null, a stranger, and a duplicate of a used text (rows use its first copy).
            var entries = new List<string?>(distinct);
            var unused = new List<string?> { null, "never-used-" + random.Next(1000).ToString(CultureInfo.InvariantCulture) };
            if (distinct.Count > 0)
            {
                unused.Add(distinct[random.Next(distinct.Count)]);
            }

            entries.AddRange(unused);
            if (reversed)
            {
                entries.Reverse();
            }

            var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var e = 0; e < entries.Count; e++)
            {
                if (entries[e] is { } text)
                {
                    indexOf.TryAdd(text, e);
                }
            }

            int? IndexOf(int row) => texts.IsNull(row) ? null : indexOf[texts.GetString(row)];
            var (indexType, indices) = (entries.Count < 128 ? random.Next(4) : 2 + random.Next(2)) switch
            {
                0 => ((IArrowType)Int8Type.Default, (IArrowArray)Build(new Int8Array.Builder(), texts.Length, IndexOf, i => (sbyte)i)),
                1 => (UInt8Type.Default, Build(new UInt8Array.Builder(), texts.Length, IndexOf, i => (byte)i)),
                2 => (Int32Type.Default, Build(new Int32Array.Builder(), texts.Length, IndexOf, i => i)),
                _ => (UInt64Type.Default, Build(new UInt64Array.Builder(), texts.Length, IndexOf, i => (ulong)i)),
            };
            var type = new DictionaryType(indexType, StringType.Default, false);
            var dictionary = new StringArray.Builder();
            foreach (var entry in entries)
            {
                dictionary.Append(entry);
            }

            fields.Add(new Field(field.Name, type, field.IsNullable));
            columns.Add(new DictionaryArray(type, indices, dictionary.Build()));
        }

        return new RecordBatch(new Schema(fields, null), columns, batch.Length);
    }

    private static IArrowArray Build<T, TArray, TBuilder>(PrimitiveArrayBuilder<T, TArray, TBuilder> builder, int rows, Func<int, int?> indexOf, Func<int, T> index)
        where T : struct, IEquatable<T>
        where TArray : IArrowArray
        where TBuilder : class, IArrowArrayBuilder<TArray>
    {
        for (var row = 0; row < rows; row++)
        {
            if (indexOf(row) is { } i)
            {
                builder.Append(index(i));
            }
            else
            {
                builder.AppendNull();
            }
        }

        return builder.Build();
    }

    private static RecordBatch Slice(RecordBatch batch, int offset, int length) =>
        new(batch.Schema, [.. Enumerable.Range(0, batch.ColumnCount).Select(c => ArrowArrayFactory.Slice(batch.Column(c), offset, length))], length);

    private static string Describe(LeadFacts lead) => string.Join(
        "|",
        new object?[] { lead.Id, lead.Email, lead.JobTitle, lead.Department, lead.Industry, lead.Employees, lead.AnnualRevenue, lead.Country, lead.LeadSource, lead.Unsubscribed, lead.HardBounced }
            .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))
            .Concat(lead.Activities.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Type};{a.OccurredAt.UtcTicks};{a.Url};{a.JourneyStage}"))));
}
