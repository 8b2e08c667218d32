using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>
/// The bulk path of lead-only models leaves the work meter's text charges out while every text the rules read is short
/// enough that the meter could not act, and keeps them beyond. Around that length, on both sides, totals, completeness
/// and budget stops must be those of the metered walk (<c>Score</c>, and the bulk path that records matched rules).
/// </summary>
public class ShortTextsTests
{
    private static readonly DateTimeOffset Now = Generators.ScoringNow;

    /// <summary>Text rules with constant needles of several lengths, comparisons of two texts, and rules that fail on null.</summary>
    private static readonly string[] TextRules =
    [
        "lead.JobTitle != null && lead.JobTitle.Contains(\"VP\")",
        "lead.JobTitle.Contains(\"Director\") || lead.JobTitle.Contains(\"x\")",
        "lead.JobTitle != null && (lead.JobTitle.StartsWith(\"Chief\") || lead.JobTitle.EndsWith(\"xxxxxxxxxxxxxxxx\"))",
        "lead.Email != null && lead.Email.EndsWith(\"@gmail.com\")",
        "lead.Email.Contains(\"xx\", StringComparison.OrdinalIgnoreCase)",
        "lead.JobTitle.Equals(lead.Department, StringComparison.OrdinalIgnoreCase)",
        "lead.Department == \"Marketing\"",
        "lead.Industry == \"Software\" && lead.JobTitle != null && lead.JobTitle.IndexOf(\"Head\", StringComparison.Ordinal) >= 0",
        "lead.Unsubscribed",
    ];

    /// <summary>Lengths a tick either side of where a rule of needles summing to 1–24 characters reaches each stride.</summary>
    private static readonly int[] EdgeLengths =
        [.. new[] { 1_000, 1_500, 4_096 }.SelectMany(s => Enumerable.Range(1, 24).SelectMany(k => new[] { (s / k) - 1, s / k, (s / k) + 1, (s - 9) / k, ((s - 9) / k) + 1 })).Where(l => l >= 0).Distinct()];

