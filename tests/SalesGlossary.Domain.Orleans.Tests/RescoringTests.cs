using SalesGlossary.Domain.Orleans.Contacts;
using SalesGlossary.Domain.Orleans.Models;
using SalesGlossary.Domain.Orleans.Rescoring;

namespace SalesGlossary.Domain.Orleans.Tests;

[Collection(SmallClusterCollection.Name)]
public sealed class RescoringTests(SmallCluster fixture) : IAsyncLifetime
{
    private const int Contacts = 5_000;

    public async Task InitializeAsync()
    {
        if (!fixture.StoredContacts().Any(c => c.GrainId.EndsWith("/c-0", StringComparison.Ordinal)))
        {
            await fixture.SeedAsync(Contacts);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ModelPublishedDuringAJob_LeavesEveryContactScoredByTheJobsOneGeneration_Recorded()
    {
        var registry = ModelRegistry.Get(fixture.Grains);
        var pinned = (await registry.GetCurrentAsync())!.Generation;
        var started = await fixture.Grains.StartRescoringAsync("publish-during-job", new RescoringJobOptions { PageSize = 50, AsOf = GeneratedContacts.AsOf });

        var next = await registry.PublishAsync(ServiceLevelAgreement.DefaultJson, new Dictionary<string, string> { [ServiceLevelAgreement.SampleScoringModelName] = ModelV2 });
        var during = await fixture.Grains.GetGrain<IRescoringJobGrain>("publish-during-job").GetProgressAsync();
        var done = await fixture.Grains.WaitForRescoringAsync("publish-during-job", cancellationToken: Limit());

        Assert.Equal(pinned, started.Generation);
        Assert.Equal(RescoringStatus.Running, during.Status);
        Assert.Equal(RescoringStatus.Completed, done.Status);
        Assert.Equal(Contacts, done.Rescored);
        var scored = Generated(fixture.StoredContacts());
        Assert.Equal(Contacts, scored.Count);
        Assert.All(scored, c =>
        {
            Assert.Equal("publish-during-job", c.Record.Score!.JobId);
            Assert.Equal(pinned, c.Record.Score.Generation);
            Assert.Equal("1.0.0", c.Record.Score.ModelVersion);
        });
        var sample = LeadScoringModel.LoadSample();
        Assert.All(scored.Take(200), c => Assert.Equal(sample.Score(GeneratedContacts.LeadOf(c.Index), GeneratedContacts.AsOf).Total, c.Record.Score!.Total));

        // A job started after the publication scores with the new generation, and so does a contact scored alone.
        var after = await fixture.Grains.StartRescoringAsync("after-publish", new RescoringJobOptions { PageSize = 500, AsOf = GeneratedContacts.AsOf });
        var afterDone = await fixture.Grains.WaitForRescoringAsync("after-publish", cancellationToken: Limit());
        Assert.Equal(next.Generation, after.Generation);
        Assert.Equal(Contacts, afterDone.Rescored);
        Assert.All(Generated(fixture.StoredContacts()), c =>
        {
            Assert.Equal(next.Generation, c.Record.Score!.Generation);
            Assert.Equal("2.0.0", c.Record.Score.ModelVersion);
        });
        // The silo hosting the contact switches within its refresh interval: polled, with a limit.
        var contact = fixture.Grains.GetGrain<IContactGrain>(GeneratedContacts.IdOf(7));
        ContactView alone;
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while ((alone = await contact.ScoreAsync(GeneratedContacts.LeadOf(7), By.System)).Score!.Generation != next.Generation)
            {
                await Task.Delay(50, limit.Token);
            }
        }

        Assert.Equal(next.Generation, alone.Score!.Generation);
        Assert.Equal("2.0.0", alone.Score.ModelVersion);
        await registry.PublishAsync(ServiceLevelAgreement.DefaultJson, new Dictionary<string, string>());
    }

    [Fact]
    public async Task StartingAJobAgain_RescoresNoContactTwice_AndOtherOptionsAreRefused()
    {
        await fixture.Grains.StartRescoringAsync("twice", new RescoringJobOptions { AsOf = GeneratedContacts.AsOf });
        var first = await fixture.Grains.WaitForRescoringAsync("twice", cancellationToken: Limit());
        var revisions = Generated(fixture.StoredContacts()).ToDictionary(c => c.Index, c => c.Record.Revision);

        var again = await fixture.Grains.StartRescoringAsync("twice", new RescoringJobOptions { AsOf = GeneratedContacts.AsOf });

        Assert.Equal(RescoringStatus.Completed, again.Status);
        Assert.Equal(first.Rescored, again.Rescored);
        Assert.Equal(revisions, Generated(fixture.StoredContacts()).ToDictionary(c => c.Index, c => c.Record.Revision));
        await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Grains.StartRescoringAsync("twice", new RescoringJobOptions { PageSize = 7 }));
    }

