using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PinpointAggregator.Grains.Infrastructure;

/// <summary>
/// Decides whether a grain's state changed since it was last written, ignoring the fields every round of its
/// schedule moves (when it ran, when it runs next, counters of rounds). A round that changed nothing else
/// writes nothing; those fields are saved with the next real change.
/// </summary>
/// <remarks>
/// A fingerprint of the stored JSON, rather than a flag each mutation must remember to set: a new field is
/// covered without anyone having to think of it.
/// </remarks>
/// <param name="volatilePaths">JSON paths (as stored, dot-separated: <c>health.nextAttemptAt</c>) left out of the fingerprint.</param>
internal class StateChanges<TState>(params string[] volatilePaths)
{
    private byte[] _saved = [];

    /// <summary>Remembers the state as written (or as read on activation).</summary>
    public void Saved(TState state) => _saved = Fingerprint(state);

    public bool Changed(TState state) => !Fingerprint(state).AsSpan().SequenceEqual(_saved);

    private byte[] Fingerprint(TState state)
    {
        var json = JsonSerializer.SerializeToNode(state, GrainStateJsonSerializer.Options)!.AsObject();
        foreach (var path in volatilePaths)
        {
            var parts = path.Split('.');
            var parent = json;
            foreach (var part in parts[..^1])
            {
                parent = parent?[part] as JsonObject;
            }

            parent?.Remove(parts[^1]);
        }

        return SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(json));
    }
}
