using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.TestingHost;
using SalesGlossary.Domain.Agreement;
using SalesGlossary.Domain.Lifecycle;
using SalesGlossary.Domain.Orleans.Contacts;
using SalesGlossary.Domain.Orleans.Models;
using SalesGlossary.Domain.Orleans.Rescoring;
using SalesGlossary.Domain.Serialization;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace SalesGlossary.Domain.Orleans.Tests;

/// <summary>A real in-process cluster of three silos sharing one durable store, with in-memory streams, and the default agreement published.</summary>
public abstract class ClusterFixture : IAsyncLifetime
{
    public const string Streams = "changes";

    public const int StreamShards = 8;

    private static readonly ConcurrentDictionary<int, GeneratedContacts> Sources = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    internal GeneratedContacts Source => Sources[ContactCount];

    public long FirstGeneration { get; private set; }

    protected abstract int ContactCount { get; }

    protected virtual bool PublishChanges => true;

    public async Task InitializeAsync()
    {
        Sources.GetOrAdd(ContactCount, n => new GeneratedContacts(n, 16));
        var builder = new TestClusterBuilder(3);
        builder.Properties["Contacts"] = ContactCount.ToString(CultureInfo.InvariantCulture);
        builder.Properties["PublishChanges"] = PublishChanges ? "true" : "false";
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        FirstGeneration = (await ModelRegistry.Get(Grains).PublishAsync(ServiceLevelAgreement.DefaultJson, new Dictionary<string, string>())).Generation;
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    /// <summary>Creates contacts 0 to count - 1 of the generated source through their grains.</summary>
    public async Task SeedAsync(int count)
    {
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = 256 },
            async (i, _) => await Grains.GetGrain<IContactGrain>(GeneratedContacts.IdOf(i))
                .CreateAsync(GeneratedContacts.LeadTypeOf(i), LifecycleStage.Lead, Actor.Marketing));
    }

    /// <summary>
    /// Stores contacts 0 to count - 1 straight into the store, as a CRM's existing contacts would be: the first through its
    /// grain (which shows how the runtime names the record), the others written as the grain would have written them.
    /// </summary>
    public async Task SeedInStoreAsync(int count)
    {
        await SeedAsync(1);
        var first = SharedGrainStorage.Entries(Cluster.Options.ClusterId, "contact").Single(e => e.GrainId.EndsWith("/" + GeneratedContacts.IdOf(0), StringComparison.Ordinal));
        var prefix = first.GrainId[..^GeneratedContacts.IdOf(0).Length];
        var serializer = Cluster.GetSiloServiceProvider(Cluster.Primary!.SiloAddress).GetRequiredService<Serializer>();
        var agreement = ServiceLevelAgreement.Default;
        Parallel.For(1, count, i =>
        {
            var contact = agreement.GetLeadType(GeneratedContacts.LeadTypeOf(i)).CreateContact(GeneratedContacts.IdOf(i), LifecycleStage.Lead, TimeProvider.System, Actor.Marketing);
            var record = new ContactRecord { StateJson = JsonSerializer.Serialize(contact.ToState(), SalesGlossaryJson.Options), Revision = 1 };
            SharedGrainStorage.Put(Cluster.Options.ClusterId, "contact", prefix + GeneratedContacts.IdOf(i), serializer.SerializeToArray(record));
        });
    }

    /// <summary>Reads every contact record straight from the store, without activating a grain.</summary>
    internal IReadOnlyList<(string GrainId, ContactRecord Record)> StoredContacts()
    {
        var serializer = Cluster.GetSiloServiceProvider(Cluster.Primary!.SiloAddress).GetRequiredService<Serializer>();
        return [.. SharedGrainStorage.Entries(Cluster.Options.ClusterId, "contact").Select(e => (e.GrainId, serializer.Deserialize<ContactRecord>(e.Data)!))];
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var contacts = int.Parse(siloBuilder.Configuration["Contacts"] ?? "0", CultureInfo.InvariantCulture);
            siloBuilder.AddSalesGlossary(o =>
            {
                o.StreamProvider = siloBuilder.Configuration["PublishChanges"] == "true" ? Streams : null;
                o.ContactStreamShards = StreamShards;
                o.ModelRefreshInterval = TimeSpan.FromMilliseconds(200);
                o.RescoringWatchInterval = TimeSpan.FromMilliseconds(250);
            });
            siloBuilder.Services.AddGrainStorage(SalesGlossaryCluster.StorageName, (sp, _) => ActivatorUtilities.CreateInstance<SharedGrainStorage>(sp));
            siloBuilder.AddMemoryGrainStorage("PubSubStore");
            siloBuilder.AddMemoryStreams(Streams);
            siloBuilder.Services.AddSingleton<IContactPartitionSource>(_ => Sources.GetOrAdd(contacts, n => new GeneratedContacts(n, 16)));
            siloBuilder.Configure<ClusterMembershipOptions>(o =>
            {
                // A killed silo is declared dead within seconds, as a production cluster would within its own probe settings.
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
            });
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.AddMemoryStreams(Streams);
    }
}

/// <summary>A cluster whose source holds 5,000 contacts.</summary>
public sealed class SmallCluster : ClusterFixture
{
    protected override int ContactCount => 5_000;
}

/// <summary>A cluster whose source holds 100,000 contacts.</summary>
public sealed class LargeCluster : ClusterFixture
{
    protected override int ContactCount => 100_000;

    // The rescoring under test publishes nothing; one stream message per contact would only add to the run time.
    protected override bool PublishChanges => false;
}
