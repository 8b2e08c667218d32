using System.Globalization;
using System.Numerics;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// The bulk paths at their edges: the matched-rules words of models past 64 rules, chunk and slice boundaries, what a
/// run reports (summary, progress), the arguments checked at once, a null lead, cancellation between leads, and the
/// columnar seam's caps in vectors and in their scalar tail.
/// </summary>
public class BulkScoringEdgeTests
{
    private static readonly DateTimeOffset Now = Generators.ScoringNow;

    private static string Rule(string name, string expression, decimal points, string group = "fit", string scope = "lead") =>
        string.Create(CultureInfo.InvariantCulture,
            $"{{\"RuleName\":\"{name}\",\"Expression\":{System.Text.Json.JsonSerializer.Serialize(expression)},\"Properties\":{{\"points\":{points},\"group\":\"{group}\",\"scope\":\"{scope}\"}}}}");

    /// <summary>Rule <c>i</c> matches leads with more than <c>i</c> employees and earns 1 point.</summary>
    private static string[] Ladder(int count) => [.. Enumerable.Range(0, count).Select(i => Rule("E" + i, "lead.Employees > " + i, 1))];

    private static LeadScoringModel<LeadFacts, LeadActivity> Model(string name, params string[] rules) =>
        LeadScoringModel.Load(ModelJson.WithRules(rules).Replace("\"WorkflowName\":\"test\"", "\"WorkflowName\":\"" + name + "\"", StringComparison.Ordinal));

    private static LeadFacts Lead(int? employees, string? title = "VP Sales", int activities = 0) => new()
    {
        Id = "L-" + employees,
        JobTitle = title,
        Employees = employees,
        Country = "DE",
        Activities = [.. Enumerable.Range(0, activities).Select(i => new LeadActivity { Type = "PageView", OccurredAt = Now.AddHours(-i), Url = "/pricing" })],
    };

    [Theory]
    [InlineData(1, 1)]
    [InlineData(64, 1)]
    [InlineData(65, 2)]
    [InlineData(128, 2)]
    [InlineData(129, 3)]
    public void MatchWordsPerLead_IsOneWordPer64Rules(int rules, int words)
    {
        Assert.Equal(words, Model("ladder", Ladder(rules)).MatchWordsPerLead);
    }

    [Theory]
    [InlineData(0, -1, "ruleIndex", "The rule index must be between 0 and 69: the model 'indexes' has 70 rules.")]
    [InlineData(0, 70, "ruleIndex", "The rule index must be between 0 and 69: the model 'indexes' has 70 rules.")]
    [InlineData(-1, 0, "leadIndex", "The lead index must be between 0 and 1: the matched-rules words hold 2 leads (2 words per lead).")]
    [InlineData(2, 0, "leadIndex", "The lead index must be between 0 and 1: the matched-rules words hold 2 leads (2 words per lead).")]
    public void RuleMatched_AnIndexOutsideTheRulesOrTheLeads_IsRefusedWithTheRange(int leadIndex, int ruleIndex, string parameter, string message)
    {
        // Rule -1 of lead 1 would be bit 63 of lead 0's last word: refused, not answered from another lead.
        var model = Model("indexes", Ladder(70));
        var matches = new ulong[4];
        model.ScoreTotals([Lead(70), Lead(0)], Now, new decimal[2], matches);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.RuleMatched(matches, leadIndex, ruleIndex));

        Assert.Equal(parameter, error.ParamName);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.True(model.RuleMatched(matches, 0, 69));
        Assert.False(model.RuleMatched(matches, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.RuleMatched(matches, 1, -1));
    }

    [Fact]
    public void RuleMatched_WordsShorterThanOneLead_AreRefusedAsHoldingNoLead()
    {
        var model = Model("short-words", Ladder(70));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.RuleMatched(new ulong[1], 0, 0));

