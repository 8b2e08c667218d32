using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// Hostile rules and leads against the bulk path that leaves the work meter's text charges out on short texts: for texts
/// a tick either side of the length where a rule could reach its stride or its budget, for null and empty texts, for
/// needles of every size, for built texts and null-guarded texts, for lead types whose texts are not plain
/// auto-properties, and on two threads, the bulk totals and failures must be those of <c>Score</c>.
/// </summary>
public class ShortTextsAttackTests
{
    private static readonly DateTimeOffset Now = Generators.ScoringNow;

    /// <summary>Budgets at the smallest allowed, a tick around the stride, and far above it.</summary>
    private static readonly long[] Budgets = [1_000, 1_001, 4_095, 4_096, 4_097, ScoringLimits.HardMaxWorkPerRule];

    /// <summary>Lengths a tick either side of budget / k and stride / k for the needles and operand counts the rules use.</summary>
    private static readonly int[] Lengths =
        [.. new[] { 1_000, 1_001, 4_095, 4_096, 4_097 }
            .SelectMany(s => new[] { 1, 2, 3, 4, 5, 8, 12, 600 }.SelectMany(k => new[] { (s / k) - 1, s / k, (s / k) + 1, ((s - 12) / k) + 1, (s - 12) / k }))
            .Concat([0, 1, 2, 3, 4, 5, 6, 7, 8, 50_000])
            .Where(l => l >= 0)
            .Distinct()
            .Order()];

    private static readonly string LongNeedle = string.Concat(Enumerable.Repeat("abcd", 150));

    private static readonly string HugeNeedle = string.Concat(Enumerable.Repeat("abcd", 249)) + "abc";

