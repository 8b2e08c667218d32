using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using SalesGlossary.Domain.Orleans.Contacts;
using SalesGlossary.Domain.Orleans.Models;

namespace SalesGlossary.Domain.Orleans.Tests;

[CollectionDefinition(Name)]
public sealed class SmallClusterCollection : ICollectionFixture<SmallCluster>
{
    public const string Name = "small cluster";
}

[Collection(SmallClusterCollection.Name)]
public sealed class ContactGrainTests(SmallCluster fixture)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ConcurrentEvents_FromManyClientsAndSilos_EndInOneValidHistoryPublishedInOrder()
    {
        const string id = "busy-contact";
        var received = new ConcurrentQueue<ContactChanged>();
        var stream = fixture.Cluster.Client.GetStreamProvider(ClusterFixture.Streams)
            .GetStream<ContactChanged>(StreamId.Create(
                SalesGlossaryCluster.ContactStreamNamespace,
                new SalesGlossaryClusterOptions { ContactStreamShards = ClusterFixture.StreamShards }.ContactStreamKey(id)));
        var subscription = await stream.SubscribeAsync((change, _) =>
        {
            if (change.ContactId == id)
            {
                received.Enqueue(change);
            }

            return Task.CompletedTask;
        });

        var created = await fixture.Grains.GetGrain<IContactGrain>(id).CreateAsync("new-prospect", LifecycleStage.Lead, By.Marketing);
        var callers = new List<IGrainFactory> { fixture.Grains };
        callers.AddRange(fixture.Cluster.Silos.Select(s => fixture.Cluster.GetSiloServiceProvider(s.SiloAddress).GetRequiredService<IGrainFactory>()));
        var operations = Enumerable.Range(0, 80).Select<int, Func<IContactGrain, Task>>(i => (i % 4) switch
        {
            0 => g => g.ScoreAsync(Lead(id, employees: 100 + (i * 50)), By.System),
            1 => g => g.RecordConnectAttemptAsync(new ConnectAttempt(Now.AddMinutes(i), ConnectChannel.Phone, ConnectOutcome.NoAnswer, "seller"), Actor.Sales),
            2 => g => g.AcceptBySalesAsync(By.Sales),
            _ => g => g.HandRaiseAsync("Demo request", By.Marketing),
        }).ToList();

        var outcomes = await Task.WhenAll(operations.Select(async (operation, i) =>
        {
            try
            {
                await operation(callers[i % callers.Count].GetGrain<IContactGrain>(id));
                return true;
            }
            catch (LifecycleTransitionException)
            {
                return false; // refused in the order the runtime chose: nothing is stored
            }
        }));

        var final = (await fixture.Grains.GetGrain<IContactGrain>(id).GetAsync())!;
        Assert.Equal(created.Revision + outcomes.Count(o => o), final.Revision);
        Assert.Equal(Enumerable.Range(1, final.State.History.Count), final.State.History.Select(t => t.Sequence));
        var rehydrated = ServiceLevelAgreement.Default.RehydrateContact(final.State, TimeProvider.System);
        Assert.Equal(final.State.History.Count, rehydrated.History.Count);
        Assert.True(rehydrated.Version >= final.State.History.Count, "every transition is a recorded change");
        Assert.Contains(outcomes, o => o);
        Assert.Contains(outcomes, o => !o);

        await Eventually(() => received.Any(c => c.Revision == final.Revision));
        await subscription.UnsubscribeAsync();
        var changes = received.ToList();
        Assert.Equal(Enumerable.Range((int)created.Revision, changes.Count).Select(r => (long)r), changes.Select(c => c.Revision));
        Assert.Equal(final.State.History.Skip(created.State.History.Count), changes.Skip(1).SelectMany(c => c.Transitions));
    }

    [Fact]
    public async Task RefusedVerb_ComesBackAsTheLibrarysOwnException_WithEveryValueItNames()
    {
        const string id = "refused-contact";
        var grain = fixture.Grains.GetGrain<IContactGrain>(id);
        var created = await grain.CreateAsync("new-prospect", LifecycleStage.Subscriber, By.Marketing);
        var local = ServiceLevelAgreement.Default.RehydrateContact(created.State, TimeProvider.System);
        var expected = Assert.Throws<LifecycleTransitionException>(() => local.AcceptBySales(By.Sales));

        var refused = await Assert.ThrowsAsync<LifecycleTransitionException>(() => grain.AcceptBySalesAsync(By.Sales));

        Assert.Equal(expected.Message, refused.Message);
        Assert.Equal(id, refused.ContactId);
        Assert.Equal(LifecycleStage.Subscriber, refused.Stage);
        Assert.Equal(LifecycleTrigger.AcceptBySales, refused.Trigger);
        Assert.Equal(expected.PermittedTriggers, refused.PermittedTriggers);
        Assert.Equal(expected.UnmetGuards, refused.UnmetGuards);
        Assert.Equal(created.Revision, (await grain.GetAsync())!.Revision);
    }

    [Fact]
    public async Task UnknownLeadType_IsRefusedWithTheKnownKeys_AndNothingIsCreated()
    {
        var grain = fixture.Grains.GetGrain<IContactGrain>("mistyped-contact");

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => grain.CreateAsync("existing-custmer", LifecycleStage.Lead, By.Marketing));

        Assert.Contains("existing-customer", refused.Message, StringComparison.Ordinal);
        Assert.Null(await grain.GetAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.ConvertAsync(By.Marketing));
    }

    [Fact]
    public async Task InvalidAgreement_IsRefusedWithEveryProblem_AndTheCurrentGenerationStays()
    {
        var registry = ModelRegistry.Get(fixture.Grains);
        var before = await registry.GetCurrentAsync();
        var broken = ServiceLevelAgreement.DefaultJson.Replace("\"sample-lead-scoring\"", "\"no-such-model\"", StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<DefinitionValidationException>(() => registry.PublishAsync(broken, new Dictionary<string, string>()));

        Assert.NotEmpty(refused.Problems);
        Assert.Contains(refused.Problems, p => p.Message.Contains("no-such-model", StringComparison.Ordinal));
        Assert.Equal(before!.Generation, (await registry.GetCurrentAsync())!.Generation);
    }

    [Fact]
    public async Task ScoreThroughTheGrain_RecordsTheModelVersionAndGeneration_AndIsStoredAcrossActivations()
    {
        const string id = "scored-contact";
        var grain = fixture.Grains.GetGrain<IContactGrain>(id);
        await grain.CreateAsync("new-prospect", LifecycleStage.Lead, By.Marketing);
        var scored = await grain.ScoreAsync(Lead(id, employees: 500), By.System);

        Assert.NotNull(scored.Score);
        Assert.Equal(LeadScoringModel.LoadSample().Score(Lead(id, employees: 500), scored.Score.AsOf).Total, scored.Score.Total);
        Assert.Equal(LeadScoringModel.LoadSample().Version, scored.Score.ModelVersion);
        Assert.Equal((await ModelRegistry.Get(fixture.Grains).GetCurrentAsync())!.Generation, scored.Score.Generation);
        Assert.Null(scored.Score.JobId);
        var stored = (await grain.GetAsync())!;
        Assert.Equal(scored.Revision, stored.Revision);
        Assert.Equal(scored.Score, stored.Score);
    }

    internal static LeadFacts Lead(string id, int employees) => new LeadFacts
    {
        Id = id,
        Email = "someone@example.com",
        JobTitle = "VP Marketing",
        Department = "Marketing",
        Industry = "Software",
        Employees = employees,
        Country = "DE",
        LeadSource = "Webinar",
        Activities = [new LeadActivity { Type = "WebinarAttended", OccurredAt = Now.AddDays(-2) }, new LeadActivity { Type = "DemoRequest", OccurredAt = Now.AddDays(-1) }],
    };

    internal static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "The condition was not met within 10 seconds.");
    }
}
