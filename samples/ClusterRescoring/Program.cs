// Two silos and a client on this machine (loopback only): contacts hosted as grains, the default agreement published to
// the cluster, a rule change published as the next model generation, and every contact rescored by a job spread over both
// silos, with progress and each silo's share printed.
//
//   dotnet run --project samples/ClusterRescoring [contacts]     (default 20,000)
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ClusterRescoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SalesGlossary.Domain;
using SalesGlossary.Domain.Orleans;
using SalesGlossary.Domain.Orleans.Contacts;
using SalesGlossary.Domain.Orleans.Models;
using SalesGlossary.Domain.Orleans.Rescoring;

var contacts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var source = new GeneratedContacts(contacts, partitions: 16);
var (primaryPort, primaryGateway, secondPort, secondGateway) = (FreePort(), FreePort(), FreePort(), FreePort());

using var first = await StartSilo(primaryPort, primaryGateway, primary: null);
using var second = await StartSilo(secondPort, secondGateway, primary: new IPEndPoint(IPAddress.Loopback, primaryPort));
using var client = Host.CreateDefaultBuilder()
    .UseOrleansClient(c => c.UseLocalhostClustering([primaryGateway, secondGateway]))
    .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Error))
    .Build();
await client.StartAsync();
var grains = client.Services.GetRequiredService<IClusterClient>();
Console.WriteLine($"Cluster of two silos on loopback (ports {primaryPort} and {secondPort}), client through gateways {primaryGateway} and {secondGateway}.");

// The agreement as shipped is generation 1 everywhere in the cluster.
var registry = ModelRegistry.Get(grains);
var v1 = await registry.PublishAsync(ServiceLevelAgreement.DefaultJson, new Dictionary<string, string>());
Console.WriteLine($"Published generation {v1.Generation}: the default agreement with scoring model '{ServiceLevelAgreement.SampleScoringModelName}' 1.0.0.");

// Contacts are grains: one activation per contact, every change serialized and stored.
var clock = System.Diagnostics.Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(0, contacts), new ParallelOptions { MaxDegreeOfParallelism = 128 }, async (i, _) =>
    await grains.GetGrain<IContactGrain>(GeneratedContacts.IdOf(i)).CreateAsync(GeneratedContacts.LeadTypeOf(i), LifecycleStage.Lead, By.Marketing));
Console.WriteLine($"Created {contacts:N0} contacts in {clock.Elapsed.TotalSeconds:F1} s.");

// Marketing changes a rule: software companies are worth more. The change is the cluster's next generation.
var changed = LeadScoringModel.SampleJson
    .Replace("\"Version\": \"1.0.0\"", "\"Version\": \"1.1.0\"", StringComparison.Ordinal)
    .Replace("\"points\": 20, \"group\": \"fit\", \"description\": \"Software", "\"points\": 45, \"group\": \"fit\", \"description\": \"Software", StringComparison.Ordinal);
var v2 = await registry.PublishAsync(ServiceLevelAgreement.DefaultJson, new Dictionary<string, string> { [ServiceLevelAgreement.SampleScoringModelName] = changed });
Console.WriteLine($"Published generation {v2.Generation}: scoring model 1.1.0 (IndustryIsSoftware 20 -> 45 points).");

// Rescore everyone with the new generation, spread over the silos' partitions.
clock.Restart();
var job = "rescore-after-rule-change";
await grains.StartRescoringAsync(job, new RescoringJobOptions { AsOf = GeneratedContacts.AsOf, PageSize = 500 });
var done = await grains.WaitForRescoringAsync(
    job,
    new PrintedProgress(contacts),
    TimeSpan.FromMilliseconds(250));
var seconds = clock.Elapsed.TotalSeconds;
Console.WriteLine($"Job '{job}' {done.Status} in {seconds:F1} s: {done.Rescored:N0} contacts rescored ({done.Rescored / seconds:N0} per second), {done.Skipped} skipped, {done.Incomplete} with rule errors.");
foreach (var (silo, count) in done.PerSilo.OrderBy(s => s.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"  silo {silo}: {count,8:N0} contacts ({100.0 * count / Math.Max(1, done.Rescored):F0} %)");
}

var sample = await grains.GetGrain<IContactGrain>(GeneratedContacts.IdOf(1)).GetAsync();
Console.WriteLine($"Contact {GeneratedContacts.IdOf(1)}: stage {sample!.Stage.DisplayName}, score {sample.Score!.Total} by model {sample.Score.Model} {sample.Score.ModelVersion} (generation {sample.Score.Generation}, job {sample.Score.JobId}).");

await client.StopAsync();
await second.StopAsync();
await first.StopAsync();
if (done.Status != RescoringStatus.Completed || done.Rescored != contacts)
{
    Console.Error.WriteLine("The job did not rescore every contact.");
    return 1;
}

return 0;

async Task<IHost> StartSilo(int siloPort, int gatewayPort, IPEndPoint? primary)
{
    var host = Host.CreateDefaultBuilder()
        .UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, primary);
            silo.AddMemoryGrainStorage(SalesGlossaryCluster.StorageName); // a durable provider (ADO.NET, Azure, Redis…) in production
            silo.AddSalesGlossary();
            silo.Services.AddSingleton<IContactPartitionSource>(source);
        })
        .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Error))
        .Build();
    await host.StartAsync();
    return host;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

/// <summary>Prints each look at the job as it comes, in order.</summary>
internal sealed class PrintedProgress(int contacts) : IProgress<RescoringProgress>
{
    public void Report(RescoringProgress value) => Console.WriteLine(
        $"  {value.Status,-9} {value.Rescored,8:N0} of {contacts:N0} contacts, {value.PartitionsDone,2} of {value.Partitions} partitions done");
}
