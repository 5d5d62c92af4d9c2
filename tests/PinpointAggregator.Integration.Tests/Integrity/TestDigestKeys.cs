using System.Collections.Concurrent;
using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.Integration.Tests.Integrity;

/// <summary>
/// A test cluster's public-key source (one per service id, shared by its silos): the keys the test trusts,
/// and a switch that makes every lookup fail as a throttled or denied <c>ListPublicKeys</c> would.
/// </summary>
internal sealed class TestDigestKeys : IDigestPublicKeySource
{
    private static readonly ConcurrentDictionary<string, TestDigestKeys> Clusters = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, DigestPublicKey> _keys = new(StringComparer.Ordinal);
    private int _lookups;

    public static TestDigestKeys For(string serviceId) => Clusters.GetOrAdd(serviceId, _ => new TestDigestKeys());

    /// <summary>While true, every lookup throws <see cref="DigestKeySourceException"/>.</summary>
    public bool Failing { get; set; }

    public int Lookups => Volatile.Read(ref _lookups);

    public void Trust(DigestPublicKey key) => _keys[key.Fingerprint] = key;

    public Task<DigestPublicKey?> FindAsync(string accountId, string region, string fingerprint, DateTimeOffset digestEndTime, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lookups);
        return Failing
            ? throw new DigestKeySourceException("ListPublicKeys was throttled (test)")
            : Task.FromResult(_keys.GetValueOrDefault(fingerprint));
    }
}
