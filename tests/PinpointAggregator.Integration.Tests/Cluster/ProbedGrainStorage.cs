using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace PinpointAggregator.Integration.Tests.Cluster;

/// <summary>
/// The process-wide test storage, counted by a <see cref="StorageProbe"/>; a write it is told to fail throws
/// <see cref="InconsistentStateException"/> and stores nothing, as when another activation wrote first.
/// </summary>
internal sealed class ProbedGrainStorage(IOptions<ClusterOptions> cluster, IConfiguration configuration) : IGrainStorage
{
    private readonly ProcessWideGrainStorage _inner = new(cluster);
    private readonly StorageProbe _probe = StorageProbe.For(cluster.Value.ServiceId);
    private readonly string[] _conflicting = (configuration[StorageProbe.ConflictSetting] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _probe.Read(stateName, grainId.Key.ToString()!);
        return _inner.ReadStateAsync(stateName, grainId, grainState);
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_probe.Write(stateName, grainId.Key.ToString()!, _conflicting))
        {
            throw new InconsistentStateException($"Injected conflict writing {stateName} of {grainId} (test).");
        }

        return _inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => _inner.ClearStateAsync(stateName, grainId, grainState);
}