    [Property(MaxTest = 80)]
    public Property BulkTotals_OnTextsAroundTheMetersStride_AreTheMeteredWalks() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(0, TextRules.Length - 1)).Select(r => r.Distinct().ToArray()).ToArbitrary(),
            Gen.Elements(1_000, 1_500, 4_096, 9_000, 1_000_000).ToArbitrary(),
            Gen.ArrayOf(EdgeLead(), 8).ToArbitrary(),
            (rules, budget, leads) =>
            {
                var json = ModelJson.WithRules([.. rules.Select((r, i) => $"{{\"RuleName\":\"T{i}\",\"Expression\":{System.Text.Json.JsonSerializer.Serialize(TextRules[r])},\"Properties\":{{\"points\":{i + 1},\"group\":\"{(i % 2 == 0 ? "fit" : "engagement")}\",\"scope\":\"lead\"}}}}"), "{\"RuleName\":\"Base\",\"Expression\":\"true\",\"Properties\":{\"points\":1}}"]);
                var model = LeadScoringModel.Load(json, new ScoringLimits { MaxWorkPerRule = budget, MaxActivitiesPerLead = 10, MaxBuiltTextLength = 100 });
                var totals = new decimal[leads.Length];
                var summary = model.ScoreTotals(leads, Now, totals);
                var withMatches = new decimal[leads.Length];
                var matchedSummary = model.ScoreTotals(leads, Now, withMatches, new ulong[leads.Length * model.MatchWordsPerLead]);

                var failures = new StringBuilder();
                for (var i = 0; i < leads.Length; i++)
                {
                    var score = model.Score(leads[i], Now);
                    if (score.Total != totals[i] || score.Total != withMatches[i])
                    {
                        failures.Append(CultureInfo.InvariantCulture, $"lead {i} (title {leads[i].JobTitle?.Length}, email {leads[i].Email?.Length}): explained {score.Total}, bulk {totals[i]}, with matches {withMatches[i]}; ");
                    }
                }

                var incomplete = leads.Count(l => !model.Score(l, Now).IsComplete);
                return (failures.Length == 0 && summary.Incomplete == incomplete && matchedSummary.Incomplete == incomplete)
                    .Label($"{json} budget {budget}: {failures} incomplete {summary.Incomplete}, {matchedSummary.Incomplete}, explained {incomplete}");
            });

    [Theory]
    [InlineData(1_000, 200, true)]
    [InlineData(1_000, 201, false)]
    [InlineData(1_000_000, 512, true)]
    [InlineData(1_000_000, 513, false)]
    public void TryUnmeter_ASearchForAConstant_IsFreeUpToTheLengthWhereItsWorkReachesTheStride(long budget, int length, bool shortEnough)
    {
        // Five characters of needle: a budget of 1,000 settles past 1,000 units (200 characters); a large budget past the stride of 4,096 (8 characters: 512).
        var needle = budget == 1_000 ? "sales" : "VP Sales";
        var lead = Expression.Parameter(typeof(LeadFacts), "lead");
        var activity = Expression.Parameter(typeof(LeadActivity), "activity");
        var title = Expression.Property(lead, nameof(LeadFacts.JobTitle));
        var body = WorkMetering.Instrument(Expression.Call(title, typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!, Expression.Constant(needle)), budget);

        Assert.True(ShortTexts.TryUnmeter([body], lead, activity, out var unmetered, out var guard));
        var test = Expression.Lambda<Func<LeadFacts, LeadActivity, bool>>(guard, lead, activity).Compile();
        Assert.Equal(shortEnough, test(new LeadFacts { Id = "L-1", JobTitle = new string('x', length) }, null!));
        Assert.True(test(new LeadFacts { Id = "L-1", JobTitle = null }, null!));
        Assert.DoesNotContain(nameof(WorkMeter.SearchInRule), unmetered[0].ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lead.JobTitle.ToLower().Contains(\"vp\")")]
    [InlineData("lead.Activities.Any(a => a.Url.Contains(\"/pricing\"))")]
    public void TryUnmeter_RulesMeteredOtherwise_KeepTheirMeter(string expression)
    {
        var model = LeadScoringModel.Load(ModelJson.WithRule(expression), new ScoringLimits { MaxActivitiesPerLead = 100, MaxBuiltTextLength = 100 });
        var body = model.PlannedRules().Single().Body;

        Assert.False(ShortTexts.TryUnmeter([body], model.LeadParameter, model.ActivityParameter, out _, out _));
    }

    [Fact]
    public void BulkTotals_ALongTextPastTheBudget_AreStoppedAsTheWalkStopsThem()
    {
        var model = LeadScoringModel.Load(
            ModelJson.WithRules(
                "{\"RuleName\":\"Vp\",\"Expression\":\"lead.JobTitle.Contains(\\\"VP\\\")\",\"Properties\":{\"points\":10}}",
                "{\"RuleName\":\"De\",\"Expression\":\"lead.Country == \\\"DE\\\"\",\"Properties\":{\"points\":5}}"),
            new ScoringLimits { MaxWorkPerRule = 1_000, MaxActivitiesPerLead = 10, MaxBuiltTextLength = 100 });
        LeadFacts[] leads =
        [
            new LeadFacts { Id = "L-1", Country = "DE", JobTitle = new string('x', 498) + "VP" },
            new LeadFacts { Id = "L-2", Country = "DE", JobTitle = new string('x', 499) + "VP" },
            new LeadFacts { Id = "L-3", Country = "DE", JobTitle = new string('x', 200_000) + "VP" },
        ];
        var totals = new decimal[3];

        var summary = model.ScoreTotals(leads, Now, totals);

        Assert.Equal([15m, 5m, 5m], totals);
        Assert.Equal(2, summary.Incomplete);
        Assert.Equal(totals, leads.Select(l => model.Score(l, Now).Total));
    }

    /// <summary>Leads whose title and email have lengths around the strides, or are null.</summary>
    private static Gen<LeadFacts> EdgeLead() =>
        from lead in Generators.Leads()
        from titleLength in Generators.OrNone(Gen.Elements(EdgeLengths))
        from emailLength in Generators.OrNone(Gen.Elements(EdgeLengths))
        from word in Gen.Elements("VP", "Chief", "Director", "Head", "x", "Sales")
        select lead with
        {
            JobTitle = titleLength is { } t ? Fill(word, t) : null,
            Email = emailLength is { } e ? Fill("@gmail.com", e) : null,
            Department = "Sales",
        };

    private static string Fill(string end, int length) => length <= end.Length ? end[..length] : new string('y', length - end.Length) + end;
}
