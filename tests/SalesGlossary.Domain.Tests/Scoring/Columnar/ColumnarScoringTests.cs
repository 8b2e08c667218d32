using System.Text.Json;
using Apache.Arrow;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SalesGlossary.Domain.Arrow;

namespace SalesGlossary.Domain.Tests.Scoring.Columnar;

/// <summary>The columnar path gives exactly the totals and completeness of the row path, for any model and any leads.</summary>
public class ColumnarScoringTests
{
    private static readonly DateTimeOffset AsOf = Generators.ScoringNow;

    /// <summary>Lead rules: vectorizable shapes (one text, boolean or numeric column), failing ones, and ones that need the row path.</summary>
    private static readonly string[] LeadExpressions =
    [
        "lead.Industry == \"Software\"",
        "lead.Industry != \"Retail\"",
        "lead.JobTitle != null && (lead.JobTitle.Contains(\"VP\") || lead.JobTitle.StartsWith(\"Chief\"))",
        "lead.JobTitle.Contains(\"Head\")",
        "lead.Email.EndsWith(\"@gmail.com\")",
        "lead.Email != null && lead.Email.ToLower().EndsWith(\".de\")",
        "lead.Employees >= 200 && lead.Employees <= 2000",
        "lead.Employees > 2000",
        "lead.Employees < 20",
        "lead.Employees == null",
        "lead.Employees != 450",
        "!(lead.Employees >= 100) || lead.Employees == 4999",
        "lead.Employees >= -5 && lead.Employees != 2147483647",
        "lead.Employees.Value > 10",
        "lead.AnnualRevenue >= 1000000",
        "lead.AnnualRevenue < 5000.5 || lead.AnnualRevenue == 7000000",
        "lead.Unsubscribed",
        "!lead.HardBounced",
        "new[] { \"DE\", \"AT\", \"CH\" }.Contains(lead.Country)",
        "lead.Country.CompareTo(\"M\") < 0",
        "lead.Department == \"IT\" || lead.LeadSource == \"Referral\"",
        "lead.Employees > 100 && lead.Country == \"DE\"",
        "lead.Activities.Count() > 3",
        "lead.Activities.Count(a => a.Type == \"EmailOpen\") >= 2",
        "true",
        "1 == 2",
    ];

    /// <summary>Activity rules: tables over the activity's texts, failing ones, and ones that read the lead or the instant.</summary>
    private static readonly string[] ActivityExpressions =
    [
        "activity.Type == \"EmailOpen\"",
        "activity.Type == \"PageView\"",
        "activity.Type == \"PageView\" && activity.Url != null && activity.Url.Contains(\"/pricing\")",
        "activity.Url.Contains(\"/careers\")",
        "activity.JourneyStage == \"Decision\"",
        "activity.Type == \"DemoRequest\" || activity.Type == \"FormSubmission\"",
        "lead.Employees > 100 && activity.Type == \"PageView\"",
        "activity.OccurredAt.Hour >= 12",
    ];

    private static readonly string[] ActivityProperties =
    [
        "",
        ",\"windowDays\":30",
        ",\"windowDays\":0.5,\"maxPerDay\":2",
        ",\"maxPerDay\":1",
        ",\"decay\":{\"percent\":50,\"everyDays\":30}",
        ",\"decay\":{\"percent\":0.5,\"everyDays\":3},\"maxPerDay\":3",
        ",\"windowDays\":90,\"decay\":{\"percent\":25,\"everyDays\":7}",
    ];

    public static Gen<string> Models() =>
        from leadRules in Gen.ListOf(Gen.Choose(0, LeadExpressions.Length - 1).SelectMany(e => Gen.Choose(-50, 50).Select(p => (e, p))))
        from nested in Gen.Elements(0, 1, 2)
        from activityRules in Gen.ListOf(
            from e in Gen.Choose(0, ActivityExpressions.Length - 1)
            from p in Gen.Choose(-20, 40)
            from cents in Gen.Elements(0, 25, 5)
            from props in Gen.Choose(0, ActivityProperties.Length - 1)
            select (e, p, cents, props))
        from fitCap in Gen.Elements("", "\"fit\":60")
        from engagementCap in Gen.Elements("", "\"engagement\":45.5")
        from totalCap in Gen.Elements("", "\"TotalCap\":80,")
        select ModelJson(leadRules, nested, activityRules, fitCap, engagementCap, totalCap);

