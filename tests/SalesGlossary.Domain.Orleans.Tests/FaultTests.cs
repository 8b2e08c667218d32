using Microsoft.Extensions.DependencyInjection;
using SalesGlossary.Domain.Orleans.Contacts;
using SalesGlossary.Domain.Orleans.Deals;

namespace SalesGlossary.Domain.Orleans.Tests;

[CollectionDefinition(Name)]
public sealed class FaultClusterCollection : ICollectionFixture<FaultCluster>
{
    public const string Name = "fault cluster";
}

/// <summary>Deal grains and the outbox of contact and deal changes, on a cluster whose silos die and whose storage fails.</summary>
[Collection(FaultClusterCollection.Name)]
public sealed class FaultTests(FaultCluster fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static Pipeline Pipeline => ServiceLevelAgreement.Default.GetLeadType("new-prospect").Pipeline;

    private string ClusterId => fixture.Cluster.Options.ClusterId;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SharedGrainStorage.Disarm(ClusterId);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SiloKilledBetweenSavingAChangeAndPublishingIt_TheNextActivationPublishesIt_TheConsumerTakesItOnce()
    {
        var id = await fixture.IdOnSecondaryAsync<IContactGrain>("outbox-kill", g => g.CreateAsync("new-prospect", LifecycleStage.Lead, By.Marketing));
        var grain = fixture.Grains.GetGrain<IContactGrain>(id);
        var before = (await grain.GetAsync())!;
        var consumer = await ChangeConsumer<ContactChanged>.ContactAsync(fixture, id);
        var fault = SharedGrainStorage.Arm(ClusterId, new WriteFault(
            FaultKind.HangAfterStoring,
            (_, grainId, state) => Is(grainId, id) && state is ContactRecord r && r.Revision == before.Revision + 1 && r.Outbox.Count > 0));

        var call = grain.HandRaiseAsync("Demo request", By.Marketing);
        var host = await fault.Hit.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await fixture.KillAsync(host);

        // The change was stored with its event; the caller never heard back, and the next activation publishes the event.
        var after = (await FaultCluster.UntilAnsweredAsync(() => grain.GetAsync()))!;
        Assert.Equal(before.Revision + 1, after.Revision);
        Assert.Equal(LifecycleTrigger.HandRaise, after.State.History[^1].Trigger);
        await ContactGrainTests.Eventually(() => consumer.Taken.Any(c => c.Revision == after.Revision));
        NeverSucceeded(call);
        var change = Assert.Single(consumer.Taken, c => c.Revision > before.Revision);
        Assert.Equal(after.Revision, change.Revision);
        Assert.Equal(after.State.History.Skip(before.State.History.Count), change.Transitions);
        await ContactGrainTests.Eventually(() => Stored(id).Outbox.Count == 0);
        await consumer.UnsubscribeAsync();
    }

    [Fact]
    public async Task ChangePublishedButNotRecordedAsPublished_IsPublishedAgain_AndTheConsumerTakesItOnce()
    {
        const string id = "outbox-twice";
        var grain = fixture.Grains.GetGrain<IContactGrain>(id);
        var before = await grain.CreateAsync("new-prospect", LifecycleStage.Lead, By.Marketing);
        var consumer = await ChangeConsumer<ContactChanged>.ContactAsync(fixture, id);
        var fault = SharedGrainStorage.Arm(ClusterId, new WriteFault(
            FaultKind.ThrowBeforeStoring,
            (_, grainId, state) => Is(grainId, id) && state is ContactRecord r && r.Revision == before.Revision + 1 && r.Outbox.Count == 0));

        // The change is stored and published; storing its removal from the outbox fails, so the activation goes.
        var changed = await grain.HandRaiseAsync("Demo request", By.Marketing);
        await fault.Hit.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(before.Revision + 1, changed.Revision);
        Assert.Single(Stored(id).Outbox);

        // The next activation finds the event still stored and publishes it again; the consumer drops the second copy.
        Assert.Equal(changed.Revision, (await grain.GetAsync())!.Revision);
        await ContactGrainTests.Eventually(() => consumer.Delivered.Count(c => c.Revision == changed.Revision) == 2);
        Assert.Equal([changed.Revision], consumer.Taken.Select(c => c.Revision).Where(r => r > before.Revision));
        await ContactGrainTests.Eventually(() => Stored(id).Outbox.Count == 0);
        await consumer.UnsubscribeAsync();
    }

    [Fact]
    public async Task DealGrain_OpensWinsAndRefuses_DrivingItsContact_AndPublishesEveryChange()
    {
        const string contactId = "deal-basics-contact";
        const string dealId = "deal-basics";
        var contact = fixture.Grains.GetGrain<IContactGrain>(contactId);
        await contact.CreateAsync("new-prospect", LifecycleStage.Lead, By.Marketing);
        var consumer = await ChangeConsumer<DealChanged>.DealAsync(fixture, dealId);
        var deal = fixture.Grains.GetGrain<IDealGrain>(dealId);
        Assert.Null(await deal.GetAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => deal.WinAsync(By.Sales));

        var opened = await deal.OpenAsync(contactId, 12_000m, new DateOnly(2026, 6, 30), By.Sales);
        Assert.Equal(LifecycleStage.Opportunity, (await contact.GetAsync())!.Stage);
        Assert.Equal(Pipeline.StartStages[0].Name, opened.Stage);
        await Assert.ThrowsAsync<InvalidOperationException>(() => deal.OpenAsync(contactId, 1m, null, By.Sales));

        var refused = await Assert.ThrowsAsync<DealTransitionException>(() => deal.MoveToAsync(Pipeline.OpenStages[^1].Name, By.Sales));
        Assert.Equal(dealId, refused.DealId);
        Assert.Equal(Pipeline.StartStages[0], refused.Stage);
        Assert.NotEmpty(refused.Allowed);
        Assert.Equal(opened.Revision, (await deal.GetAsync())!.Revision);

        var moved = await deal.MoveToAsync(Pipeline.OpenStages[1].Name, By.Sales);
        var forecast = await deal.UpdateForecastAsync(15_000m, null, By.Sales, "bigger scope");
        var won = await deal.WinAsync(By.Sales);
        var customer = (await contact.GetAsync())!;

        Assert.Equal(Pipeline.Won.Name, won.Stage);
        Assert.Equal(15_000m, won.Amount);
        Assert.Equal(LifecycleStage.Customer, customer.Stage);
        Assert.Equal(dealId, customer.State.History[^1].Reason);
        Assert.Equal([opened.Revision, moved.Revision, forecast.Revision, won.Revision], [1L, 2L, 3L, 4L]);
        var rebuilt = Deal.Rehydrate(dealId, Pipeline, won.History, [ServiceLevelAgreement.Default.RehydrateContact(customer.State, TimeProvider.System)], TimeProvider.System);
        Assert.Equal(Pipeline.Won, rebuilt.Stage);
        await ContactGrainTests.Eventually(() => consumer.Taken.Count == 4);
        Assert.Equal(won.History.Select(Shape), consumer.Taken.SelectMany(c => c.Transitions).Select(Shape));
        Assert.All(consumer.Taken, c => Assert.Equal(contactId, c.ContactId));
        await consumer.UnsubscribeAsync();
    }

    [Fact]
    public async Task DealMovesTheContactCannotTake_AreRefusedWithTheLibrarysException_AndNeitherGrainChanges()
    {
        var missing = fixture.Grains.GetGrain<IDealGrain>("deal-without-contact");
        await Assert.ThrowsAsync<InvalidOperationException>(() => missing.OpenAsync("never-created", 1m, null, By.Sales));
        Assert.Null(await missing.GetAsync());

        var other = fixture.Grains.GetGrain<IContactGrain>("deal-refusals-other");
        await other.CreateAsync("new-prospect", LifecycleStage.Lead, By.Marketing);
        var disqualified = await other.DisqualifyAsync(DisqualificationReason.NoInterestOrNeed, By.Sales);
        var refusedOpen = await Assert.ThrowsAsync<LifecycleTransitionException>(() => fixture.Grains.GetGrain<IDealGrain>("deal-for-other").OpenAsync("deal-refusals-other", 1m, null, By.Sales));
        Assert.Equal("deal-refusals-other", refusedOpen.ContactId);
        Assert.Null(await fixture.Grains.GetGrain<IDealGrain>("deal-for-other").GetAsync());
        Assert.Equal(disqualified.Revision, (await other.GetAsync())!.Revision);

        // The contact is disqualified after its deal opened: the win is refused on the contact's new state, nothing is stored.
        var contact = fixture.Grains.GetGrain<IContactGrain>("deal-refusals-later");
        await contact.CreateAsync("new-prospect", LifecycleStage.Lead, By.Marketing);
        var deal = fixture.Grains.GetGrain<IDealGrain>("deal-refusals-later-deal");
        var opened = await deal.OpenAsync("deal-refusals-later", 2_000m, null, By.Sales);
        var gone = await contact.DisqualifyAsync(DisqualificationReason.NoInterestOrNeed, By.Sales);

        var refusedWin = await Assert.ThrowsAsync<LifecycleTransitionException>(() => deal.WinAsync(By.Sales));

        Assert.Equal(LifecycleTrigger.WinDeal, refusedWin.Trigger);
        Assert.Equal(opened.Revision, (await deal.GetAsync())!.Revision);
        Assert.Equal(gone.Revision, (await contact.GetAsync())!.Revision);
    }

    [Fact]
    public async Task ConcurrentDealMovesOnOneContact_FromTwoCallers_LoseNoUpdateAndHalfApplyNothing()
    {
        const string contactId = "deal-race-contact";
        var contact = fixture.Grains.GetGrain<IContactGrain>(contactId);
        var changes = await ChangeConsumer<ContactChanged>.ContactAsync(fixture, contactId);
        var created = await contact.CreateAsync("new-prospect", LifecycleStage.Lead, By.Marketing);
        // Two callers: the cluster's client, and the grain factory of a silo (a caller on another server of the cluster).
        var clients = new[] { fixture.Grains, fixture.Cluster.GetSiloServiceProvider(fixture.Cluster.Primary!.SiloAddress).GetRequiredService<IGrainFactory>() };
        var deals = Enumerable.Range(0, 6).Select(i => "deal-race-" + i).ToArray();
        var attempts = new List<DateTimeOffset>();

        async Task<bool> Attempt(IGrainFactory client, int i)
        {
            var at = Now.AddMinutes(i);
            try
            {
                await client.GetGrain<IContactGrain>(contactId).RecordConnectAttemptAsync(new ConnectAttempt(at, ConnectChannel.Phone, ConnectOutcome.NoAnswer, "seller"), Actor.Sales);
                lock (attempts)
                {
                    attempts.Add(at);
                }

                return true;
            }
            catch (LifecycleTransitionException)
            {
                return false;
            }
        }

        // Six deals opened at once from two clients, while connect attempts change the contact underneath them.
        await Task.WhenAll(deals.Select((d, i) => (Task)clients[i % 2].GetGrain<IDealGrain>(d).OpenAsync(contactId, 1_000m * (i + 1), null, By.Sales))
            .Concat(Enumerable.Range(0, 6).Select(i => Attempt(clients[i % 2], i))));

        // Then two wins, two losses and two moves of the contact's deals at once, from both clients, with more attempts.
        var moves = new Func<IDealGrain, Task<DealView>>[]
        {
            d => d.WinAsync(By.Sales),
            d => d.WinAsync(By.Sales),
            d => d.LoseAsync("Budget cut", By.Sales),
            d => d.LoseAsync("Chose a competitor", By.Sales),
            d => d.MoveToAsync(Pipeline.OpenStages[1].Name, By.Sales),
            d => d.UpdateForecastAsync(99m, null, By.Sales),
        };
        await Task.WhenAll(deals.Select((d, i) => (Task)moves[i](clients[(i + 1) % 2].GetGrain<IDealGrain>(d)))
            .Concat(Enumerable.Range(6, 6).Select(i => Attempt(clients[i % 2], i))));

        var final = (await contact.GetAsync())!;
        var views = await Task.WhenAll(deals.Select(d => fixture.Grains.GetGrain<IDealGrain>(d).GetAsync()));

        // No lost update: every stored change of the contact is in its final history, in order, each once.
        await ContactGrainTests.Eventually(() => changes.Taken.Any(c => c.Revision == final.Revision));
        var taken = changes.Taken.ToList();
        Assert.Equal(Enumerable.Range((int)created.Revision, (int)(final.Revision - created.Revision + 1)).Select(r => (long)r), taken.Select(c => c.Revision));
        Assert.Equal(final.State.History.Skip(created.State.History.Count), taken.Skip(1).SelectMany(c => c.Transitions));
        Assert.Equal(attempts.Order(), final.State.ConnectAttempts.Select(a => a.At).Order());
        var rehydrated = ServiceLevelAgreement.Default.RehydrateContact(final.State, TimeProvider.System);

        // One contact, both wins: it became a Customer once, by one of the won deals.
        Assert.Equal(LifecycleStage.Customer, final.Stage);
        var win = Assert.Single(final.State.History, t => t.Trigger == LifecycleTrigger.WinDeal);
        Assert.Contains(win.Reason, deals[..2]);
        Assert.All(views[..2], v => Assert.Equal(Pipeline.Won.Name, v!.Stage));
        Assert.All(views[2..4], v => Assert.Equal(DealTrigger.Lose, v!.History[^1].Trigger));
        Assert.Equal(Pipeline.OpenStages[1].Name, views[4]!.Stage);
        Assert.Equal(99m, views[5]!.Amount);

        // Nothing half applied: every contact record naming a deal matches a record of that deal, and every deal rebuilds.
        foreach (var record in final.State.History.Where(t => t.Reason is not null))
        {
            var named = deals.SingleOrDefault(d => record.Reason == d || record.Reason!.StartsWith("Deal '" + d + "'", StringComparison.Ordinal));
            if (named is null)
            {
                continue;
            }

            var dealTrigger = record.Trigger == LifecycleTrigger.CreateDeal ? DealTrigger.Create : record.Trigger == LifecycleTrigger.WinDeal ? DealTrigger.Win : DealTrigger.Lose;
            Assert.Contains(views[Array.IndexOf(deals, named)]!.History, h => h.Trigger == dealTrigger);
        }

        Assert.All(views, v => Deal.Rehydrate(v!.DealId, Pipeline, v.History, [rehydrated], TimeProvider.System));
        await changes.UnsubscribeAsync();
    }

    [Fact]
    public async Task SiloKilledAfterTheContactTookAWin_TheDealCompletesTheWinOnItsNextActivation()
    {
        var (dealId, contactId) = await OpenOnSecondaryAsync("kill-after-contact");
        var deal = fixture.Grains.GetGrain<IDealGrain>(dealId);
        var contact = fixture.Grains.GetGrain<IContactGrain>(contactId);
        var before = (await contact.GetAsync())!;
        var fault = SharedGrainStorage.Arm(ClusterId, new WriteFault(
            FaultKind.HangBeforeStoring,
            (_, grainId, state) => Is(grainId, dealId) && state is DealRecord { Pending: null, Revision: 2 }));

        var call = deal.WinAsync(By.Sales);
        var host = await fault.Hit.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(LifecycleStage.Customer, (await contact.GetAsync())!.Stage); // the contact took it; the deal's own write never landed
        await fixture.KillAsync(host);

        var won = (await FaultCluster.UntilAnsweredAsync(() => deal.GetAsync()))!;
        var customer = (await contact.GetAsync())!;
        NeverSucceeded(call);
        Assert.Equal(Pipeline.Won.Name, won.Stage);
        Assert.Equal(2, won.Revision);
        Assert.Equal(before.Revision + 1, customer.Revision);
        Assert.Single(customer.State.History, t => t.Trigger == LifecycleTrigger.WinDeal && t.Reason == dealId);

        // Calling again is refused by the deal as any second win is, and changes nothing.
        await Assert.ThrowsAsync<DealTransitionException>(() => deal.WinAsync(By.Sales));
        Assert.Equal(customer.Revision, (await contact.GetAsync())!.Revision);
    }

    [Fact]
    public async Task SiloKilledBeforeTheContactTookAWin_AndTheContactChangedFirst_TheDealDropsTheWin_NeitherChanged()
    {
        var (dealId, contactId) = await OpenOnSecondaryAsync("kill-before-contact");
        var deal = fixture.Grains.GetGrain<IDealGrain>(dealId);
        var contact = fixture.Grains.GetGrain<IContactGrain>(contactId);
        var fault = SharedGrainStorage.Arm(ClusterId, new WriteFault(
            FaultKind.HangAfterStoring,
            (_, grainId, state) => Is(grainId, dealId) && state is DealRecord { Pending: not null }));

        var call = deal.WinAsync(By.Sales);
        var host = await fault.Hit.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await fixture.KillAsync(host);

        // The win is stored as pending on the deal only; the contact changes before the deal comes back.
        var attempt = new ConnectAttempt(Now, ConnectChannel.Email, ConnectOutcome.NoAnswer, "seller");
        var changed = await FaultCluster.UntilAnsweredAsync(() => contact.RecordConnectAttemptAsync(attempt, Actor.Sales));
        var open = (await FaultCluster.UntilAnsweredAsync(() => deal.GetAsync()))!;

        NeverSucceeded(call);
        Assert.Equal(1, open.Revision);
        Assert.Equal(DealTrigger.Create, open.History[^1].Trigger);
        var unchanged = (await contact.GetAsync())!;
        Assert.Equal(changed.Revision, unchanged.Revision);
        Assert.Equal(LifecycleStage.Opportunity, unchanged.Stage);
        Assert.DoesNotContain(unchanged.State.History, t => t.Trigger == LifecycleTrigger.WinDeal);

        // The deal is whole: winning it now moves both.
        var won = await deal.WinAsync(By.Sales);
        Assert.Equal(Pipeline.Won.Name, won.Stage);
        Assert.Equal(LifecycleStage.Customer, (await contact.GetAsync())!.Stage);
    }

    /// <summary>Creates a contact and opens a deal for it whose activation is on a secondary silo.</summary>
    private async Task<(string DealId, string ContactId)> OpenOnSecondaryAsync(string prefix)
    {
        var dealId = await fixture.IdOnSecondaryAsync<IDealGrain>(prefix, d => d.GetAsync());
        var contactId = dealId + "-contact";
        await fixture.Grains.GetGrain<IContactGrain>(contactId).CreateAsync("new-prospect", LifecycleStage.Lead, By.Marketing);
        await fixture.Grains.GetGrain<IDealGrain>(dealId).OpenAsync(contactId, 5_000m, null, By.Sales);
        return (dealId, contactId);
    }

    private ContactRecord Stored(string id) =>
        fixture.StoredContacts().Single(c => c.GrainId.EndsWith("/" + id, StringComparison.Ordinal)).Record;

    private static (int, string, string, DealTrigger, decimal) Shape(DealTransition t) => (t.Sequence, t.From, t.To, t.Trigger, t.Amount);

    /// <summary>The call whose silo died never reported success (it fails, or times out, later: that is not waited for).</summary>
    private static void NeverSucceeded(Task call)
    {
        Assert.False(call.IsCompletedSuccessfully, "the call reported success although its silo died before it finished");
        _ = call.ContinueWith(t => t.Exception, TaskScheduler.Default);
    }

    private static bool Is(GrainId grainId, string key) => grainId.Key.ToString() == key;
}