    /// <summary>Rules that search or compare texts of the lead, in both operand orders, guarded, built, and summed past the stride.</summary>
    public static TheoryData<string> Shapes => new()
    {
        "lead.JobTitle.Contains(\"abcd\")",
        "\"abcdabcdabcd\".Contains(lead.JobTitle)",
        "lead.JobTitle.StartsWith(\"ab\") && lead.Email.EndsWith(\"cd\")",
        "lead.JobTitle.EndsWith(\"abcd\") || lead.JobTitle.Contains(\"a\")",
        "lead.JobTitle.IndexOf(\"\") == 0",
        "lead.JobTitle.Contains('d')",
        "lead.JobTitle.Contains(\"" + LongNeedle + "\")",
        "lead.JobTitle.Contains(\"" + HugeNeedle + "\")",
        "\"" + LongNeedle + "\".Contains(lead.JobTitle)",
        "lead.JobTitle == lead.Email",
        "lead.JobTitle.Equals(lead.Email)",
        "lead.Email.Equals(lead.JobTitle)",
        "lead.JobTitle.Equals(lead.JobTitle)",
        "string.Compare(lead.JobTitle, lead.Email) <= 0",
        "string.Compare(lead.Email, lead.JobTitle, StringComparison.OrdinalIgnoreCase) >= 0",
        "lead.JobTitle.CompareTo(lead.Email) <= 0",
        "\"abcd\".CompareTo(lead.JobTitle) <= 0",
        "lead.JobTitle.Contains(\"abcd\") && lead.JobTitle.Contains(\"bcda\") && lead.JobTitle.StartsWith(\"abcdabcd\") && lead.JobTitle.EndsWith(lead.Email)",
        "lead.JobTitle.Contains(\"ABCD\", StringComparison.OrdinalIgnoreCase) && lead.Email.IndexOf(\"cd\", 1) >= 0",
        "(lead.JobTitle ?? \"abcd\").Contains(\"abcd\")",
        "lead.JobTitle == null ? false : lead.JobTitle.Contains(\"abcd\")",
        "iif(lead.JobTitle != null, lead.JobTitle.Contains(\"abcd\"), lead.Email.Contains(\"abcd\"))",
        "np(lead.JobTitle) != null && lead.JobTitle.Contains(\"abcd\")",
        "lead.JobTitle.ToLower().Contains(\"abcd\")",
        "lead.JobTitle.Trim() == lead.Email",
        "lead.JobTitle.Substring(1).StartsWith(\"bcd\")",
        "string.Concat(lead.JobTitle, lead.Email).Contains(\"dab\")",
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void BulkTotals_OfAHostileTextRule_AreScoresAtEveryEdgeLengthAndBudget(string expression)
    {
        foreach (var budget in Budgets)
        {
            var model = Load(budget, ("Hostile", expression));
            AssertBulkIsScore(model, EdgeLeads(), $"{expression} (budget {budget})");
        }
    }

    [Fact]
    public void BulkTotals_OfSeveralRulesReadingTheSameTexts_AreScores()
    {
        foreach (var budget in Budgets)
        {
            var model = Load(
                budget,
                ("Vp", "lead.JobTitle.Contains(\"abcd\")"),
                ("Head", "lead.JobTitle.StartsWith(\"abcdabcdabcd\")"),
                ("Same", "lead.JobTitle.Equals(lead.Email)"),
                ("Tail", "lead.Email.EndsWith(\"bcd\") && lead.JobTitle.Contains(\"dabc\")"),
                ("Free", "lead.Department == \"Sales\""));
            AssertBulkIsScore(model, EdgeLeads(), $"five rules (budget {budget})");
        }
    }

    [Fact]
    public void BulkTotals_WithCappedGroupsAndTotal_AreScoresOnShortAndLongTexts()
    {
        // The caps bind on most leads (fit 7 capped at 5, engagement 5 at 4, total 9 at 7), on the delegate without
        // charges (short texts) and on the metered one it falls back to (long texts) alike.
        var json = """
            {"WorkflowName":"capped","ScoringModel":{"Version":"1","TotalCap":7,"GroupCaps":{"fit":5,"engagement":4}},"Rules":[
              {"RuleName":"Title","Expression":"lead.JobTitle.Contains(\"abcd\")","Properties":{"points":4,"group":"fit"}},
              {"RuleName":"Mail","Expression":"lead.Email != null && lead.Email.EndsWith(\"cd\")","Properties":{"points":3,"group":"fit"}},
              {"RuleName":"Known","Expression":"lead.JobTitle != null","Properties":{"points":3,"group":"engagement","scope":"lead"}},
              {"RuleName":"Always","Expression":"true","Properties":{"points":2,"group":"engagement","scope":"lead"}},
              {"RuleName":"Sales","Expression":"lead.Department == \"Sales\"","Properties":{"points":-1,"group":"fit"}}]}
            """;
        foreach (var budget in Budgets)
        {
            var model = LeadScoringModel.Load(json, Limits(budget));
            AssertBulkIsScore(model, EdgeLeads(), $"capped groups (budget {budget})");
            Assert.Contains(EdgeLeads(), l => model.Score(l, Now).Total == 7m);
        }
    }

    [Theory]
    [InlineData(1_000, "abcd", 250)]
    [InlineData(1_000, "abcdabcd", 125)]
    [InlineData(1_001, "abcdabcdabcd", 83)]
    [InlineData(4_095, "abc", 1_365)]
    [InlineData(4_096, "abcd", 1_024)]
    public void BulkTotals_AtTheLastFreeLengthAndOnePast_StopExactlyWhereScoreStops(long budget, string needle, int lastFree)
    {
        // A search of one text for a constant needle costs |text| × |needle|; with a budget at most the stride the meter
        // stops the rule past the budget, so the last free length is ⌊budget / |needle|⌋ and one character more is stopped.
        var model = Load(budget, ("Search", $"lead.JobTitle.Contains(\"{needle}\")"));
        LeadFacts[] leads = [Lead(lastFree - 1, null), Lead(lastFree, null), Lead(lastFree + 1, null), Lead(lastFree * 2, null)];
        var totals = new decimal[leads.Length];
        var summary = model.ScoreTotals(leads, Now, totals);

        var scores = leads.Select(l => model.Score(l, Now)).ToArray();
        Assert.Equal(scores.Select(s => s.Total), totals);
        Assert.Equal(2, summary.Incomplete);
        Assert.DoesNotContain(scores[1].Errors, e => e.Rule == "Search");
        Assert.Contains(scores[2].Errors, e => e.Rule == "Search");
    }

    [Fact]
    public void BulkTotals_OfAnIntegratorsLeadWithComputedAndHidingTexts_AreScores()
    {
        var json = ModelJson.WithRules(
            Rule("Title", "lead.Title.Contains(\"abcd\")"),
            Rule("Shout", "lead.Shout.Contains(\"ABCD\")"),
            Rule("Kind", "lead.Kind == \"x\" && lead.Fragile.Contains(\"abcd\")"),
            Rule("Base", "lead.Region.StartsWith(\"ab\")"));
        var model = LeadScoringModel.LoadFor<IntegratorLead, Touch>(json, _ => [], t => t.At, Limits(1_000));
        IntegratorLead[] leads =
        [
            .. Lengths.Select(n => new IntegratorLead { Title = Text(n), Region = Text(n), Fragile = Text(n), Kind = n % 2 == 0 ? "x" : "y" }),
            new OverridingLead { Title = "abcd", Region = "ab", Fragile = "abcd", Kind = "x" },
            new OverridingLead { Title = null, Region = null, Fragile = null, Kind = "x" },
            new IntegratorLead(),
        ];

        AssertBulkIsScore(model, leads, "integrator lead");
    }

    [Fact]
    public void BulkTotals_OfTextsWhoseGetterRunsCode_ReadThemOnlyWhereTheRulesDo()
    {
        // A getter with a body over a backing field ("field" keyword), and a virtual auto-property a subclass overrides,
        // are not plain reads: the bulk path must not read them where the rule does not (here, past a failed guard), or
        // a getter that throws OperationCanceledException (a cancelled lazy load) escapes the bulk call that Score completes.
        var json = ModelJson.WithRules(
            Rule("Loaded", "lead.Kind == \"x\" && lead.Lazy.Contains(\"abcd\")"),
            Rule("Named", "lead.Kind == \"x\" && lead.Title.StartsWith(\"ab\")"));
        var model = LeadScoringModel.LoadFor<IntegratorLead, Touch>(json, _ => [], t => t.At, Limits(1_000));
        IntegratorLead[] leads =
        [
            new IntegratorLead { Kind = "y", Title = "abcd" },
            new IntegratorLead { Kind = "x", Title = "abcd", Lazy = "abcd" },
            new CancelledTitleLead { Kind = "y", Lazy = "abcd" },
        ];

        AssertBulkIsScore(model, leads, "getters running code");
    }

    [Theory]
    [InlineData(typeof(IntegratorLead), nameof(IntegratorLead.Kind), true)]
    [InlineData(typeof(IntegratorLead), nameof(IntegratorLead.Region), true)]
    [InlineData(typeof(StructLead), nameof(StructLead.Title), true)]
    [InlineData(typeof(IntegratorLead), nameof(IntegratorLead.Title), false)]
    [InlineData(typeof(CancelledTitleLead), nameof(CancelledTitleLead.Title), false)]
    [InlineData(typeof(IntegratorLead), nameof(IntegratorLead.Lazy), false)]
    [InlineData(typeof(IntegratorLead), nameof(IntegratorLead.Fragile), false)]
    [InlineData(typeof(IntegratorLead), nameof(IntegratorLead.Shout), false)]
    public void IsAutoProperty_OnlyAPlainGetterNoTypeCanOverride_IsAPlainRead(Type type, string name, bool plain) =>
        Assert.Equal(plain, ShortTexts.IsAutoProperty(type.GetProperty(name)!));

    [Fact]
    public void BulkTotals_OfAStructLead_AreScores()
    {
        var json = ModelJson.WithRules(
            Rule("Title", "lead.Title.Contains(\"abcd\")"),
            Rule("Both", "lead.Title.Equals(lead.Email) || lead.Email.StartsWith(\"abcdabcd\")"));
        var model = LeadScoringModel.LoadFor<StructLead, Touch>(json, _ => [], t => t.At, Limits(1_000));
        StructLead[] leads = [.. Lengths.Select(n => new StructLead(Text(n), Text(Math.Max(0, n - 1)))), default];

        AssertBulkIsScore(model, leads, "struct lead");
    }

    [Fact]
    public async Task BulkTotals_OnTwoThreadsAtOnce_AreScores()
    {
        var model = Load(1_000, ("Vp", "lead.JobTitle.Contains(\"abcd\")"), ("Mail", "lead.Email.EndsWith(\"abcd\") || lead.Email == lead.JobTitle"));
        var leads = EdgeLeads();
        var expected = leads.Select(l => model.Score(l, Now).Total).ToArray();
        var expectedIncomplete = leads.Count(l => !model.Score(l, Now).IsComplete);
        using var start = new Barrier(2);

        // Both threads compile the short-text delegate on first use at the same moment.
        var runs = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                var totals = new decimal[leads.Length];
                var summary = model.ScoreTotals(leads, Now, totals);
                return (totals, summary.Incomplete);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        var results = await Task.WhenAll(runs);

        foreach (var (totals, incomplete) in results)
        {
            Assert.Equal(expected, totals);
            Assert.Equal(expectedIncomplete, incomplete);
        }
    }

    [Fact]
    public void BulkTotalsParallel_CancelledThroughItsToken_StopsOnShortAndLongTexts()
    {
        var model = Load(1_000_000, ("Vp", "lead.JobTitle.Contains(\"abcd\")"));
        var leads = EdgeLeads();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => model.ScoreTotalsParallel(
            leads, Now, new decimal[leads.Length], null, new BulkScoringOptions { MaxDegreeOfParallelism = 2, BatchSize = 3 }, cancelled.Token));
    }

