using System.Collections.Concurrent;
using Orleans.Streams;
using SalesGlossary.Domain.Orleans.Contacts;
using SalesGlossary.Domain.Orleans.Deals;

namespace SalesGlossary.Domain.Orleans.Tests;

/// <summary>A consumer of one contact's or deal's stream as an application would write it: it keeps what arrives and takes each change once.</summary>
internal sealed class ChangeConsumer<TChange>
    where TChange : class
{
    private readonly ChangeDeduplicator deduplicator = new();
    private readonly Func<TChange, bool> mine;
    private StreamSubscriptionHandle<TChange>? handle;

    private ChangeConsumer(Func<TChange, bool> mine) => this.mine = mine;

    /// <summary>Every delivery, duplicates included.</summary>
    public ConcurrentQueue<TChange> Delivered { get; } = new();

    /// <summary>The changes taken, each once.</summary>
    public ConcurrentQueue<TChange> Taken { get; } = new();

    public static async Task<ChangeConsumer<ContactChanged>> ContactAsync(ClusterFixture fixture, string contactId)
    {
        var consumer = new ChangeConsumer<ContactChanged>(c => c.ContactId == contactId);
        var key = new SalesGlossaryClusterOptions { ContactStreamShards = ClusterFixture.StreamShards }.ContactStreamKey(contactId);
        var stream = fixture.Cluster.Client.GetStreamProvider(ClusterFixture.Streams)
            .GetStream<ContactChanged>(StreamId.Create(SalesGlossaryCluster.ContactStreamNamespace, key));
        consumer.handle = await stream.SubscribeAsync((change, _) => consumer.On(change, () => consumer.deduplicator.TryTake(change)));
        return consumer;
    }

    public static async Task<ChangeConsumer<DealChanged>> DealAsync(ClusterFixture fixture, string dealId)
    {
        var consumer = new ChangeConsumer<DealChanged>(_ => true);
        var stream = fixture.Cluster.Client.GetStreamProvider(ClusterFixture.Streams)
            .GetStream<DealChanged>(StreamId.Create(SalesGlossaryCluster.DealStreamNamespace, dealId));
        consumer.handle = await stream.SubscribeAsync((change, _) => consumer.On(change, () => consumer.deduplicator.TryTake(change)));
        return consumer;
    }

    public async Task UnsubscribeAsync()
    {
        if (handle is not null)
        {
            await handle.UnsubscribeAsync();
        }
    }

    private Task On(TChange change, Func<bool> take)
    {
        if (mine(change))
        {
            Delivered.Enqueue(change);
            if (take())
            {
                Taken.Enqueue(change);
            }
        }

        return Task.CompletedTask;
    }
}
