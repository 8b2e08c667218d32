using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using FsCheck.Fluent;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace SalesGlossary.Domain.Tests.Reliability;

/// <summary>Stress tests bounded in time: a shared scorer while models are published, and aggregates hit by several threads.</summary>
public class ConcurrencyStressTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task SharedScorer_WhileModelsArePublished_ScoresEveryLeadWithExactlyOneModelVersion()
    {
        var a = LeadScoringModel.LoadSample();
        var changed = JsonNode.Parse(LeadScoringModel.SampleJson)!;
        changed["ScoringModel"]!["Version"] = "2.0.0";
        changed["Rules"]!.AsArray().First(r => (string?)r!["RuleName"] == "WebinarAttended")!["Properties"]!["points"] = 40;
        var b = LeadScoringModel.Load(changed.ToJsonString());
        var byVersion = new Dictionary<string, LeadScoringModel<LeadFacts, LeadActivity>> { [a.Version] = a, [b.Version] = b };
        var leads = Generators.Leads().Sample(200, 30).ToArray();
        var expected = byVersion.ToDictionary(m => m.Key, m => leads.Select(l => m.Value.Score(l, Generators.ScoringNow).Total).ToArray());
        var scorer = new LeadScorer<LeadFacts, LeadActivity>(a);
        var failures = new ConcurrentQueue<string>();
        long checkedScores = 0;
        long publishes = 0;
        // A deadline read from a stopwatch, not a timer: busy workers must not be able to starve their own stop signal.
        var deadline = Stopwatch.StartNew();
        bool Running() => deadline.Elapsed < Duration;

        var publisher = Task.Factory.StartNew(() =>
        {
            while (Running())
            {
                scorer.Publish(Interlocked.Increment(ref publishes) % 2 == 0 ? a : b);
            }
        }, TaskCreationOptions.LongRunning);
        var single = Enumerable.Range(0, 2).Select(worker => Task.Factory.StartNew(() =>
        {
            var i = worker;
            while (Running())
            {
                var index = i++ % leads.Length;
                var score = scorer.Score(leads[index], Generators.ScoringNow);
                if (score.Total != expected[score.ModelVersion][index])
                {
                    failures.Enqueue($"lead {index}: {score.Total} from version {score.ModelVersion}, expected {expected[score.ModelVersion][index]}");
                }

                Interlocked.Increment(ref checkedScores);
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        var streaming = Task.Run(async () =>
        {
            while (Running())
            {
                var index = 0;
                await foreach (var scored in scorer.ScoreEachAsync(leads.ToAsyncEnumerable(), Generators.ScoringNow, new BulkScoringOptions { BatchSize = 16 }))
                {
                    if (scored.Total != expected[scored.ModelVersion][index])
                    {
                        failures.Enqueue($"streamed lead {index}: {scored.Total} from version {scored.ModelVersion}");
                    }

                    index++;
                    Interlocked.Increment(ref checkedScores);
                }
            }
        });

        await Task.WhenAll([publisher, streaming, .. single]);

        output.WriteLine($"{checkedScores} scores checked while the model was published {publishes} times; {failures.Count} mismatches.");
        Assert.Empty(failures);
        Assert.True(checkedScores > 1000 && publishes > 10, $"Too little concurrency to mean anything: {checkedScores} scores, {publishes} publishes.");
    }

    [Fact]
    public async Task Contact_HitByManyThreads_RefusesOverlappingChanges_AndKeepsAValidHistory()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        long operations = 0;
        long refused = 0;
        var unexpected = new ConcurrentQueue<Exception>();
        var watch = Stopwatch.StartNew();
        for (var round = 0; round < 200; round++)
        {
            var contact = Contact.Create("C-" + round, LifecycleStage.Lead, LifecyclePolicy.Default, time, By.Integration);
            using var start = new Barrier(4);
            var workers = Enumerable.Range(0, 4).Select(worker => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                for (var i = 0; i < 25; i++)
                {
                    try
                    {
                        switch ((worker + i) % 5)
                        {
                            case 0: contact.ApplyScore(150, By.System); break;
                            case 1: contact.AcceptBySales(By.Sales); break;
                            case 2: contact.ReturnToMarketing("Not ready", By.Sales); break;
                            case 3: contact.RecordConnectAttempt(new ConnectAttempt(time.GetUtcNow(), ConnectChannel.Phone, ConnectOutcome.NoAnswer), Actor.Sales); break;
                            default: contact.Override(LifecycleStage.Lead, null, "reset", By.Marketing); break;
                        }
                    }
                    catch (InvalidOperationException)
                    {
                        Interlocked.Increment(ref refused);
                    }
                    catch (ArgumentException)
                    {
                        Interlocked.Increment(ref refused);
                    }
                    catch (Exception e)
                    {
                        unexpected.Enqueue(e);
                    }

                    Interlocked.Increment(ref operations);
                }
            }, TaskCreationOptions.LongRunning)).ToArray();
            await Task.WhenAll(workers);

            // Whatever interleaving happened, the history is still a valid chain that rehydrates.
            var copy = Contact.Rehydrate(contact.ToState(), LifecyclePolicy.Default, time);
            Assert.Equal(contact.History.Count, copy.History.Count);
            Assert.Equal(contact.Stage, copy.Stage);
        }

        output.WriteLine($"{operations} concurrent operations on 200 contacts in {watch.Elapsed.TotalSeconds:0.0} s; {refused} refused; histories all valid.");
        Assert.Empty(unexpected);
    }
}
