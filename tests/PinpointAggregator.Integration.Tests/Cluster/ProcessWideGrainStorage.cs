using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace PinpointAggregator.Integration.Tests.Cluster;

/// <summary>
/// Grain storage that outlives the silos of a test cluster, as a database would: silos are killed and
/// restarted in the same test process, and their grains must find their state again. Keyed by service id,
/// so clusters never see each other's state. Stores the state as the production serializer writes it (JSON),
/// with e-tags, like a real provider: what a grain reads back is what a database would give it.
/// </summary>
internal sealed class ProcessWideGrainStorage(IOptions<ClusterOptions> cluster) : IGrainStorage
{
    private static readonly ConcurrentDictionary<string, (BinaryData State, string ETag)> Store = new(StringComparer.Ordinal);
    private static readonly Grains.Infrastructure.GrainStateJsonSerializer Serializer = new();
    private static readonly ConcurrentDictionary<string, bool> Unavailable = new(StringComparer.Ordinal);

    /// <summary>Every write of the service's grains fails from now on, as when the database is away; reads still work (activations stay as they are).</summary>
    public static void FailWrites(string serviceId) => Unavailable[serviceId] = true;

    public static void AcceptWrites(string serviceId) => Unavailable.TryRemove(serviceId, out _);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Store.TryGetValue(Key(stateName, grainId), out var stored))
        {
            grainState.State = Serializer.Deserialize<T>(stored.State);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Unavailable.ContainsKey(cluster.Value.ServiceId))
        {
            throw new TimeoutException($"Grain storage is unavailable (writing {stateName} of {grainId}).");
        }

        var key = Key(stateName, grainId);
        var etag = Guid.NewGuid().ToString("N");
        Store.AddOrUpdate(
            key,
            _ => grainState.ETag is null ? (Serializer.Serialize(grainState.State), etag) : throw Conflict(key),
            (_, stored) => stored.ETag == grainState.ETag ? (Serializer.Serialize(grainState.State), etag) : throw Conflict(key));
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Store.TryRemove(Key(stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string Key(string stateName, GrainId grainId) => $"{cluster.Value.ServiceId}/{stateName}/{grainId}";

    private static InconsistentStateException Conflict(string key) => new($"E-tag mismatch writing {key}");
}