    private static string ModelJson(
        IEnumerable<(int Expression, int Points)> leadRules,
        int nested,
        IEnumerable<(int Expression, int Points, int Cents, int Properties)> activityRules,
        string fitCap,
        string engagementCap,
        string totalCap)
    {
        var rules = new List<string>();
        var n = 0;
        foreach (var (e, p) in leadRules)
        {
            rules.Add($"{{\"RuleName\":\"L{n++}\",\"Expression\":{JsonSerializer.Serialize(LeadExpressions[e])},\"Properties\":{{\"points\":{p},\"group\":\"{(n % 3 == 0 ? "engagement" : "fit")}\",\"scope\":\"lead\"}}}}");
        }

        if (nested > 0)
        {
            var op = nested == 1 ? "Or" : "And";
            rules.Add($"{{\"RuleName\":\"N{n++}\",\"Operator\":\"{op}\",\"Rules\":[{{\"RuleName\":\"N.a\",\"Expression\":\"lead.JobTitle.Contains(\\\"VP\\\")\"}},{{\"RuleName\":\"N.b\",\"Expression\":\"lead.JobTitle == null\"}}],\"Properties\":{{\"points\":7,\"group\":\"fit\"}}}}");
        }

        foreach (var (e, p, cents, props) in activityRules)
        {
            var points = p + (cents / 100m);
            rules.Add($"{{\"RuleName\":\"A{n++}\",\"Expression\":{JsonSerializer.Serialize(ActivityExpressions[e])},\"Properties\":{{\"points\":{points.ToString(System.Globalization.CultureInfo.InvariantCulture)},\"group\":\"engagement\",\"scope\":\"activity\"{ActivityProperties[props]}}}}}");
        }

        if (rules.Count == 0)
        {
            rules.Add("{\"RuleName\":\"Base\",\"Expression\":\"lead.Unsubscribed\",\"Properties\":{\"points\":-5,\"group\":\"fit\",\"scope\":\"lead\"}}");
        }

        // A cap names a group some rule belongs to.
        var caps = string.Join(",", new[] { fitCap, engagementCap }.Where(c => c.Length > 0 && rules.Any(r => r.Contains("\"group\":\"" + c.Split('"')[1] + "\"", StringComparison.Ordinal))));
        return $"{{\"WorkflowName\":\"generated\",\"ScoringModel\":{{\"Version\":\"1\",{totalCap}\"GroupCaps\":{{{caps}}}}},\"Rules\":[{string.Join(",", rules)}]}}";
    }

    [Property(MaxTest = 150)]
    public Property GeneratedModelsAndLeads_GiveExactlyTheRowPathTotalsAndCompleteness() =>
        Prop.ForAll(Models().ToArbitrary(), Gen.ListOf(Generators.Leads()).ToArbitrary(), Gen.Elements(1_000, 100_000, 999).ToArbitrary(), (json, generated, budget) =>
        {
            var leads = Unique(generated);
            var model = LeadScoringModel.Load(json, new ScoringLimits { MaxWorkPerRule = Math.Max(1_000, budget), MaxActivitiesPerLead = budget == 999 ? 5 : budget / 100, MaxBuiltTextLength = budget == 999 ? 5 : budget / 100 });
            var columnar = ColumnarScoringModel.Create(model);
            var batches = LeadRecordBatches.From(leads);
            var totals = new decimal[leads.Length];
            var resident = ColumnarLeads.FromArrow(batches.Leads, batches.Activities);
            var summary = columnar.ScoreTotals(resident, AsOf, totals);
            var hundredths = new long[leads.Length];
            var hundredthsSummary = columnar.ScoreTotalsInHundredths(resident, AsOf, hundredths);

            var expected = leads.Select(l => model.Score(l, AsOf)).ToArray();
            var rowTotals = new decimal[leads.Length];
            var rowSummary = model.ScoreTotals(leads, AsOf, rowTotals);
            Assert.Equal(expected.Select(s => s.Total), totals);
            Assert.Equal(rowTotals, totals);
            Assert.Equal(rowTotals.Select(Written), totals.Select(Written)); // the same decimals, scale included
            Assert.Equal(rowTotals.Select(t => decimal.ToInt64(t * 100m)), hundredths);
            Assert.Equal(summary.Incomplete, hundredthsSummary.Incomplete);
            Assert.Equal(rowSummary.Incomplete, summary.Incomplete);
            Assert.Equal(expected.Count(s => s.Errors.Count > 0), summary.Incomplete);
        });

