using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SalesGlossary.Domain.Orleans.Serialization;

namespace SalesGlossary.Domain.Orleans.Models;

/// <summary>A silo's view of the cluster's models: each generation compiled once, the current one swapped in as one reference.</summary>
internal sealed class ClusterModels(IGrainFactory grains, TimeProvider time, IOptions<SalesGlossaryClusterOptions> options, AgreementTerms terms) : IDisposable
{
    private readonly ConcurrentDictionary<long, Lazy<Task<ModelGeneration>>> compiled = new();
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private volatile Snapshot? current;

    /// <summary>Gets a generation by number, compiling it on first use.</summary>
    public Task<ModelGeneration> GetAsync(long generation) =>
        compiled.GetOrAdd(generation, g => new Lazy<Task<ModelGeneration>>(() => CompileAsync(g))).Value;

    /// <summary>Gets the current generation as this silo last learned it, at most <see cref="SalesGlossaryClusterOptions.ModelRefreshInterval"/> old.</summary>
    public async Task<ModelGeneration> GetCurrentAsync()
    {
        var now = time.GetUtcNow();
        var seen = current;
        if (seen is not null && now - seen.CheckedAt < options.Value.ModelRefreshInterval)
        {
            return seen.Models;
        }

        await refreshing.WaitAsync().ConfigureAwait(false);
        try
        {
            seen = current;
            if (seen is not null && now - seen.CheckedAt < options.Value.ModelRefreshInterval)
            {
                return seen.Models;
            }

            var published = await ModelRegistry.Get(grains).GetCurrentAsync().ConfigureAwait(false)
                ?? throw new InvalidOperationException(
                    "No agreement has been published to the cluster; publish one first with IModelRegistryGrain.PublishAsync (ModelRegistry.Get(grains)).");
            var models = await Remember(published).Value.ConfigureAwait(false);
            current = new Snapshot(models, time.GetUtcNow());
            return models;
        }
        finally
        {
            refreshing.Release();
        }
    }

    public void Dispose() => refreshing.Dispose();

    /// <summary>Forgets when the current generation was last checked, so the next use asks the registry.</summary>
    public void Invalidate() => current = null;

    private Lazy<Task<ModelGeneration>> Remember(PublishedModels published) =>
        compiled.GetOrAdd(published.Generation, _ => new Lazy<Task<ModelGeneration>>(() => Task.FromResult(Compile(published))));

    private async Task<ModelGeneration> CompileAsync(long generation)
    {
        try
        {
            var published = await ModelRegistry.Get(grains).GetAsync(generation).ConfigureAwait(false);
            return Compile(published);
        }
        catch
        {
            compiled.TryRemove(generation, out _);
            throw;
        }
    }

    private ModelGeneration Compile(PublishedModels published)
    {
        var generation = new ModelGeneration(published.Generation, ServiceLevelAgreement.Load(published.AgreementJson, published.ScoringModels.Count == 0 ? null : published.ScoringModels));

        // The silo's surrogates and grains read the agreement's own terms through its vocabulary from now on.
        terms.Remember(generation.Agreement.Vocabulary);
        return generation;
    }

    private sealed record Snapshot(ModelGeneration Models, DateTimeOffset CheckedAt);
}
