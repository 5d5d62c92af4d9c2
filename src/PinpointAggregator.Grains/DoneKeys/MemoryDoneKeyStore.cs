using System.Collections.Concurrent;

namespace PinpointAggregator.Grains.DoneKeys;

/// <summary>
/// The done-key store of the embedded default and of tests: this process's memory, gone at exit. Pair it
/// only with grain storage that is gone at exit too: durable prefix state with forgotten done keys would
/// read the reconcile horizon again (harmless, but not once) and report its oldest files as missed.
/// </summary>
public sealed class MemoryDoneKeyStore : IDoneKeyStore
{
    private readonly ConcurrentDictionary<string, Dictionary<string, DateTime>> _prefixes = new(StringComparer.Ordinal);

    public Task RecordAsync(string prefix, IReadOnlyCollection<DoneKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var done = KeysOf(prefix);
        lock (done)
        {
            foreach (var key in keys)
            {
                done[key.Key] = key.NameTime;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlySet<string>> FindDoneAsync(string prefix, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var done = KeysOf(prefix);
        lock (done)
        {
            return Task.FromResult<IReadOnlySet<string>>(keys.Where(done.ContainsKey).ToHashSet(StringComparer.Ordinal));
        }
    }

    public Task ForgetAsync(string prefix, DateTime before, CancellationToken cancellationToken)
    {
        var done = KeysOf(prefix);
        lock (done)
        {
            foreach (var old in done.Where(p => p.Value < before).Select(p => p.Key).ToList())
            {
                done.Remove(old);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>How many keys the prefix has recorded, for tests of what is kept.</summary>
    public int Count(string prefix)
    {
        var done = KeysOf(prefix);
        lock (done)
        {
            return done.Count;
        }
    }

    private Dictionary<string, DateTime> KeysOf(string prefix) => _prefixes.GetOrAdd(prefix, _ => new Dictionary<string, DateTime>(StringComparer.Ordinal));
}
