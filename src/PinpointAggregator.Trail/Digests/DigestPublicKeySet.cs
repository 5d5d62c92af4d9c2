using System.Collections.Frozen;

namespace PinpointAggregator.Trail.Digests;

/// <summary>The public keys a verifier trusts, found by fingerprint. Immutable; safe to share across threads.</summary>
public sealed class DigestPublicKeySet
{
    private readonly FrozenDictionary<string, DigestPublicKey> _byFingerprint;

    public DigestPublicKeySet(IEnumerable<DigestPublicKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var map = new Dictionary<string, DigestPublicKey>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            // The same key listed twice (two regions, two files) is one key: its fingerprint is its name.
            map.TryAdd(key.Fingerprint, key);
        }

        _byFingerprint = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>An empty set: every digest's key is unknown.</summary>
    public static DigestPublicKeySet Empty { get; } = new([]);

    public int Count => _byFingerprint.Count;

    /// <summary>The key with <paramref name="fingerprint"/> (hex, any case); false when the set does not hold it.</summary>
    public bool TryGet(string fingerprint, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DigestPublicKey? key)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        return _byFingerprint.TryGetValue(fingerprint.ToLowerInvariant(), out key);
    }
}
