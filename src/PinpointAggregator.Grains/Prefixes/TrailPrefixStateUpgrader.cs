using System.Text.Json.Nodes;
using PinpointAggregator.Grains.Infrastructure;

namespace PinpointAggregator.Grains.Prefixes;

/// <summary>Upgrades stored <see cref="TrailPrefixState"/>s of older shapes.</summary>
/// <remarks>
/// Version 1 kept a file waiting for a retry as its name-time only (<c>retry: {key: stamp}</c>); version 2
/// keeps a <see cref="RetryState"/> per file. Such a file is carried over as failed once and due now, so
/// the next poll retries it, as version 1 would have. Version 3 changed only C# types, not the JSON.
/// </remarks>
internal sealed class TrailPrefixStateUpgrader : IStateUpgrader
{
    /// <summary>What an upgraded retry says about its last error: version 1 did not keep one.</summary>
    public const string CarriedOverError = "carried over from state version 1 (no error kept)";

    public Type StateType => typeof(TrailPrefixState);

    public int CurrentVersion => TrailPrefixState.CurrentVersion;

    public void Upgrade(JsonObject state, int storedVersion)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (storedVersion < 2 && state["retry"] is JsonObject retry)
        {
            foreach (var (key, stamp) in retry.ToList())
            {
                retry[key] = new JsonObject
                {
                    ["stamp"] = stamp?.DeepClone(),
                    ["attempts"] = 1,
                    ["firstFailedAt"] = stamp?.DeepClone(),
                    ["nextAttemptAt"] = stamp?.DeepClone(),
                    ["lastError"] = CarriedOverError,
                };
            }
        }
    }
}
