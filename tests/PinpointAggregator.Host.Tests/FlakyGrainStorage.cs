using System.Collections.Concurrent;
using Orleans.Runtime;
using Orleans.Storage;

namespace PinpointAggregator.Host.Tests;

/// <summary>
/// In-memory grain storage whose first reads or writes of one state fail, as when the database is not
/// reachable yet; after that it stores like any other.
/// </summary>
internal sealed class FlakyGrainStorage(string failingState, bool failReads, int failures) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly ConcurrentDictionary<(string, GrainId), object?> _states = new();
    private readonly int _failures = failures;
    private int _failuresLeft = failures;

    public int Failed => _failures - Math.Max(Volatile.Read(ref _failuresLeft), 0);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (failReads)
        {
            FailIfDue(stateName);
        }

        if (_states.TryGetValue((stateName, grainId), out var stored))
        {
            (grainState.State, grainState.RecordExists, grainState.ETag) = ((T)stored!, true, "1");
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!failReads)
        {
            FailIfDue(stateName);
        }

        _states[(stateName, grainId)] = grainState.State;
        (grainState.RecordExists, grainState.ETag) = (true, "1");
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _states.TryRemove((stateName, grainId), out _);
        (grainState.RecordExists, grainState.ETag) = (false, null);
        return Task.CompletedTask;
    }

    /// <summary>The memory storage this replaces takes part in the silo's lifecycle; this one has nothing to start.</summary>
    public void Participate(ISiloLifecycle observer)
    {
    }

    private void FailIfDue(string stateName)
    {
        if (stateName == failingState && Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new IOException("Grain storage is not reachable (test).");
        }
    }
}
