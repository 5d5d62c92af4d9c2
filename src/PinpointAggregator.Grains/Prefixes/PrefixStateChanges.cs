using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using PinpointAggregator.Grains.Infrastructure;

namespace PinpointAggregator.Grains.Prefixes;

/// <summary>
/// Decides whether a prefix's state changed since it was last written, ignoring what every poll changes:
/// when it polled, when it polls next, its interval, the time it read through, and the poll and request
/// counters. An idle poll therefore writes nothing; those fields are saved with the next real change.
/// </summary>
/// <remarks>
/// A fingerprint of the stored JSON, rather than a flag each mutation must remember to set: a new field is
/// covered without anyone having to think of it. The state is bounded by the window, so hashing it costs
/// microseconds next to the poll's LIST request.
/// </remarks>
internal sealed class PrefixStateChanges
{
    /// <summary>Fields of <see cref="TrailPrefixState"/> (as named in its JSON) that every poll moves.</summary>
    private static readonly string[] Volatile = ["lastPollAt", "nextPollAt", "interval", "readThrough"];

    /// <summary>Fields of <see cref="PrefixCountersState"/> that idle polls move; GETs always come with a real change.</summary>
    private static readonly string[] VolatileCounters = ["polls", "requests"];

    private byte[] _saved = [];

    /// <summary>Remembers the state as written (or as read on activation).</summary>
    public void Saved(TrailPrefixState state) => _saved = Fingerprint(state);

    public bool Changed(TrailPrefixState state) => !Fingerprint(state).AsSpan().SequenceEqual(_saved);

    private static byte[] Fingerprint(TrailPrefixState state)
    {
        var json = JsonSerializer.SerializeToNode(state, GrainStateJsonSerializer.Options)!.AsObject();
        foreach (var name in Volatile)
        {
            json.Remove(name);
        }

        if (json["counters"] is JsonObject counters)
        {
            foreach (var name in VolatileCounters)
            {
                counters.Remove(name);
            }
        }

        return SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(json));
    }
}