    /// <summary>
    /// Batch lengths around the eight leads scored per register pass and the block of 1,024 (none, one, a partial pass,
    /// a partial block), and text columns with more distinct values than a register table holds: the same totals.
    /// </summary>
    [Property(MaxTest = 40)]
    public Property BatchLengthsAroundPassAndBlockWidths_AndWideDictionaries_GiveExactlyTheRowPathTotals() =>
        Prop.ForAll(Models().ToArbitrary(), Gen.Elements(0, 1, 2, 7, 8, 9, 15, 17, 1023, 1024, 1025, 1031).ToArbitrary(), Gen.Choose(0, 40).ToArbitrary(), (json, length, distinctTitles) =>
        {
            var model = LeadScoringModel.Load(json);
            var generated = Unique(Gen.ArrayOf(Generators.Leads(), length).Sample(1, 1).Single());
            var leads = generated.Select((l, i) => distinctTitles > 0 && i % 3 == 0 ? l with { JobTitle = "Head of Region " + (i % distinctTitles).ToString(System.Globalization.CultureInfo.InvariantCulture) } : l).ToArray();
            AssertSameTotals(model, ColumnarScoringModel.Create(model), leads, LeadRecordBatches.From(leads));
        });

    /// <summary>
    /// Models whose activity rules all have tables (scored rule by rule over each block's activities) and activities placed
    /// on the edges the walk decides on: a tick either side of asOf, of each window, of each decay's zero point and of
    /// midnight, several at one instant and many on one day (daily maximums), leads without activities, leads over the
    /// activity limit next to leads under it, and blocks of 1,024 leads: exactly the row path's totals and completeness.
    /// </summary>
    [Property(MaxTest = 60)]
    public Property TabledActivityRules_OnWindowDecayDayAndLimitEdges_GiveExactlyTheRowPathTotals() =>
        Prop.ForAll(TabledActivityModels().ToArbitrary(), Gen.ListOf(EdgeLeads()).ToArbitrary(), Gen.Elements((0, 10_000), (3, 10_000), (1_100, 10_000), (3, 12), (1_100, 12)).ToArbitrary(), (json, generated, sizes) =>
        {
            var (padding, limit) = sizes;
            var model = LeadScoringModel.Load(json, new ScoringLimits { MaxActivitiesPerLead = limit });
            var filler = Unique(Gen.ArrayOf(Generators.Leads(), padding).Sample(1, 1).Single());
            var leads = Unique([.. filler, .. generated]);
            AssertSameTotals(model, ColumnarScoringModel.Create(model), leads, LeadRecordBatches.From(leads));
            var totals = new decimal[leads.Length];
            var batches = LeadRecordBatches.From(leads);
            ColumnarScoringModel.Create(model).ScoreTotals(ColumnarLeads.FromArrow(batches.Leads, batches.Activities), AsOf, totals);
            Assert.Equal(leads.Select(l => model.Score(l, AsOf).Total), totals);
        });

