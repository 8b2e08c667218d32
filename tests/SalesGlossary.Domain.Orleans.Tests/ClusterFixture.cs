using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.TestingHost;
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

    /// <summary>Gets the number of silos the cluster starts with.</summary>
    protected virtual short Silos => 3;

    /// <summary>Gets the agreement the client learns the vocabulary of, or <see langword="null"/> for the shipped terms only.</summary>
    protected virtual string? ClientAgreementJson => null;

    public async Task InitializeAsync()
    {
        Sources.GetOrAdd(ContactCount, n => new GeneratedContacts(n, 16));
        var builder = new TestClusterBuilder(Silos);
        builder.Properties["ClientAgreement"] = ClientAgreementJson ?? string.Empty;
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
                .CreateAsync(GeneratedContacts.LeadTypeOf(i), LifecycleStage.Lead, By.Marketing));
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
            var contact = agreement.GetLeadType(GeneratedContacts.LeadTypeOf(i)).CreateContact(GeneratedContacts.IdOf(i), LifecycleStage.Lead, TimeProvider.System, By.Marketing);
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
                o.OutboxRetryInterval = TimeSpan.FromMilliseconds(200);
            });
            siloBuilder.Services.AddGrainStorage(SalesGlossaryCluster.StorageName, (sp, _) => ActivatorUtilities.CreateInstance<SharedGrainStorage>(sp));
            // Stream subscriptions are kept in the shared store too, so that they survive a silo killed by a test.
            siloBuilder.Services.AddGrainStorage("PubSubStore", (sp, _) => ActivatorUtilities.CreateInstance<SharedGrainStorage>(sp));
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
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
        {
            clientBuilder.AddMemoryStreams(Streams);
            if (configuration["ClientAgreement"] is { Length: > 0 } agreement)
            {
                clientBuilder.AddSalesGlossaryVocabulary(ServiceLevelAgreement.Load(agreement).Vocabulary);
            }
        }
    }
}

/// <summary>A cluster whose silos the tests kill and whose storage they make fail; a killed silo is replaced, so three stay.</summary>
public sealed class FaultCluster : ClusterFixture
{
    protected override int ContactCount => 10;

    /// <summary>The silo hosting a grain's activation, or <see langword="null"/> when it is not active.</summary>
    public SiloAddress? HostOf(IAddressable grain) =>
        Cluster.TryGetGrainContext(grain.GetGrainId(), out var context) ? context.Address.SiloAddress : null;

    /// <summary>Activates a grain and makes sure its activation is on a secondary silo (one the tests may kill), moving it there if needed.</summary>
    public async Task<string> IdOnSecondaryAsync<TGrain>(string id, Func<TGrain, Task> activate)
        where TGrain : IGrainWithStringKey
    {
        var grain = Grains.GetGrain<TGrain>(id);
        await activate(grain);
        var secondaries = Cluster.SecondarySilos.Select(s => s.SiloAddress).ToList();
        if (HostOf(grain) is { } host && secondaries.Contains(host))
        {
            return id;
        }

        await Cluster.MigrateAsync(grain, secondaries[0]);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (HostOf(grain) is not { } moved || !moved.Equals(secondaries[0]))
        {
            await activate(grain);
            await Task.Delay(50, limit.Token);
        }

        return id;
    }

    /// <summary>Kills a secondary silo, as a crash would, and starts another so that the cluster keeps three.</summary>
    public async Task KillAsync(SiloAddress address)
    {
        var silo = Cluster.SecondarySilos.Single(s => s.SiloAddress.Equals(address));
        await Cluster.KillSiloAsync(silo);
        SharedGrainStorage.Disarm(Cluster.Options.ClusterId);
        await Cluster.StartAdditionalSiloAsync();
    }

    /// <summary>Calls until the call succeeds: after a silo's death its grains answer again once the cluster has declared it dead.</summary>
    public static async Task<T> UntilAnsweredAsync<T>(Func<Task<T>> call)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception) when (!limit.IsCancellationRequested)
            {
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }
}

/// <summary>A small cluster of two silos whose client knows an agreement that defines its own vocabulary.</summary>
public sealed class VocabularyCluster : ClusterFixture
{
    protected override int ContactCount => 1;

    protected override bool PublishChanges => false;

    protected override short Silos => 2;

    protected override string? ClientAgreementJson => AgreementJson;

    /// <summary>Gets the default agreement with a vocabulary of its own: a status, reasons, a lost reason, a team, an actor and Sales Accepted Lead.</summary>
    public static string AgreementJson { get; } = BuildAgreement();

    private static string BuildAgreement()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(ServiceLevelAgreement.DefaultJson)!.AsObject();
        node["vocabulary"] = System.Text.Json.Nodes.JsonNode.Parse("""
            {
              "stages": [ { "name": "SalesAcceptedLead", "number": 101, "displayName": "Sales Accepted Lead", "after": "MarketingQualifiedLead" } ],
              "leadStatuses": [ { "name": "NurtureEventFollowUp", "number": 100, "displayName": "Nurture – event follow-up", "closed": true } ],
              "disqualificationReasons": [ { "name": "ChoseCompetitor", "number": 100, "displayName": "Chose a competitor" } ],
              "lostReasons": [ { "name": "BuiltInHouse", "number": 100, "displayName": "Built it in-house" } ],
              "teams": [ { "name": "CustomerSuccess", "number": 100, "displayName": "Customer Success" } ],
              "actors": [ { "name": "Partner", "number": 100, "displayName": "Reseller partner" } ]
            }
            """);
        node["teams"] = System.Text.Json.Nodes.JsonNode.Parse("""
            {
              "Marketing": ["Subscriber", "Lead", "Other"],
              "Sales": ["MarketingQualifiedLead", "SalesAcceptedLead", "SalesQualifiedLead", "Opportunity"],
              "CustomerSuccess": ["Customer", "Evangelist"]
            }
            """);
        node.Remove("leadStatuses");
        return node.ToJsonString();
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