    private static void AssertBulkIsScore<TLead, TActivity>(LeadScoringModel<TLead, TActivity> model, TLead[] leads, string what)
    {
        var scores = leads.Select(l => model.Score(l, Now)).ToArray();
        var totals = new decimal[leads.Length];
        var summary = model.ScoreTotals(leads, Now, totals);
        var withMatches = new decimal[leads.Length];
        var matchedSummary = model.ScoreTotals(leads, Now, withMatches, new ulong[leads.Length * model.MatchWordsPerLead]);
        var parallel = new decimal[leads.Length];
        var parallelSummary = model.ScoreTotalsParallel(leads, Now, parallel, null, new BulkScoringOptions { MaxDegreeOfParallelism = 2, BatchSize = 7 });

        var failures = new StringBuilder();
        var one = new decimal[1];
        for (var i = 0; i < leads.Length; i++)
        {
            // One lead at a time tells which lead the bulk path found incomplete.
            var alone = model.ScoreTotals(leads.AsSpan(i, 1), Now, one).Incomplete == 1;
            if (scores[i].Total != totals[i] || scores[i].Total != withMatches[i] || scores[i].Total != parallel[i] || scores[i].Total != one[0] || alone == scores[i].IsComplete)
            {
                failures.Append(CultureInfo.InvariantCulture, $"lead {i} ({Describe(leads[i])}): Score {scores[i].Total} [{string.Join(", ", scores[i].Errors.Select(e => e.Rule))}], bulk {totals[i]}, with matches {withMatches[i]}, parallel {parallel[i]}, alone {one[0]} incomplete {alone}; ");
            }
        }

        var incomplete = scores.Count(s => !s.IsComplete);
        Assert.True(
            failures.Length == 0 && summary.Incomplete == incomplete && matchedSummary.Incomplete == incomplete && parallelSummary.Incomplete == incomplete,
            $"{what}: {failures} incomplete: Score {incomplete}, bulk {summary.Incomplete}, with matches {matchedSummary.Incomplete}, parallel {parallelSummary.Incomplete}");
    }