    [Fact]
    public void ManyActivitiesOnOneDay_CountUpToTheDailyMaximum_PerLeadAndDay_LikeTheRowPath()
    {
        var model = LeadScoringModel.Load(
            """
            {"WorkflowName":"daily","ScoringModel":{"Version":"1","GroupCaps":{}},"Rules":[
              {"RuleName":"Open","Expression":"activity.Type == \"EmailOpen\"","Properties":{"points":2,"group":"engagement","scope":"activity","maxPerDay":3,"decay":{"percent":50,"everyDays":30}}},
              {"RuleName":"Visit","Expression":"activity.Type == \"PageView\"","Properties":{"points":1.25,"group":"engagement","scope":"activity","maxPerDay":1,"windowDays":1}}]}
            """);
        var midnight = new DateTimeOffset(AsOf.Date, TimeSpan.Zero);
        LeadActivity Open(DateTimeOffset at) => new() { Type = "EmailOpen", OccurredAt = at };
        LeadActivity Visit(DateTimeOffset at) => new() { Type = "PageView", OccurredAt = at };
        LeadFacts[] leads =
        [
            new LeadFacts { Id = "L-0", Activities = [.. Enumerable.Repeat(Open(AsOf.AddHours(-1)), 7), Open(midnight), Open(midnight.AddTicks(-1)), Visit(midnight), Visit(midnight.AddTicks(-1)), Visit(midnight.AddTicks(1))] },
            new LeadFacts { Id = "L-1", Activities = [] },
            new LeadFacts { Id = "L-2", Activities = [.. Enumerable.Range(0, 9).Select(h => Open(midnight.AddHours(-h))), Visit(AsOf.AddTicks(1)), Visit(AsOf), Visit(AsOf.AddDays(-1)), Visit(AsOf.AddDays(-1).AddTicks(-1))] },
        ];

        AssertSameTotals(model, ColumnarScoringModel.Create(model), leads, LeadRecordBatches.From(leads));
        Assert.Equal([10.48m, 0m, 10.42m], leads.Select(l => model.Score(l, AsOf).Total));
    }

    [Fact]
    public void SampleModel_VectorizesItsCommonShapes_AndScoresLikeTheRowPath()
    {
        var model = LeadScoringModel.LoadSample();
        var columnar = ColumnarScoringModel.Create(model);

        Assert.All(columnar.RulePlans, p => Assert.True(p.IsVectorized, p.Rule + ": " + p.How));
        var leads = Unique(Gen.ArrayOf(Generators.Leads(), 500).Sample(1, 1).Single());
        AssertSameTotals(model, columnar, leads, LeadRecordBatches.From(leads));
    }

    [Fact]
    public void RulesThatNeedTheRowPath_SayWhy()
    {
        var model = LeadScoringModel.Load(ModelJson([(21, 5), (22, 5), (13, 5)], 0, [(6, 3, 0, 0), (7, 2, 0, 0)], "", "", ""));
        var plans = ColumnarScoringModel.Create(model).RulePlans;

        Assert.Equal(
            [
                "row by row: it reads several columns (Country, Employees)",
                "row by row: it reads Activities, which is not encoded as a column",
                "row by row: its comparison of Employees is not a threshold test",
                "row by row: it reads the lead, or the lead or the activity as a whole",
                "row by row: it reads activity.OccurredAt",
            ],
            plans.Select(p => p.How));
    }

