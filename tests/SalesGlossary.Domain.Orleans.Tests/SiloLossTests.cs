using SalesGlossary.Domain.Orleans.Rescoring;
using Xunit.Abstractions;

namespace SalesGlossary.Domain.Orleans.Tests;

public sealed class SiloLossTests(LargeCluster fixture, ITestOutputHelper output) : IClassFixture<LargeCluster>
{
    private const int Contacts = 100_000;

    [Fact]
    public async Task RescoringJob_OverOneHundredThousandContacts_SurvivesTheLossOfASilo_NoContactMissedNoneAppliedTwice()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await fixture.SeedInStoreAsync(Contacts);
        output.WriteLine($"seeded in {clock.Elapsed}");
        var victim = fixture.Cluster.SecondarySilos[0];
        await fixture.Grains.StartRescoringAsync("silo-loss", new RescoringJobOptions { PageSize = 500, AsOf = GeneratedContacts.AsOf });
        var job = fixture.Grains.GetGrain<IRescoringJobGrain>("silo-loss");

        RescoringProgress beforeKill;
        do
        {
            await Task.Delay(100);
            beforeKill = await job.GetProgressAsync();
        }
        while (beforeKill.Rescored < Contacts / 5 && !beforeKill.IsFinished);
        await fixture.Cluster.KillSiloAsync(victim);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var done = await fixture.Grains.WaitForRescoringAsync("silo-loss", cancellationToken: limit.Token);
        output.WriteLine($"rescored in {clock.Elapsed}: {done}");

        Assert.False(beforeKill.IsFinished, "the silo was killed after the job finished");
        Assert.Equal(RescoringStatus.Completed, done.Status);
        Assert.Equal(Contacts, done.Rescored);
        Assert.Contains(done.PerSilo, s => s.Key == victim.SiloAddress.ToString() && s.Value > 0);
        Assert.True(done.PerSilo.Count >= 2, "only one silo rescored");
        var stored = RescoringTests.Generated(fixture.StoredContacts());
        Assert.Equal(Enumerable.Range(0, Contacts), stored.Select(s => s.Index).Order());
        Assert.All(stored, s =>
        {
            Assert.Equal(2, s.Record.Revision); // created, then rescored exactly once
            Assert.Equal("silo-loss", s.Record.Score!.JobId);
            Assert.Single(s.Record.RecentJobs, "silo-loss");
        });
    }
}
