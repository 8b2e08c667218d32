using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace SalesGlossary.Domain.Extensions.Tests;

/// <summary>Runs alone: its two scoring threads keep both cores busy, which must not starve the real-time waits of other tests.</summary>
[CollectionDefinition(nameof(ReloadAttackCollection), DisableParallelization = true)]
public sealed class ReloadAttackCollection;

/// <summary>Reloads that go wrong while the application scores: never a mixed or half-applied model.</summary>
[Collection(nameof(ReloadAttackCollection))]
public sealed class ReloadAttackTests
{
    [Fact]
    public async Task BrokenAndTruncatedEdits_WhileTwoThreadsScore_NeverReachAScore_AndNoRunMixesModels()
    {
        using var files = new TestFiles();
        var agreementPath = files.Write("agreement.json", Agreement("v0"));
        var modelPath = files.Write("model.json", Model(0));
        using var harness = new Harness(o =>
        {
            o.AgreementFile = agreementPath;
            o.ScoringModelFiles["sample-lead-scoring"] = modelPath;
            o.ReloadOnChange = false;
        });
        var scoring = harness.Scoring;
        Assert.Equal(1, harness.Provider.Current.Generation);
        var leads = Enumerable.Range(0, 64).Select(i => TestFiles.Lead("L-" + i, i % 2 == 0 ? "VP Marketing" : "Head of operations") with { Employees = 10 + i }).ToArray();

        // What each version gives, computed apart from the provider: a run's totals must all be one version's.
        var expected = new ConcurrentDictionary<string, decimal[]>();
        void Expect(int round)
        {
            var reference = LeadScoringModel.Load(Model(round));
            var totals = new decimal[leads.Length];
            reference.ScoreTotals(leads, Harness.Start, totals);
            expected[reference.Version] = totals;
        }

        Expect(0);

        // Checked as they come, not kept: the two threads produce results for as long as the reloads take, and keeping
        // every one of them would grow without bound.
        var validVersions = new HashSet<string>(["r0", .. Enumerable.Range(1, 15).Where(r => r % 5 is 0 or 1).Select(r => "r" + r)]);
        var wrong = new ConcurrentQueue<string>();
        var runCount = 0;
        var explainedCount = 0;
        using var stop = new CancellationTokenSource();
        // Dedicated threads: two busy loops on the thread pool of a two-core machine would starve the reloads' own continuations.
        var bulk = Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var totals = new decimal[leads.Length];
                var summary = scoring.ScoreTotalsParallel("new-prospect", leads, Harness.Start, totals, new BulkScoringOptions { MaxDegreeOfParallelism = 2, BatchSize = 8 });
                if (!validVersions.Contains(summary.ModelVersion) || !expected.TryGetValue(summary.ModelVersion, out var want) || !want.AsSpan().SequenceEqual(totals))
                {
                    wrong.Enqueue("bulk run with " + summary.ModelVersion + ": " + string.Join(", ", totals));
                }

                Interlocked.Increment(ref runCount);
            }
        }, TaskCreationOptions.LongRunning);
        var single = Task.Factory.StartNew(() =>
        {
            var i = 0;
            while (!stop.IsCancellationRequested)
            {
                var score = scoring.Score("new-prospect", leads[i++ % leads.Length], Harness.Start);
                var points = (int)score.Contributions.Where(c => c.Rule == "Round").Sum(c => c.ConfiguredPoints);
                if (!validVersions.Contains(score.ModelVersion) || score.ModelVersion != "r" + points.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    wrong.Enqueue("score with " + score.ModelVersion + " and " + points + " round points");
                }

                Interlocked.Increment(ref explainedCount);
            }
        }, TaskCreationOptions.LongRunning);

        var published = new HashSet<string> { "r0" };
        var version = 0;
        for (var round = 1; round <= 15; round++)
        {
            var (agreement, model, valid) = (round % 5) switch
            {
                1 => (Agreement("v" + round), Model(round), true),
                2 => (Agreement("v" + round), Model(round)[..(Model(round).Length / 2)], false), // a model file caught half written
                3 => (Agreement("v" + round)[..100], Model(round), false), // a valid model beside a truncated agreement: neither is published
                4 => (Agreement("v" + round), TestFiles.HostileModel(), false),
                _ => (Agreement("v" + round), Model(round), true),
            };
            Expect(round);
            files.Write("agreement.json", agreement);
            files.Write("model.json", model);

            var reload = await harness.Provider.ReloadAsync();

            Assert.Equal(valid ? AgreementReloadOutcome.Published : AgreementReloadOutcome.Rejected, reload.Outcome);
            Assert.Equal(valid, reload.Problems.Count == 0);
            if (valid)
            {
                version = round;
                published.Add("r" + round);
            }

            var current = harness.Provider.Current;
            Assert.Equal("v" + version, current.Agreement.Version);
            Assert.Equal("r" + version, current.ScoringModel("sample-lead-scoring").Version);
            await Task.Delay(5);
        }

        await stop.CancelAsync();
        await Task.WhenAll(bulk, single);
        Assert.True(runCount > 0);
        Assert.True(explainedCount > 0);
        Assert.Empty(wrong);
        Assert.Equal(validVersions.Order(), published.Order());
        Assert.Equal(7, harness.Provider.Current.Generation);
        Assert.Equal(9, harness.Logs.GetSnapshot().Count(r => r.Id.Name == "DocumentsRejected"));
    }

    /// <summary>The sample model at version <c>r{round}</c>, with a rule worth <c>round</c> points for every lead, so that each version gives other totals.</summary>
    private static string Model(int round)
    {
        var node = JsonNode.Parse(TestFiles.Model("r" + round))!;
        if (round > 0)
        {
            node["Rules"]!.AsArray().Add(JsonNode.Parse("{\"RuleName\":\"Round\",\"Expression\":\"lead.Employees > 0\",\"Properties\":{\"points\":" + round + "}}"));
        }

        return node.ToJsonString();
    }

    private static string Agreement(string version)
    {
        var node = JsonNode.Parse(ServiceLevelAgreement.DefaultJson)!;
        node["version"] = version;
        return node.ToJsonString();
    }
}
