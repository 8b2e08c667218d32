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
internal sealed class SharedGrainStorage(Serializer serializer, IOptions<ClusterOptions> cluster, ILocalSiloDetails silo) : IGrainStorage
{
    private static readonly ConcurrentDictionary<string, Entry> Store = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, WriteFault> Faults = new(StringComparer.Ordinal);

    /// <summary>Arms a fault for the next write of a cluster that matches; it fires once.</summary>
    public static WriteFault Arm(string clusterId, WriteFault fault)
    {
        if (!Faults.TryAdd(clusterId, fault))
        {
            throw new InvalidOperationException("A fault is armed already for cluster " + clusterId + ".");
        }

        return fault;
    }

    /// <summary>Disarms the cluster's fault and lets a write it holds go on (failing: its silo is gone).</summary>
    public static void Disarm(string clusterId)
    {
        if (Faults.TryRemove(clusterId, out var fault))
        {
            fault.Release.TrySetException(new InvalidOperationException("The silo of this write was stopped."));
        }
    }

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

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var fault = Faults.TryGetValue(cluster.Value.ClusterId, out var armed) && armed.Matches(stateName, grainId, grainState.State!) && armed.TryFire(silo.SiloAddress) ? armed : null;
        if (fault is { Kind: FaultKind.ThrowBeforeStoring })
        {
            throw new InvalidOperationException("Injected storage failure: the write did not reach the store.");
        }

        if (fault is { Kind: FaultKind.HangBeforeStoring })
        {
            await fault.Release.Task; // the silo dies here: the write never reaches the store
        }

        Write(stateName, grainId, grainState);
        if (fault is { Kind: FaultKind.HangAfterStoring })
        {
            await fault.Release.Task; // the silo dies here: the write is stored, and nothing after it happens
        }
    }

    private void Write<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
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

internal enum FaultKind
{
    /// <summary>The write fails and stores nothing.</summary>
    ThrowBeforeStoring,

    /// <summary>The write never returns and stores nothing, as when its silo dies before the store answers.</summary>
    HangBeforeStoring,

    /// <summary>The write is stored and never returns, as when its silo dies right after the store answered.</summary>
    HangAfterStoring,
}

/// <summary>A storage fault for one write: which write, what happens to it, and the silo it happened on.</summary>
internal sealed class WriteFault(FaultKind kind, Func<string, GrainId, object, bool> matches)
{
    private int fired;

    public FaultKind Kind => kind;

    public Func<string, GrainId, object, bool> Matches => matches;

    /// <summary>Completes with the silo whose write met the fault.</summary>
    public TaskCompletionSource<SiloAddress> Hit { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool TryFire(SiloAddress silo)
    {
        if (Interlocked.Exchange(ref fired, 1) == 1)
        {
            return false;
        }

        Hit.TrySetResult(silo);
        return true;
    }
}
