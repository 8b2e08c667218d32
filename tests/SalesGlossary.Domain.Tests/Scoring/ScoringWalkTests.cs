using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SalesGlossary.Domain.Tests.Scoring.Conformance;

namespace SalesGlossary.Domain.Tests.Scoring;

/// <summary>The single scoring walk at its edges: extreme decay parameters, an integrator's own lead type, and cancellation.</summary>
public class ScoringWalkTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Points up to a billion, percents and periods with many decimals: every integer width of the decay (64-bit, 128-bit, arbitrary) agrees with exact fractions.</summary>
    [Property(MaxTest = 200)]
    public Property Decay_IsExact_ForExtremePointsPercentsAndPeriods() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var points = Math.Round((decimal)(random.NextDouble() * 2 - 1) * new[] { 1m, 100m, 1_000_000m, 1_000_000_000m }[random.Next(4)], 2);
            var percent = Math.Max(0.000001m, Math.Round((decimal)random.NextDouble() * 100m, random.Next(7)));
            var everyDays = Math.Max(0.0001m, Math.Round((decimal)random.NextDouble() * new[] { 0.01m, 30m, 10_000m, 1_000_000_000m }[random.Next(4)], random.Next(5)));
            var zeroDays = (double)(everyDays * 100m / percent);
            var ages = Enumerable.Range(0, 6).Select(_ => random.Next(3) switch
            {
                0 => (long)(Math.Min(zeroDays, 100_000) * TimeSpan.TicksPerDay) + random.Next(-2, 3),
                1 => (long)(random.NextDouble() * Math.Min(zeroDays, 100_000) * TimeSpan.TicksPerDay),
                _ => random.NextInt64(0, 200L * 365 * TimeSpan.TicksPerDay),
            }).Select(a => Math.Max(0, a)).ToArray();
            var json = "{\"WorkflowName\":\"decay\",\"ScoringModel\":{\"Version\":\"1\"},\"Rules\":[{\"RuleName\":\"Touch\",\"Expression\":\"true\",\"Properties\":"
                + string.Create(CultureInfo.InvariantCulture, $"{{\"points\":{points},\"group\":\"engagement\",\"decay\":{{\"percent\":{percent},\"everyDays\":{everyDays}}}}}")
                + "}]}";
            var lead = new LeadFacts
            {
                Id = "L",
                Activities = [.. ages.Select(a => new LeadActivity { Type = "Any", OccurredAt = new DateTimeOffset(AsOf.UtcTicks - a, TimeSpan.Zero) })],
            };

            var model = LeadScoringModel.Load(json);
            var expected = ReferenceScorer.Score(json, lead, AsOf);
            var score = model.Score(lead, AsOf);
            var totals = new decimal[1];
            model.ScoreTotals([lead], AsOf, totals);

            Assert.Equal(expected.Contributions.Select(c => c.DecayedPoints), score.Contributions.Select(c => c.DecayedPoints));
            Assert.Equal(expected.Total, score.Total);
            Assert.Equal(score.Total, totals[0]);
        });

    [Fact]
    public void OwnLeadType_BothSinks_FollowTheSemantics()
    {
        var json = """
            {
              "WorkflowName": "accounts",
              "ScoringModel": { "Version": "1", "TotalCap": 12 },
              "Rules": [
                { "RuleName": "Region", "Operator": "Or", "Properties": { "points": 10 },
                  "Rules": [ { "RuleName": "Region.Emea", "Expression": "lead.Region.StartsWith(\"EU\")" }, { "RuleName": "Region.Tier", "Expression": "lead.Tier == 1" } ] },
                { "RuleName": "Early", "Expression": "lead.Region.CompareTo(\"M\") < 0", "Properties": { "points": 1 } },
                { "RuleName": "Visit", "Expression": "activity.Page == \"/pricing\"",
                  "Properties": { "points": 3, "group": "engagement", "windowDays": 1000, "decay": { "percent": 0.5, "everyDays": 3 } } }
              ]
            }
            """;
        var model = LeadScoringModel.LoadFor<Account, Visit>(json, a => a.Visits, v => v.At);
        var account = new Account(null, 1, [
            new Visit(AsOf.AddDays(-49), "/pricing"),
            new Visit(AsOf.AddDays(-1000).AddTicks(-1), "/pricing"),
            new Visit(AsOf.AddDays(-1000), "/pricing"),
            new Visit(AsOf.AddDays(1), "/pricing"),
        ]);

        var score = model.Score(account, AsOf);
        var totals = new decimal[1];
        var summary = model.ScoreTotals([account], AsOf, totals);

        // Region matches through its second child although the first fails; Early fails on the null region (never scores);
        // the 49-day visit decays to exactly 2.755 → 2.76; the visit one tick past 1,000 days and the future one do not count.
        Assert.Equal(["Region", "Visit", "Visit"], score.Contributions.Select(c => c.Rule));
        Assert.Equal([10m, 2.76m, 0m], score.Contributions.Select(c => c.DecayedPoints));
        Assert.Equal([new ScoringError("Region.Emea", null, "NullReferenceException: Object reference not set to an instance of an object."), new ScoringError("Early", null, "NullReferenceException: Object reference not set to an instance of an object.")], score.Errors);

        // The total cap of 12 trims the latest rule first: the visits, oldest first.
        Assert.Equal(12m, score.Total);
        Assert.Equal([10m, 2m, 0m], score.Contributions.Select(c => c.Points));
        Assert.Equal((12m, 1L), (totals[0], summary.Incomplete));
    }

    [Fact]
    public void CancelledBulkRun_StopsWithOperationCanceled_NotARuleError()
    {
        var model = LeadScoringModel.LoadSample();
        var leads = Enumerable.Range(0, 100).Select(i => new LeadFacts { Id = "L-" + i, JobTitle = "VP", Industry = "Software", Employees = 300, Country = "DE", Activities = [] }).ToArray();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => model.ScoreTotalsParallel(leads, AsOf, new decimal[100], null, new BulkScoringOptions { BatchSize = 10 }, cancellation.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => model.Score(leads[0], AsOf, cancellation.Token));
    }

    /// <summary>Activities in any order, with ties at one instant, on both sides of the insertion sort's limit of 16: the walk's order and totals match the reference.</summary>
    [Property(MaxTest = 60)]
    public Property ActivityOrder_WithTiesAndManyActivities_MatchesTheReference() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var json = LeadScoringModel.SampleJson;
            var types = new[] { "EmailOpen", "PageView", "EmailClick", "WebinarAttended", "ContentDownload", "DemoRequest" };
            var instants = Enumerable.Range(0, 4).Select(_ => AsOf.AddMinutes(-random.Next(0, 60 * 24 * 40))).ToArray();
            var lead = new LeadFacts { Id = "L", JobTitle = "VP", Industry = "Software", Employees = 300, Country = "DE", Activities = [.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => new LeadActivity { Type = types[random.Next(types.Length)], OccurredAt = instants[random.Next(instants.Length)], Url = random.Next(2) == 0 ? "/pricing" : null, JourneyStage = "Decision" })] };
            var model = LeadScoringModel.LoadSample();

            var expected = ReferenceScorer.Score(json, lead, AsOf);
            var score = model.Score(lead, AsOf);
            var totals = new decimal[1];
            model.ScoreTotals([lead], AsOf, totals);

            return (score.Total == expected.Total && totals[0] == expected.Total
                && score.Contributions.Select(c => (c.Rule, c.ActivityIndex, c.Points)).SequenceEqual(expected.Contributions.Select(c => (c.Rule, c.ActivityIndex, c.Points))))
                .Label($"seed {seed}: walk {score.Total}, bulk {totals[0]}, reference {expected.Total}");
        });

    [Fact]
    public void ExplainedContributions_ReadFromTwoThreadsAtOnce_AreBuiltOnceAndAddUp()
    {
        var model = LeadScoringModel.LoadSample();
        var lead = new LeadFacts { Id = "L", JobTitle = "VP", Industry = "Software", Employees = 300, Country = "DE", Activities = [.. Enumerable.Range(0, 12).Select(i => new LeadActivity { Type = i % 2 == 0 ? "EmailOpen" : "WebinarAttended", OccurredAt = AsOf.AddDays(-i) })] };

        for (var round = 0; round < 50; round++)
        {
            var score = model.Score(lead, AsOf);
            using var start = new Barrier(2);
            var lists = new ScoreContribution[2][];
            var readers = Enumerable.Range(0, 2).Select(t => new Thread(() =>
            {
                start.SignalAndWait();
                lists[t] = [.. score.Contributions];
            })).ToArray();
            foreach (var reader in readers)
            {
                reader.Start();
            }

            foreach (var reader in readers)
            {
                reader.Join();
            }

            Assert.Equal(score.Contributions.Count, lists[0].Length);
            Assert.True(lists[0].Zip(lists[1]).All(p => ReferenceEquals(p.First, p.Second)), "both readers see the same records");
            Assert.True(score.Contributions.Select((c, i) => ReferenceEquals(c, score.Contributions[i])).All(same => same));
            Assert.Equal(score.Total, score.Contributions.Sum(c => c.Points));
            Assert.All(score.Contributions, c => Assert.False(string.IsNullOrEmpty(c.Explanation)));
        }
    }

    public sealed record Account(string? Region, int Tier, IReadOnlyList<Visit> Visits);

    public sealed record Visit(DateTimeOffset At, string? Page);
}