    [Fact]
    public void DictionaryEncodedText_AndActivitiesInAnyOrder_ScoreLikeTheRowPath()
    {
        var model = LeadScoringModel.LoadSample();
        var columnar = ColumnarScoringModel.Create(model);
        var leads = Unique(Gen.ArrayOf(Generators.Leads(), 300).Sample(1, 2).Single());
        var plain = LeadRecordBatches.From(leads);

        // Job titles as a dictionary array; activities shuffled across leads (each lead's own order kept).
        var titles = (StringArray)plain.Leads.Column("JobTitle");
        var distinct = Enumerable.Range(0, titles.Length).Select(i => titles.GetString(i)).Where(t => t is not null).Distinct().ToList();
        var indices = new Int32Array.Builder();
        for (var i = 0; i < titles.Length; i++)
        {
            if (titles.IsNull(i))
            {
                indices.AppendNull();
            }
            else
            {
                indices.Append(distinct.IndexOf(titles.GetString(i)));
            }
        }

        var dictionary = new StringArray.Builder().AppendRange(distinct).Build();
        var dictionaryType = new Apache.Arrow.Types.DictionaryType(Apache.Arrow.Types.Int32Type.Default, Apache.Arrow.Types.StringType.Default, false);
        var titleColumn = new DictionaryArray(dictionaryType, indices.Build(), dictionary);
        var fields = plain.Leads.Schema.FieldsList.Select(f => f.Name == "JobTitle" ? new Field("JobTitle", dictionaryType, true) : f).ToList();
        var columns = Enumerable.Range(0, fields.Count).Select(i => fields[i].Name == "JobTitle" ? titleColumn : plain.Leads.Column(i)).ToList();
        var leadBatch = new RecordBatch(new Schema(fields, null), columns, plain.Leads.Length);

        var byLead = leads.SelectMany(l => l.Activities.Select((a, k) => (l.Id, a, k))).ToList();
        var shuffled = byLead.OrderBy(x => (x.k * 1000L) + ((uint)x.Id.GetHashCode(StringComparison.Ordinal) % 1000)).ToList();
        var activityBatch = ActivitiesOf(shuffled.Select(x => (x.Id, x.a)).ToList());

        AssertSameTotals(model, columnar, leads, new LeadRecordBatches { Leads = leadBatch, Activities = activityBatch });
    }

    [Fact]
    public void WhatIf_ResidentLeads_RescoredByCandidateModels_MatchEachModelsRowPath()
    {
        var leads = Unique(Gen.ArrayOf(Generators.Leads(), 400).Sample(1, 3).Single());
        var batches = LeadRecordBatches.From(leads);
        var resident = ColumnarLeads.FromArrow(batches.Leads, batches.Activities);
        foreach (var json in Models().Sample(5, 3))
        {
            var model = LeadScoringModel.Load(json);
            var totals = new decimal[leads.Length];
            ColumnarScoringModel.Create(model).ScoreTotals(resident, AsOf, totals);
            Assert.Equal(leads.Select(l => model.Score(l, AsOf).Total), totals);
        }
    }