    [Fact]
    public async Task JobWritingThroughTheSource_WritesEachTotalOnce_AndLeavesTheGrainsAlone()
    {
        var revisions = Generated(fixture.StoredContacts()).ToDictionary(c => c.Index, c => c.Record.Revision);

        await fixture.Grains.StartRescoringAsync("through-source", new RescoringJobOptions { Target = RescoringTarget.Source, PageSize = 300 });
        var done = await fixture.Grains.WaitForRescoringAsync("through-source", cancellationToken: Limit());

        Assert.Equal(RescoringStatus.Completed, done.Status);
        var written = fixture.Source.Written.Where(w => w.Key.JobId == "through-source").ToList();
        Assert.Equal(Contacts, written.Count);
        Assert.All(written, w => Assert.Equal(1, w.Value));
        Assert.Equal(revisions, Generated(fixture.StoredContacts()).ToDictionary(c => c.Index, c => c.Record.Revision));
    }

    [Fact]
    public async Task CancelledJob_StopsBeforeTheEnd_AndReportsCancelled()
    {
        await fixture.Grains.StartRescoringAsync("cancelled", new RescoringJobOptions { PageSize = 5 });
        // Cancelling returns once every partition took the cancellation, after the page it was on: the count is final now.
        var cancelled = await fixture.Grains.GetGrain<IRescoringJobGrain>("cancelled").CancelAsync();
        var rescored = Generated(fixture.StoredContacts()).Count(c => c.Record.RecentJobs.Contains("cancelled"));

        Assert.Equal(RescoringStatus.Cancelled, cancelled.Status);
        Assert.True(rescored < Contacts, "rescored " + rescored);
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // an observation window of two job watch intervals, not a wait for anything
        Assert.Equal(rescored, Generated(fixture.StoredContacts()).Count(c => c.Record.RecentJobs.Contains("cancelled")));
    }

    [Fact]
    public async Task JobPinnedToAGenerationNeverPublished_IsRefusedWithTheReason()
    {
        var refused = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => fixture.Grains.StartRescoringAsync("unknown-generation", new RescoringJobOptions { Generation = 999 }));

        Assert.Contains("999", refused.Message, StringComparison.Ordinal);
    }

    internal static CancellationToken Limit() => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    internal static List<(int Index, ContactRecord Record)> Generated(IEnumerable<(string GrainId, ContactRecord Record)> stored) =>
        [.. stored
            .Select(s => (Id: s.GrainId[(s.GrainId.IndexOf('/', StringComparison.Ordinal) + 1)..], s.Record))
            .Where(s => s.Id.StartsWith("c-", StringComparison.Ordinal))
            .Select(s => (int.Parse(s.Id[2..], System.Globalization.CultureInfo.InvariantCulture), s.Record))];

    private static string ModelV2 => LeadScoringModel.SampleJson
        .Replace("\"Version\": \"1.0.0\"", "\"Version\": \"2.0.0\"", StringComparison.Ordinal)
        .Replace("\"points\": 20, \"group\": \"fit\", \"description\": \"Software", "\"points\": 30, \"group\": \"fit\", \"description\": \"Software", StringComparison.Ordinal);
}