        Assert.Equal("leadIndex", error.ParamName);
        Assert.StartsWith("The matched-rules words hold no lead: each lead takes 2 words and 1 were given.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARuleOfZeroPoints_InAModelOfLeadRulesOnly_IsScoredInBulkAsOneByOne()
    {
        // The lead-rules-only bulk path sums inside one delegate; a rule that matches but adds nothing must still compile there.
        var model = Model("zero", Rule("Marker", "lead.Employees > 1", 0), Rule("Large", "lead.Employees > 10", 5), Rule("Small", "lead.Employees < 3", -2));
        LeadFacts[] leads = [Lead(20), Lead(5), Lead(2), Lead(null)];
        var totals = new decimal[leads.Length];

        var summary = model.ScoreTotals(leads, Now, totals);

        Assert.Equal(leads.Select(l => model.Score(l, Now).Total), totals);
        Assert.Equal([5m, 0m, -2m, 0m], totals);
        Assert.Equal(0, summary.Incomplete);
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void MatchedRulesDestination_PastOneWordPerLead_MustHoldEveryLeadsWords(int words, bool accepted)
    {
        // 65 rules need two words per lead: three leads need six.
        var model = Model("two-words", Ladder(65));
        LeadFacts[] leads = [Lead(1), Lead(64), Lead(65)];

        if (accepted)
        {
            Assert.Equal(3, model.ScoreTotals(leads, Now, new decimal[3], new ulong[words]).Scored);
            return;
        }

        var error = Assert.Throws<ArgumentException>(() => model.ScoreTotals(leads, Now, new decimal[3], new ulong[words]));
        Assert.Equal("The matched-rules destination holds 5 words but 3 leads need 6 (2 per lead). (Parameter 'matchedRules')", error.Message);
        Assert.Throws<ArgumentException>(() => model.ScoreTotalsParallel(leads, Now, new decimal[3], new ulong[words], null));
    }

    [Fact]
    public void MatchedRules_PastTheFirstWord_AreRecordedPerLead()
    {
        // 70 lead rules and one activity rule (index 70): two words per lead.
        var model = Model("words", [.. Ladder(70), Rule("Viewed", "activity.Type == \"PageView\"", 5, "engagement", "activity")]);
        LeadFacts[] leads = [Lead(66, activities: 1), Lead(3), Lead(70, activities: 2)];
        var totals = new decimal[3];
        var matches = new ulong[6];

        var summary = model.ScoreTotals(leads, Now, totals, matches);

        Assert.Equal([71m, 3m, 80m], totals);
        Assert.Equal((3L, 0L), (summary.Scored, summary.Incomplete));
        for (var lead = 0; lead < leads.Length; lead++)
        {
            for (var rule = 0; rule < 70; rule++)
            {
                Assert.Equal(leads[lead].Employees > rule, model.RuleMatched(matches, lead, rule));
            }

            Assert.Equal(leads[lead].Activities.Count > 0, model.RuleMatched(matches, lead, 70));
        }

        Assert.Equal([ulong.MaxValue, (1UL << 6) | 0b11, 0b111, 0, ulong.MaxValue, 0b111_1111], matches);
    }

    [Fact]
    public void MatchedRules_InAParallelRun_AreWrittenAtEachBatchsOwnWords()
    {
        var model = Model("words-parallel", Ladder(70));
        var leads = Enumerable.Range(0, 11).Select(i => Lead(i * 7)).ToArray();
        var totals = new decimal[leads.Length];
        var matches = new ulong[leads.Length * 2];

        var summary = model.ScoreTotalsParallel(leads, Now, totals, matches, new BulkScoringOptions { BatchSize = 3, MaxDegreeOfParallelism = 2 });

        Assert.Equal(leads.Select(l => (decimal)Math.Min(70, l.Employees!.Value)), totals);
        Assert.Equal(11, summary.Scored);
        for (var lead = 0; lead < leads.Length; lead++)
        {
            Assert.All(Enumerable.Range(0, 70), rule => Assert.Equal(leads[lead].Employees > rule, model.RuleMatched(matches, lead, rule)));
        }
    }

    [Fact]
    public void MatchedRules_LeftInTheDestination_AreCleared()
    {
        var walked = LeadScoringModel.LoadSample();
        var fused = Model("fused", Rule("Big", "lead.Employees > 100", 10), Rule("Vp", "lead.JobTitle.StartsWith(\"VP\")", 5));
        foreach (var model in new[] { walked, fused })
        {
            LeadFacts[] leads = [Lead(5, "Intern"), Lead(500)];
            var matches = Enumerable.Repeat(ulong.MaxValue, leads.Length * model.MatchWordsPerLead).ToArray();

            model.ScoreTotals(leads, Now, new decimal[2], matches);

            for (var lead = 0; lead < leads.Length; lead++)
            {
                var contributions = model.Score(leads[lead], Now).Contributions.Select(c => c.Rule).ToHashSet();
                Assert.All(model.Rules.Select((r, i) => (r, i)), x => Assert.Equal(contributions.Contains(x.r.Name), model.RuleMatched(matches, lead, x.i)));
            }

            // The bits past the model's rules in each lead's last word are cleared too.
            var used = model.Rules.Count % 64;
            var padding = used == 0 ? 0UL : ulong.MaxValue << used;
            Assert.All(Enumerable.Range(0, leads.Length), lead => Assert.Equal(0UL, matches[(lead * model.MatchWordsPerLead) + model.MatchWordsPerLead - 1] & padding));
        }
    }

    [Fact]
    public void Summary_NamesTheModelAndCountsTheLeads()
    {
        var model = Model("summary-model", Rule("Long", "lead.JobTitle.Length > 3", 2));
        LeadFacts[] leads = [Lead(1), Lead(2, null), Lead(3), Lead(4, null), Lead(5)];

        var summary = model.ScoreTotals(leads, Now, new decimal[5]);
        var parallel = model.ScoreTotalsParallel(leads, Now, new decimal[5], null, new BulkScoringOptions { BatchSize = 2, MaxDegreeOfParallelism = 2 });

        Assert.Equal(("summary-model", "1", 5L, 2L), (summary.Model, summary.ModelVersion, summary.Scored, summary.Incomplete));
        Assert.Equal(summary, parallel);
        Assert.Equal("summary-model 1 scored 5 leads, 2 incomplete", summary.ToString());
        Assert.Equal("summary-model 1 scored 0 leads, 0 incomplete", model.ScoreTotals([], Now, Span<decimal>.Empty).ToString());
        Assert.Equal(0, model.ScoreTotalsParallel([], Now, [], null, null).Scored);
    }

    [Fact]
    public void Arguments_AreCheckedAtTheCall_NotWhenTheStreamIsRead()
    {
        var model = LeadScoringModel.LoadSample();

        Assert.Equal("leads", Assert.Throws<ArgumentNullException>(() => model.ScoreTotalsParallel(null!, Now, [], null, null)).ParamName);
        Assert.Equal("totals", Assert.Throws<ArgumentNullException>(() => model.ScoreTotalsParallel([], Now, null!, null, null)).ParamName);
        Assert.Equal("leads", Assert.Throws<ArgumentNullException>(() => model.ScoreEach(null!, Now)).ParamName);
        Assert.Equal("leads", Assert.Throws<ArgumentNullException>(() => model.ScoreEachAsync(null!, Now)).ParamName);
        var options = Assert.Throws<DefinitionValidationException>(() => model.ScoreEachAsync(Array.Empty<LeadFacts>().ToAsyncEnumerable(), Now, new BulkScoringOptions { MaxDegreeOfParallelism = 0 }));
        Assert.Equal("$.maxDegreeOfParallelism", Assert.Single(options.Problems).Path);
        Assert.Throws<DefinitionValidationException>(() => model.ScoreTotalsParallel([], Now, [], null, new BulkScoringOptions { MaxDegreeOfParallelism = 0 }));
        var words = Assert.Throws<ArgumentException>(() => model.ScoreTotalsParallel([Lead(1), Lead(2)], Now, new decimal[2], new ulong[1], null));
        Assert.Equal("matchedRules", words.ParamName);
    }

    [Fact]
    public void ScoreEach_ReadsTheLeadsOnlyWhenEnumerated()
    {
        var model = LeadScoringModel.LoadSample();
        var read = 0;

        var scored = model.ScoreEach(Enumerable.Range(0, 3).Select(i => { read++; return Lead(i * 100); }), Now);

        Assert.Equal(0, read);
        Assert.Equal(2, scored.Take(2).Count());
        Assert.Equal(2, read);
    }

    [Fact]
    public void ScoreEach_GivesEachLeadItsScoreAndCompleteness_InInputOrder()
    {
        var model = Model("each", Rule("Long", "lead.JobTitle.Length > 3", 2), Rule("Big", "lead.Employees > 100", 3));
        LeadFacts[] leads = [Lead(500), Lead(5, null), Lead(5)];

        var scored = model.ScoreEach(leads, Now).ToArray();

        Assert.Equal(
            [(leads[0], 5m, true, "1"), (leads[1], 0m, false, "1"), (leads[2], 2m, true, "1")],
            scored.Select(s => (s.Lead, s.Total, s.IsComplete, s.ModelVersion)));
    }

    [Theory]
    [InlineData(25, new long[] { 10, 20, 25 })]
    [InlineData(20, new long[] { 10, 20 })]
    [InlineData(3, new long[] { 3 })]
    [InlineData(0, new long[0])]
    public async Task ScoreEachAsync_ReportsProgressAfterEachBatch_OfAStreamOfUnknownLength(int count, long[] expected)
    {
        var model = LeadScoringModel.LoadSample();
        var reports = new List<BulkScoringProgress>();
        var leads = Enumerable.Range(0, count).Select(i => Lead(i * 40, activities: i % 3)).ToArray();

        var scored = await model.ScoreEachAsync(leads.ToAsyncEnumerable(), Now, new BulkScoringOptions { BatchSize = 10, MaxDegreeOfParallelism = 1, Progress = new Reports(reports) }).ToArrayAsync();

        Assert.Equal(expected.Select(e => new BulkScoringProgress(e, null)), reports);
        Assert.Equal(leads.Select(l => model.Score(l, Now).Total), scored.Select(s => s.Total));
        Assert.Equal(leads, scored.Select(s => s.Lead));
    }

    [Fact]
    public async Task ScoreEachAsync_BatchesSplitIntoSlices_ScoreEveryLeadOnce()
    {
        // Batches of 200 leads on 3 threads are scored in 3 slices of about 66; the last batch of 50 in one.
        var model = LeadScoringModel.LoadSample();
        var leads = Enumerable.Range(0, 250).Select(i => Lead(i * 13 % 900, i % 4 == 0 ? null : "Head of Marketing", i % 5)).ToArray();

        var scored = await model.ScoreEachAsync(leads.ToAsyncEnumerable(), Now, new BulkScoringOptions { BatchSize = 200, MaxDegreeOfParallelism = 3 }).ToArrayAsync();

        var expected = leads.Select(l => model.Score(l, Now)).ToArray();
        Assert.Equal(leads, scored.Select(s => s.Lead));
        Assert.Equal(expected.Select(e => (e.Total, e.IsComplete, model.Version)), scored.Select(s => (s.Total, s.IsComplete, s.ModelVersion)));
    }

    [Fact]
    public void ScoreTotalsParallel_ReportsEveryBatch_WithTheLastOneShort()
    {
        var model = LeadScoringModel.LoadSample();
        var leads = Enumerable.Range(0, 7).Select(i => Lead(i * 100)).ToArray();
        var reports = new List<BulkScoringProgress>();
        var totals = new decimal[8];
        totals[7] = -1m;

        model.ScoreTotalsParallel(leads, Now, totals, null, new BulkScoringOptions { BatchSize = 3, MaxDegreeOfParallelism = 1, Progress = new Reports(reports) });

        Assert.Equal([new(3, 7), new(6, 7), new(7, 7)], reports);
        Assert.Equal(leads.Select(l => model.Score(l, Now).Total).Append(-1m), totals);
    }

    [Fact]
    public void ScoreTotalsParallel_LeadsFillingTheLastBatch_ReportEachBatchOnce()
    {
        var model = LeadScoringModel.LoadSample();
        var leads = Enumerable.Range(0, 6).Select(i => Lead(i * 100)).ToArray();
        var reports = new List<BulkScoringProgress>();

        model.ScoreTotalsParallel(leads, Now, new decimal[6], null, new BulkScoringOptions { BatchSize = 3, MaxDegreeOfParallelism = 1, Progress = new Reports(reports) });

        Assert.Equal([new(3, 6), new(6, 6)], reports);
    }

    [Fact]
    public void LeadsWhoseActivitiesCannotAllBeScored_AreCountedIncomplete()
    {
        var model = LeadScoringModel.Load(
            ModelJson.WithRules(Rule("Viewed", "activity.Type == \"PageView\"", 5, "engagement", "activity"), Rule("Big", "lead.Employees > 100", 1)),
            new ScoringLimits { MaxActivitiesPerLead = 2 });
        LeadFacts[] leads = [Lead(500, activities: 2), Lead(500, activities: 3)];
        var totals = new decimal[2];

        var summary = model.ScoreTotals(leads, Now, totals);

        Assert.Equal([11m, 11m], totals);
        Assert.Equal(1, summary.Incomplete);
        Assert.Equal([true, false], leads.Select(l => model.Score(l, Now).IsComplete));
        Assert.Equal([true, false], model.ScoreEach(leads, Now).Select(s => s.IsComplete));
    }

    [Fact]
    public void LeadsWhoseActivitiesCannotBeRead_AreCountedIncomplete()
    {
        var model = LeadScoringModel.LoadFor<CancellingLead, LeadActivity>(
            ModelJson.WithRules(Rule("Viewed", "activity.Type == \"PageView\"", 5, "engagement", "activity"), Rule("Sized", "lead.Size > 0", 1)),
            lead => throw new InvalidOperationException("no activities"),
            a => a.OccurredAt);

        var totals = new decimal[2];
        var summary = model.ScoreTotals([new CancellingLead(null), new CancellingLead(null)], Now, totals);

        Assert.Equal(2, summary.Incomplete);
        Assert.Equal([1m, 1m], totals);
    }

    [Fact]
    public void NullLead_IsAnArgumentError_OnEveryPath()
    {
        var fused = Model("null-lead", Rule("Big", "lead.Employees > 100", 10));
        var walked = LeadScoringModel.LoadSample();
        LeadFacts[] leads = [Lead(500), null!, Lead(500)];

        foreach (var model in new[] { fused, walked })
        {
            var totals = new decimal[3];
            var error = Assert.Throws<ArgumentNullException>(() => model.ScoreTotals(leads, Now, totals));
            Assert.Equal("lead", error.ParamName);
            Assert.Equal("A lead in the bulk input is null. (Parameter 'lead')", error.Message);
            Assert.Equal(model.Score(leads[0], Now).Total, totals[0]);
            Assert.Equal(0m, totals[2]);
            Assert.Equal("lead", Assert.Throws<ArgumentNullException>(() => model.ScoreTotalsParallel(leads, Now, new decimal[3], null, new BulkScoringOptions { BatchSize = 1 })).ParamName);
        }
    }

    [Fact]
    public void LeadRulesThatFail_AreScoredByTheWalk_AndTheRestStillFused()
    {
        var model = Model("fused-failing", Rule("Long", "lead.JobTitle.Length > 3", 2), Rule("Big", "lead.Employees > 100", 3));
        LeadFacts[] leads = [Lead(500), Lead(500, null), Lead(5), Lead(5, null), Lead(500)];
        var totals = new decimal[5];

        var summary = model.ScoreTotals(leads, Now, totals);

        Assert.Equal([5m, 3m, 2m, 0m, 5m], totals);
        Assert.Equal(2, summary.Incomplete);
    }

    [Fact]
    public void FusedLeadRules_StopBetweenLeads_WhenTheRunIsCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var model = LeadScoringModel.LoadFor<CancellingLead, LeadActivity>(
            ModelJson.WithRule("lead.Size > 0"), _ => [], a => a.OccurredAt);
        var leads = Enumerable.Range(0, 5).Select(i => new CancellingLead(i == 2 ? cancellation : null)).ToArray();
        var totals = new decimal[5];

        Assert.ThrowsAny<OperationCanceledException>(() =>
            model.ScoreTotalsParallel(leads, Now, totals, null, new BulkScoringOptions { BatchSize = 5, MaxDegreeOfParallelism = 1 }, cancellation.Token));

        Assert.Equal([10m, 10m, 10m, 0m, 0m], totals);
    }

    /// <summary>A lead whose size, once read, cancels the run it is scored in.</summary>
    public sealed class CancellingLead(CancellationTokenSource? cancels)
    {
        /// <summary>Gets the lead's size; reading it cancels the run when the lead was built to.</summary>
        public int Size
        {
            get
            {
                cancels?.Cancel();
                return 1;
            }
        }
    }

    [Fact]
    public void LargeLeadRules_CompiledInSeveralParts_ScoreAsOne()
    {
        // Two rules of over 2,000 expression nodes each do not fit one method: the chunk is compiled in two parts, A alone, then B, C and D.
        static string Chain(int additions, string comparison) => "lead.Employees" + string.Concat(Enumerable.Repeat(" + 1", additions)) + comparison;
        var json = ModelJson.WithRules(
            Rule("A", Chain(1_000, " > 1000"), 1), Rule("B", Chain(1_050, " > 100000"), 2), Rule("C", "lead.Employees >= 10", 4), Rule("D", "lead.Country == \"DE\"", 8));
        var model = LeadScoringModel.Load(json, new ScoringLimits { MaxTokensPerExpression = 2_500, MaxExpressionLength = 6_000, MaxTokensPerModel = 10_000 });
        Assert.True(model.PlannedRules().Take(2).Sum(r => ExpressionGuard.CountNodes(r.Body, int.MaxValue)) > 4_096, "two rules must not fit one method");
        LeadFacts[] leads = [Lead(10), Lead(5), Lead(200_000), Lead(null)];
        var totals = new decimal[4];
        var matches = new ulong[4];

        model.ScoreTotals(leads, Now, totals, matches);

        Assert.Equal([13m, 9m, 15m, 8m], totals);
        Assert.Equal([0b1101UL, 0b1001, 0b1111, 0b1000], matches);
        Assert.Equal(totals, leads.Select(l => model.Score(l, Now).Total));
    }

    [Fact]
    public void PlannedRules_AreTheModelsRules_WithTheirScope()
    {
        var model = LeadScoringModel.LoadSample();

        var planned = model.PlannedRules();

        Assert.Equal(model.Rules.Select(r => (r.Name, r.Scope == ScoringScope.Activity)), planned.Select(p => (p.Name, p.IsActivity)));
        Assert.Equal(Enumerable.Range(0, planned.Count), planned.Select(p => p.Index));
        Assert.Contains(planned, p => p.IsActivity);
        Assert.Contains(planned, p => !p.IsActivity);
    }

    [Fact]
    public void EvaluateRule_ReportsAMatchOrAFailure_AsTheWalkDoes()
    {
        var model = Model("evaluate", Rule("Long", "lead.JobTitle.Length > 3", 2), Rule("Viewed", "activity.Url == \"/pricing\"", 1, "engagement", "activity"));
        var pricing = new LeadActivity { Type = "PageView", OccurredAt = Now, Url = "/pricing" };
        var other = pricing with { Url = "/blog" };

        Assert.Equal((true, false), (model.EvaluateRule(0, Lead(1), null!, out var failed), failed));
        Assert.Equal((false, false), (model.EvaluateRule(0, Lead(1, "VP"), null!, out failed), failed));
        Assert.Equal((false, true), (model.EvaluateRule(0, Lead(1, null), null!, out failed), failed));
        Assert.Equal((true, false), (model.EvaluateRule(1, Lead(1), pricing, out failed), failed));
        Assert.Equal((false, false), (model.EvaluateRule(1, Lead(1), other, out failed), failed));
    }

    /// <summary>Groups <c>fit</c> (capped at 30) and <c>engagement</c> (not capped), with or without a total cap of 50.</summary>
    private static LeadScoringModel<LeadFacts, LeadActivity> Capped(bool totalCap) =>
        LeadScoringModel.Load(
            "{\"WorkflowName\":\"caps\",\"ScoringModel\":{\"Version\":\"1\",\"GroupCaps\":{\"fit\":30}" + (totalCap ? ",\"TotalCap\":50" : string.Empty) + "},\"Rules\":["
            + Rule("F", "lead.Employees > 1", 1) + "," + Rule("E", "lead.Employees > 2", 1, "engagement") + "]}");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CapTotals_InVectorsAndInTheTail_AreTheCapsOfEachLead(bool totalCap)
    {
        var model = Capped(totalCap);
        var fit = model.PlannedRules().Single(r => r.Name == "F").Group;
        var count = (Vector<long>.Count * 2) + 3;
        var sums = new long[2 * count];
        for (var i = 0; i < count; i++)
        {
            sums[(fit * count) + i] = (i * 700) - 2_000; // from -20 to far past the cap of 30
            sums[((1 - fit) * count) + i] = (i % 3 == 0 ? -1 : 1) * i * 550;
        }

        var totals = new long[count];
        model.CapTotals(sums, count, totals);

        for (var i = 0; i < count; i++)
        {
            var expected = Math.Min(sums[(fit * count) + i], 3_000) + sums[((1 - fit) * count) + i];
            expected = totalCap ? Math.Min(expected, 5_000) : expected;
            Assert.Equal(expected, totals[i]);
            Assert.Equal(expected, model.CapTotal([sums[i], sums[count + i]]));
        }
    }

    [Fact]
    public void CapTotals_OverflowOfASum_IsRefused_InVectorsAndInTheTail()
    {
        var model = Capped(totalCap: true);
        var fit = model.PlannedRules().Single(r => r.Name == "F").Group;
        var engagement = 1 - fit;
        var count = (Vector<long>.Count * 2) + 3;
        foreach (var (lead, sign) in new[] { (0, 1L), (count - 1, 1L), (1, -1L), (count - 2, -1L) })
        {
            var sums = new long[2 * count];
            sums[(fit * count) + lead] = sign * 3_000;
            sums[(engagement * count) + lead] = sign > 0 ? long.MaxValue - 2_999 : long.MinValue + 2_999;

            Assert.Equal("Arithmetic operation resulted in an overflow.", Assert.Throws<OverflowException>(() => model.CapTotals(sums, count, new long[count])).Message);

            sums[(engagement * count) + lead] -= sign;
            var totals = new long[count];
            model.CapTotals(sums, count, totals);
            Assert.Equal(sign > 0 ? 5_000 : long.MinValue, totals[lead]);
        }
    }

    [Fact]
    public void CapTotals_OverwriteWhatTheDestinationHeld()
    {
        var model = Capped(totalCap: false);
        var count = (Vector<long>.Count * 2) + 3;
        var totals = Enumerable.Repeat(77L, count).ToArray();

        model.CapTotals(new long[2 * count], count, totals);

        Assert.All(totals, t => Assert.Equal(0L, t));
    }

    private sealed class Reports(List<BulkScoringProgress> reports) : IProgress<BulkScoringProgress>
    {
        public void Report(BulkScoringProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