    [Fact]
    public void ARuleReadingAMissingColumn_IsRefusedWithTheRuleAndColumnNamed()
    {
        var model = ColumnarScoringModel.Create(LeadScoringModel.LoadSample());
        var batch = new RecordBatch(
            new Schema([new Field("Id", Apache.Arrow.Types.StringType.Default, false)], null),
            [new StringArray.Builder().Append("L-1").Build()],
            1);

        var error = Assert.Throws<ArgumentException>(() => model.ScoreTotals(ColumnarLeads.FromArrow(batch), AsOf, new decimal[1]));
        Assert.Contains("Rule 'IndustryIsSoftware' reads lead.Industry, but the lead batch has no column 'Industry'. Its columns: 'Id'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadColumns_AreRefusedWithColumnAndRow()
    {
        var ids = new StringArray.Builder().Append("L-1").Append("L-1").Build();
        var duplicate = new RecordBatch(new Schema([new Field("Id", Apache.Arrow.Types.StringType.Default, false)], null), [ids], 2);
        var activities = ActivitiesOf([("L-1", new LeadActivity { Type = "EmailOpen", OccurredAt = AsOf })]);
        Assert.Contains("Lead id 'L-1' appears at rows 0 and 1", Assert.Throws<ArgumentException>(() => ColumnarLeads.FromArrow(duplicate, activities)).Message, StringComparison.Ordinal);

        var one = new RecordBatch(new Schema([new Field("Id", Apache.Arrow.Types.StringType.Default, false)], null), [new StringArray.Builder().Append("L-1").Build()], 1);
        var stranger = ActivitiesOf([("L-2", new LeadActivity { Type = "EmailOpen", OccurredAt = AsOf })]);
        Assert.Contains("Activity row 0 has LeadId 'L-2', which is no Id of the lead batch.", Assert.Throws<ArgumentException>(() => ColumnarLeads.FromArrow(one, stranger)).Message, StringComparison.Ordinal);

        var employees = new RecordBatch(
            new Schema([new Field("Id", Apache.Arrow.Types.StringType.Default, false), new Field("Employees", Apache.Arrow.Types.StringType.Default, true)], null),
            [new StringArray.Builder().Append("L-1").Build(), new StringArray.Builder().Append("many").Build()],
            1);
        Assert.Contains("Column 'Employees' holds", Assert.Throws<ArgumentException>(() => ColumnarLeads.FromArrow(employees)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARowByRowRuleOverItsBudget_StopsAndMarksTheLeadIncomplete_AsTheRowPathDoes()
    {
        var model = LeadScoringModel.Load(ModelJson([(23, 5), (0, 3)], 0, [], "", "", ""), new ScoringLimits { MaxWorkPerRule = 1_000, MaxActivitiesPerLead = 100, MaxBuiltTextLength = 100 });
        var many = Enumerable.Range(0, 1_500).Select(k => new LeadActivity { Type = "EmailOpen", OccurredAt = AsOf.AddMinutes(-k) }).ToArray();
        LeadFacts[] leads =
        [
            new LeadFacts { Id = "L-0", Industry = "Software", Employees = 10, Country = "DE", Activities = many },
            new LeadFacts { Id = "L-1", Industry = "Software", Employees = 10, Country = "DE", Activities = many[..3] },
        ];

        var totals = new decimal[2];
        var summary = ColumnarScoringModel.Create(model).ScoreTotals(ColumnarLeads.FromArrow(LeadRecordBatches.From(leads).Leads, LeadRecordBatches.From(leads).Activities), AsOf, totals);

        Assert.Equal(1, summary.Incomplete);
        Assert.Equal(leads.Select(l => model.Score(l, AsOf).Total), totals);
        Assert.Contains(model.Score(leads[0], AsOf).Errors, e => e.Rule == "L0");
    }

    [Fact]
    public void Cancellation_StopsARunInsideARowByRowRule()
    {
        var model = LeadScoringModel.Load(ModelJson([(23, 5)], 0, [], "", "", ""));
        var leads = Unique(Gen.ArrayOf(Generators.Leads(), 50).Sample(1, 4).Single());
        var batches = LeadRecordBatches.From(leads);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            ColumnarScoringModel.Create(model).ScoreTotals(ColumnarLeads.FromArrow(batches.Leads, batches.Activities), AsOf, new decimal[leads.Length], cancelled.Token));
    }

    [Fact]
    public void TwoThreadsOnTheSameResidentLeads_GiveTheSameTotals()
    {
        var model = LeadScoringModel.LoadSample();
        var columnar = ColumnarScoringModel.Create(model);
        var leads = Unique(Gen.ArrayOf(Generators.Leads(), 2000).Sample(1, 5).Single());
        var batches = LeadRecordBatches.From(leads);
        var resident = ColumnarLeads.FromArrow(batches.Leads, batches.Activities);
        var first = new decimal[leads.Length];
        var second = new decimal[leads.Length];
        Parallel.Invoke(() => columnar.ScoreTotals(resident, AsOf, first), () => columnar.ScoreTotals(resident, AsOf, second));

        Assert.Equal(leads.Select(l => model.Score(l, AsOf).Total), first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void ManyBlocksOfLeads_InHundredthsAndDecimals_GiveTheRowPathTotals()
    {
        var model = LeadScoringModel.LoadSample();
        var leads = Unique(Gen.ArrayOf(Generators.Leads(), 5_000).Sample(1, 7).Single());
        AssertSameTotals(model, ColumnarScoringModel.Create(model), leads, LeadRecordBatches.From(leads));
    }

    /// <summary>Models of lead rules and activity rules that all read only the activity's texts (each scored from a table).</summary>
    private static Gen<string> TabledActivityModels() =>
        from leadRules in Gen.ListOf(Gen.Choose(0, 18).SelectMany(e => Gen.Choose(-50, 50).Select(p => (e, p))))
        from activityRules in Gen.NonEmptyListOf(
            from e in Gen.Choose(0, 5)
            from p in Gen.Choose(-20, 40)
            from cents in Gen.Elements(0, 25, 5, 99)
            from props in Gen.Choose(0, ActivityProperties.Length - 1)
            select (e, p, cents, props))
        from fitCap in Gen.Elements("", "\"fit\":60")
        from engagementCap in Gen.Elements("", "\"engagement\":45.5")
        from totalCap in Gen.Elements("", "\"TotalCap\":80,")
        select ModelJson(leadRules, 0, activityRules, fitCap, engagementCap, totalCap);

    /// <summary>Ages (ticks) where the walk's answer changes: asOf, the windows, the decays' zero points, the midnights before asOf.</summary>
    private static readonly long[] EdgeAges =
    [
        0,
        TimeSpan.TicksPerDay / 2,
        30 * TimeSpan.TicksPerDay,
        90 * TimeSpan.TicksPerDay,
        60 * TimeSpan.TicksPerDay,
        600 * TimeSpan.TicksPerDay,
        28 * TimeSpan.TicksPerDay,
        AsOf.TimeOfDay.Ticks,
        AsOf.TimeOfDay.Ticks + TimeSpan.TicksPerDay,
        AsOf.TimeOfDay.Ticks + (29 * TimeSpan.TicksPerDay),
    ];

    /// <summary>Leads whose activities sit a tick either side of an edge, often several at one instant or on one day.</summary>
    private static Gen<LeadFacts> EdgeLeads() =>
        from lead in Generators.Leads()
        from count in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 20)))
        from activities in Gen.ArrayOf(
            from activity in Generators.Activities()
            from edge in Gen.Elements(EdgeAges)
            from shift in Gen.Elements(-1L, 0L, 1L)
            from repeat in Gen.Frequency((4, Gen.Constant(1)), (1, Gen.Choose(2, 6)))
            select Enumerable.Repeat(activity with { OccurredAt = AsOf.AddTicks(-(edge + shift)) }, repeat).ToArray(), count)
        select lead with { Activities = [.. activities.SelectMany(a => a)] };

    private static string Written(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void AssertSameTotals(LeadScoringModel<LeadFacts, LeadActivity> model, ColumnarScoringModel columnar, LeadFacts[] leads, LeadRecordBatches batches)
    {
        var totals = new decimal[leads.Length];
        var resident = ColumnarLeads.FromArrow(batches.Leads, batches.Activities);
        var summary = columnar.ScoreTotals(resident, AsOf, totals);
        var hundredths = new long[leads.Length];
        columnar.ScoreTotalsInHundredths(resident, AsOf, hundredths);
        var rowTotals = new decimal[leads.Length];
        var rowSummary = model.ScoreTotals(leads, AsOf, rowTotals);
        Assert.Equal(rowTotals, totals);
        Assert.Equal(rowTotals.Select(Written), totals.Select(Written));
        Assert.Equal(rowTotals.Select(t => decimal.ToInt64(t * 100m)), hundredths);
        Assert.Equal(rowSummary.Incomplete, summary.Incomplete);
    }

    private static RecordBatch ActivitiesOf(IReadOnlyList<(string LeadId, LeadActivity Activity)> rows)
    {
        var leadId = new StringArray.Builder();
        var type = new StringArray.Builder();
        var at = new TimestampArray.Builder(new Apache.Arrow.Types.TimestampType(Apache.Arrow.Types.TimeUnit.Nanosecond, "UTC"));
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

        return new RecordBatch(LeadRecordBatches.ActivitySchema, [leadId.Build(), type.Build(), at.Build(), url.Build(), stage.Build()], rows.Count);
    }

    /// <summary>Activities are keyed by lead id: give generated leads distinct ids.</summary>
    private static LeadFacts[] Unique(IEnumerable<LeadFacts> leads) => [.. leads.Select((l, i) => l with { Id = "L-" + i })];
}
