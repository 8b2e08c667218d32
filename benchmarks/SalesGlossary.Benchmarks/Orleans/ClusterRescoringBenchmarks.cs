using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using SalesGlossary.Benchmarks.Scoring;
using SalesGlossary.Domain;
using SalesGlossary.Domain.Orleans;
using SalesGlossary.Domain.Orleans.Contacts;
using SalesGlossary.Domain.Orleans.Models;
using SalesGlossary.Domain.Orleans.Rescoring;

namespace SalesGlossary.Benchmarks.Orleans;

/// <summary>
/// Contacts rescored per second through a cluster (two in-process silos, memory grain storage) against the in-process bulk
/// path on the same leads and model, per contact. <see cref="ClusterToSource"/> measures what distribution costs (pages
/// read, scored in a partition grain, totals written back through the source); <see cref="ClusterToContactGrains"/> adds
/// one grain call and one storage write per contact, which is what applying a score to a hosted contact costs.
/// </summary>
[MemoryDiagnoser(false)]
[JsonExporterAttribute.Full]
[MarkdownExporterAttribute.GitHub]
public class ClusterRescoringBenchmarks
{
    public const int Contacts = 10_000;

    private static LeadSource source = null!;
    private LeadFacts[] leads = [];
    private decimal[] totals = [];
    private LeadScoringModel<LeadFacts, LeadActivity> model = null!;
    private BulkScoringOptions parallel = null!;
    private TestCluster cluster = null!;
    private int run;

    [GlobalSetup]
    public void Setup()
    {
        leads = BenchmarkLeads.Create(Contacts);
        totals = new decimal[Contacts];
        model = ServiceLevelAgreement.Default.GetLeadType(LeadSource.LeadType).ScoringModel;
        parallel = new BulkScoringOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        source = new LeadSource(leads, partitions: 8);
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<Silo>();
        cluster = builder.Build();
        cluster.Deploy();
        var grains = cluster.Client;
        ModelRegistry.Get(grains).PublishAsync(ServiceLevelAgreement.DefaultJson, new Dictionary<string, string>()).GetAwaiter().GetResult();
        Parallel.ForEachAsync(leads, new ParallelOptions { MaxDegreeOfParallelism = 128 }, async (lead, _) =>
            await grains.GetGrain<IContactGrain>(lead.Id).CreateAsync(LeadSource.LeadType, LifecycleStage.Lead, By.Marketing)).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => cluster.StopAllSilos();

    [Benchmark(Baseline = true, OperationsPerInvoke = Contacts)]
    public BulkScoringSummary InProcessBulk() => model.ScoreTotalsParallel(leads, BenchmarkLeads.AsOf, totals, null, parallel);

    [Benchmark(OperationsPerInvoke = Contacts)]
    public RescoringProgress ClusterToSource() => Rescore(RescoringTarget.Source);

    [Benchmark(OperationsPerInvoke = Contacts)]
    public RescoringProgress ClusterToContactGrains() => Rescore(RescoringTarget.ContactGrains);

    private RescoringProgress Rescore(RescoringTarget target)
    {
        var job = target + "-" + (++run).ToString(CultureInfo.InvariantCulture);
        var grains = cluster.Client;
        grains.StartRescoringAsync(job, new RescoringJobOptions { Target = target, AsOf = BenchmarkLeads.AsOf, PageSize = 1_000 }).GetAwaiter().GetResult();
        var done = grains.WaitForRescoringAsync(job, pollInterval: TimeSpan.FromMilliseconds(5)).GetAwaiter().GetResult();
        return done.Status == RescoringStatus.Completed && done.Rescored == Contacts
            ? done
            : throw new InvalidOperationException("Job " + job + " ended " + done);
    }

    private sealed class Silo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddSalesGlossary(o => o.RescoringWatchInterval = TimeSpan.FromMilliseconds(10));
            siloBuilder.AddMemoryGrainStorage(SalesGlossaryCluster.StorageName);
            siloBuilder.Services.AddSingleton<IContactPartitionSource>(source);
        }
    }

    private sealed class LeadSource(LeadFacts[] leads, int partitions) : IContactPartitionSource
    {
        public const string LeadType = "new-prospect";

        public int PartitionCount => partitions;

        public ValueTask<ContactPage> ReadPageAsync(int partition, string? continuation, int pageSize, CancellationToken cancellationToken)
        {
            var index = continuation is null ? partition : int.Parse(continuation, CultureInfo.InvariantCulture);
            var page = new List<PartitionContact>(pageSize);
            for (; index < leads.Length && page.Count < pageSize; index += partitions)
            {
                page.Add(new PartitionContact { ContactId = leads[index].Id, LeadType = LeadType, Lead = leads[index] });
            }

            return ValueTask.FromResult(new ContactPage(page, index < leads.Length ? index.ToString(CultureInfo.InvariantCulture) : null));
        }

        public ValueTask WriteTotalsAsync(RescoredBatch batch, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
