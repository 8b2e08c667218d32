using BenchmarkDotNet.Attributes;
using SalesGlossary.Domain;

namespace SalesGlossary.Benchmarks.Lifecycle;

/// <summary>
/// Re-evaluating 100,000 contacts after a rescoring. Results are per contact (OperationsPerInvoke).
/// The baseline builds a Stateless machine per contact, which is what the library avoids.
/// </summary>
[MemoryDiagnoser]
public class LifecycleReevaluationBenchmarks
{
    private const int Contacts = 100_000;
    private readonly LifecyclePolicy policy = LifecyclePolicy.Default;
    private readonly TimeProvider time = TimeProvider.System;
    private Contact[] leads = [];
    private Contact[] fresh = [];
    private decimal[] lowScores = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        leads = [.. Enumerable.Range(0, Contacts).Select(i => Contact.Create("C-" + i, LifecycleStage.Lead, policy, time, By.Integration))];
        lowScores = [.. Enumerable.Range(0, Contacts).Select(_ => (decimal)random.Next(0, 99))];
    }

    [IterationSetup(Target = nameof(ScorePromotesEveryContact))]
    public void CreateFreshLeads() =>
        fresh = [.. Enumerable.Range(0, Contacts).Select(i => Contact.Create("C-" + i, LifecycleStage.Lead, policy, time, By.Integration))];

    [Benchmark(Baseline = true, OperationsPerInvoke = Contacts)]
    public int MachinePerContact()
    {
        var permitted = 0;
        for (var i = 0; i < leads.Length; i++)
        {
            var slot = new LifecycleMachine(policy, drawing: false);
            slot.Bind(leads[i], null);
            permitted += slot.Machine.CanFire(LifecycleTrigger.ReachMqlThreshold) ? 1 : 0;
        }

        return permitted;
    }

    [Benchmark(OperationsPerInvoke = Contacts)]
    public int ScoreBelowThreshold()
    {
        var moves = 0;
        for (var i = 0; i < leads.Length; i++)
        {
            moves += leads[i].ApplyScore(lowScores[i], By.System).Count;
        }

        return moves;
    }

    [Benchmark(OperationsPerInvoke = Contacts)]
    public int CanTakeOnSharedMachine()
    {
        var permitted = 0;
        for (var i = 0; i < leads.Length; i++)
        {
            permitted += leads[i].CanTake(LifecycleTrigger.ReachMqlThreshold) ? 1 : 0;
        }

        return permitted;
    }

    [Benchmark(OperationsPerInvoke = Contacts)]
    public int ScorePromotesEveryContact()
    {
        var moves = 0;
        for (var i = 0; i < fresh.Length; i++)
        {
            moves += fresh[i].ApplyScore(150m, By.System).Count;
        }

        return moves;
    }
}
