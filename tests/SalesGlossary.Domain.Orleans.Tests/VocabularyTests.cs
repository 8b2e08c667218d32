using SalesGlossary.Domain.Orleans.Contacts;
using SalesGlossary.Domain.Orleans.Models;

namespace SalesGlossary.Domain.Orleans.Tests;

[CollectionDefinition(Name)]
public sealed class VocabularyClusterCollection : ICollectionFixture<VocabularyCluster>
{
    public const string Name = "vocabulary cluster";
}

/// <summary>A grain that holds an agreement's own terms: they cross grain calls, storage and a new activation as the shipped ones do.</summary>
[Collection(VocabularyClusterCollection.Name)]
public sealed class VocabularyTests(VocabularyCluster fixture)
{
    [Fact]
    public async Task AgreementsOwnTerms_RoundTripThroughGrainCallsStorageAndANewActivation()
    {
        await ModelRegistry.Get(fixture.Grains).PublishAsync(VocabularyCluster.AgreementJson, new Dictionary<string, string>());
        var words = ServiceLevelAgreement.Load(VocabularyCluster.AgreementJson).Vocabulary;
        var partner = words.GetActor("Partner");
        var sal = words.GetStage("SalesAcceptedLead");
        var nurture = words.GetLeadStatus("NurtureEventFollowUp");
        var competitor = words.GetDisqualificationReason("ChoseCompetitor");
        var grain = fixture.Grains.GetGrain<IContactGrain>("V-1");

        // Every silo learns the published agreement within the refresh interval; until then a call carrying its terms is refused by name.
        var created = await UntilLearnedAsync(() => grain.CreateAsync("new-prospect", LifecycleStage.Lead, new By(partner).Named("Reseller A")));
        Assert.Equal(partner, created.State.History[0].By.Actor);

        var moved = await grain.OverrideAsync(sal, nurture, "Imported from the partner's CRM", new By(partner).Named("Reseller A"));
        Assert.Equal(sal, moved.Stage);
        Assert.Equal(nurture, moved.State.History[^1].ToStatus);
        Assert.True(moved.State.History[^1].ToStatus!.IsClosed);

        var refused = await Assert.ThrowsAsync<LifecycleTransitionException>(() => grain.ConvertAsync(new By(partner)));
        Assert.Equal(sal, refused.Stage);

        var disqualified = await grain.DisqualifyAsync(competitor, new By(partner), "Signed with a competitor");
        Assert.Equal(competitor, disqualified.State.History[^1].DisqualificationReason);

        // A new activation, on whichever silo, reads the stored state back with the agreement's vocabulary.
        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var reread = await grain.GetAsync();
        Assert.NotNull(reread);
        Assert.Equal(disqualified.State.History.Select(t => (t.To.Name, t.ToStatus?.Name, t.By.Actor.Name, t.DisqualificationReason?.Name)), reread.State.History.Select(t => (t.To.Name, t.ToStatus?.Name, t.By.Actor.Name, t.DisqualificationReason?.Name)));
        Assert.Equal(sal, reread.State.History[^2].To);
        Assert.Equal(partner, reread.State.History[^1].By.Actor);
        Assert.True(reread.State.History[^2].To.IsAdded);
    }

    private static async Task<T> UntilLearnedAsync<T>(Func<Task<T>> call)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            try
            {
                return await call();
            }
            catch (UnknownTermException) when (!limit.IsCancellationRequested)
            {
                await Task.Delay(50, CancellationToken.None);
            }
        }
    }
}