    private static string Describe<TLead>(TLead lead) => lead switch
    {
        LeadFacts facts => $"title {facts.JobTitle?.Length.ToString(CultureInfo.InvariantCulture) ?? "null"}, email {facts.Email?.Length.ToString(CultureInfo.InvariantCulture) ?? "null"}",
        IntegratorLead integrator => $"{integrator.GetType().Name} title {integrator.Title?.Length.ToString(CultureInfo.InvariantCulture) ?? "null"}",
        _ => lead?.ToString() ?? "null",
    };

    /// <summary>Every edge length for the title, with an email of the same, no, empty, or a just-past-budget length.</summary>
    private static LeadFacts[] EdgeLeads() =>
        [.. Lengths.SelectMany(n => new int?[] { n, null, 0, 251 }.Select(e => Lead(n, e))), Lead(null, null), Lead(null, 5)];

    private static LeadFacts Lead(int? title, int? email) => new()
    {
        Id = "L-" + (title?.ToString(CultureInfo.InvariantCulture) ?? "n") + "-" + (email?.ToString(CultureInfo.InvariantCulture) ?? "n"),
        JobTitle = title is { } t ? Text(t) : null,
        Email = email is { } e ? Text(e) : null,
        Department = "Sales",
    };

    /// <summary>"abcd" repeated to a length: every search of the rules matches once the text is long enough.</summary>
    private static string Text(int length) => string.Create(length, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = (char)('a' + (i % 4));
        }
    });

    private static ScoringLimits Limits(long budget) =>
        new() { MaxWorkPerRule = budget, MaxActivitiesPerLead = 1, MaxBuiltTextLength = 1, MaxExpressionLength = ScoringLimits.HardMaxExpressionLength };

    private static LeadScoringModel<LeadFacts, LeadActivity> Load(long budget, params (string Name, string Expression)[] rules) =>
        LeadScoringModel.Load(ModelJson.WithRules([.. rules.Select(r => Rule(r.Name, r.Expression)), Rule("Always", "true")]), Limits(budget));

    private static string Rule(string name, string expression) =>
        $"{{\"RuleName\":\"{name}\",\"Expression\":{JsonSerializer.Serialize(expression)},\"Properties\":{{\"points\":{(name.Length % 7) + 1},\"scope\":\"lead\"}}}}";

    /// <summary>An integrator's lead: an auto-property of a base type, a computed text, a getter that throws on long texts, and a virtual text a subclass overrides.</summary>
    public class IntegratorBase
    {
        /// <summary>Gets an auto-property declared on the base type.</summary>
        public string? Region { get; init; }
    }

    /// <summary>See <see cref="IntegratorBase"/>.</summary>
    public class IntegratorLead : IntegratorBase
    {
        /// <summary>Gets a virtual auto-property.</summary>
        public virtual string? Title { get; init; }

        /// <summary>Gets a text computed on each read (a new, longer string).</summary>
        public string? Shout => Title is null ? null : Title.ToUpperInvariant() + Title.ToUpperInvariant();

        /// <summary>Gets a text whose getter throws past 300 characters.</summary>
        public string? Fragile
        {
            get => field is { Length: > 300 } ? throw new InvalidOperationException("too long") : field;
            init;
        }

        /// <summary>Gets a text loaded on first read; reading it before it was loaded throws as a cancelled load does.</summary>
        public string? Lazy
        {
            get => field ?? throw new OperationCanceledException("The text was not loaded.");
            init;
        }

        /// <summary>Gets a kind that guards the fragile text.</summary>
        public string? Kind { get; init; }
    }

    /// <summary>Overrides the virtual title with a huge computed text.</summary>
    public sealed class OverridingLead : IntegratorLead
    {
        /// <summary>Gets a text of 200,000 characters, past every budget.</summary>
        public override string? Title => base.Title is null ? null : Text(200_000);
    }

    /// <summary>Overrides the virtual title with a getter whose load was cancelled.</summary>
    public sealed class CancelledTitleLead : IntegratorLead
    {
        /// <summary>Gets nothing: reading it throws as a cancelled load does.</summary>
        public override string? Title => throw new OperationCanceledException("The title was not loaded.");
    }

    /// <summary>A lead that is a value type.</summary>
    public readonly record struct StructLead(string? Title, string? Email);

    /// <summary>An activity the integrator's leads never have.</summary>
    public sealed record Touch(DateTimeOffset At);
}
