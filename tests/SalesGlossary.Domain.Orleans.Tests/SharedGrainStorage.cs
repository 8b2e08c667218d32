using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace SalesGlossary.Domain.Orleans.Tests;

/// <summary>
/// A grain storage that outlives silos, like a database would: state is kept serialized in the test process, shared by
/// every silo of one cluster, with etags checked on every write. (Orleans' own memory storage keeps state in grains that
/// die with their silo, so a test of silo loss needs a store outside the silos.)
/// </summary>
internal sealed class SharedGrainStorage(Serializer serializer, IOptions<ClusterOptions> cluster) : IGrainStorage
{
    private static readonly ConcurrentDictionary<string, Entry> Store = new(StringComparer.Ordinal);

    public static IEnumerable<(string GrainId, byte[] Data)> Entries(string clusterId, string stateName)
    {
        var prefix = clusterId + "|" + stateName + "|";
        return Store.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(e => (e.Key[prefix.Length..], e.Value.Data));
    }

    /// <summary>Stores a state directly, as records already in the application's database before the cluster starts.</summary>
    public static void Put(string clusterId, string stateName, string grainId, byte[] data) =>
        Store[clusterId + "|" + stateName + "|" + grainId] = new Entry(data, Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Store.TryGetValue(Key(stateName, grainId), out var entry))
        {
            grainState.State = serializer.Deserialize<T>(entry.Data);
            grainState.ETag = entry.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        var next = new Entry(serializer.SerializeToArray(grainState.State), Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        var written = grainState.ETag is null
            ? Store.TryAdd(key, next)
            : Store.TryGetValue(key, out var stored) && stored.ETag == grainState.ETag && Store.TryUpdate(key, next, stored);
        if (!written)
        {
            throw new InconsistentStateException("The stored state changed since it was read (etag mismatch).", Store.TryGetValue(key, out var now) ? now.ETag : "none", grainState.ETag ?? "none");
        }

        grainState.ETag = next.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Store.TryRemove(Key(stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
        return Task.CompletedTask;
    }

    private string Key(string stateName, GrainId grainId) => cluster.Value.ClusterId + "|" + stateName + "|" + grainId;

    private sealed record Entry(byte[] Data, string ETag);
}
