using BenchmarkDotNet.Attributes;
using SalesGlossary.Domain;

namespace SalesGlossary.Benchmarks.Agreement;

/// <summary>
/// The machine cache per owner: one thread asking contacts of two lifecycle policies and deals of two pipelines in
/// turn (as a rescoring of a database with two lead types does) against one policy and one pipeline. Results are per
/// contact-and-deal pair (OperationsPerInvoke); no call makes a transition, so none may allocate.
/// </summary>
[MemoryDiagnoser]
public class MachineCacheBenchmarks
{
    private const int Pairs = 20_000;
    private Contact[] oneContacts = [];
    private Deal[] oneDeals = [];
    private Contact[] twoContacts = [];
    private Deal[] twoDeals = [];

    [GlobalSetup]
    public void Setup()
    {
        var time = TimeProvider.System;
        var prospects = new LifecyclePolicy(new LifecycleDefinitions(), new QualificationThresholds(100m), ConnectPolicy.Default, "new-prospect");
        var customers = new LifecyclePolicy(new LifecycleDefinitions(), new QualificationThresholds(140m), ConnectPolicy.Default, "existing-customer");
        var equipment = Pipeline.Default;
        var maintenance = new Pipeline("Maintenance", Pipeline.Default.Stages, new PipelineRules { AllowSkipping = true });
        Contact NewContact(LifecyclePolicy policy, int i) => Contact.Create("C-" + i, LifecycleStage.Lead, policy, time, By.Integration);
        Deal NewDeal(Pipeline pipeline, int i) => Deal.Open("D-" + i, pipeline, NewContact(LifecyclePolicy.Default, i), 1_000m, null, time, By.Sales);

        oneContacts = [.. Enumerable.Range(0, Pairs).Select(i => NewContact(prospects, i))];
        oneDeals = [.. Enumerable.Range(0, Pairs).Select(i => NewDeal(equipment, i))];
        twoContacts = [.. Enumerable.Range(0, Pairs).Select(i => NewContact(i % 2 == 0 ? prospects : customers, i))];
        twoDeals = [.. Enumerable.Range(0, Pairs).Select(i => NewDeal(i % 2 == 0 ? equipment : maintenance, i))];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Pairs)]
    public int OnePolicyOnePipeline() => Ask(oneContacts, oneDeals);

    [Benchmark(OperationsPerInvoke = Pairs)]
    public int TwoPoliciesTwoPipelinesAlternating() => Ask(twoContacts, twoDeals);

    private static int Ask(Contact[] contacts, Deal[] deals)
    {
        var permitted = 0;
        for (var i = 0; i < contacts.Length; i++)
        {
            permitted += contacts[i].CanTake(LifecycleTrigger.ReachMqlThreshold) ? 1 : 0;
            permitted += deals[i].CanMoveTo("Create proposal") ? 1 : 0;
        }

        return permitted;
    }
}
