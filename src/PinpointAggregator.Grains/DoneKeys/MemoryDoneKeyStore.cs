using System.Collections.Concurrent;

namespace PinpointAggregator.Grains.DoneKeys;

/// <summary>
/// The done-key store of the embedded default and of tests: this process's memory, gone at exit. Pair it
/// only with grain storage that is gone at exit too: durable prefix state with forgotten done keys would
/// read the reconcile horizon again (harmless, but not once) and report its oldest files as missed.
/// </summary>
public sealed class MemoryDoneKeyStore : IDoneKeyStore
{
    private readonly ConcurrentDictionary<string, Dictionary<string, Entry>> _prefixes = new(StringComparer.Ordinal);

    public Task RecordAsync(string prefix, IReadOnlyCollection<DoneKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var done = KeysOf(prefix);
        lock (done)
        {
            foreach (var key in keys)
            {
                if (done.TryGetValue(key.Key, out var known))
                {
                    var hashed = key.Sha256 is not null || key.Unhashable is not null;
                    done[key.Key] = known with
                    {
                        NameTime = key.NameTime,
                        Hash = hashed ? new DoneKeyHash(key.Sha256, key.Unhashable) : known.Hash,
                    };
                }
                else
                {
                    done[key.Key] = new Entry(key.NameTime, new DoneKeyHash(key.Sha256, key.Unhashable), Listed: false);
                }
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

    public Task<IReadOnlyDictionary<string, DoneKeyHash>> FindHashesAsync(string prefix, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var done = KeysOf(prefix);
        lock (done)
        {
            var found = new Dictionary<string, DoneKeyHash>(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                if (done.TryGetValue(key, out var entry))
                {
                    found[key] = entry.Hash;
                }
            }

            return Task.FromResult<IReadOnlyDictionary<string, DoneKeyHash>>(found);
        }
    }

    public Task MarkListedAsync(string prefix, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var done = KeysOf(prefix);
        lock (done)
        {
            foreach (var key in keys)
            {
                if (done.TryGetValue(key, out var entry))
                {
                    done[key] = entry with { Listed = true };
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DoneKey>> FindUnlistedAsync(string prefix, DateTime from, DateTime before, int limit, CancellationToken cancellationToken)
    {
        var done = KeysOf(prefix);
        lock (done)
        {
            IReadOnlyList<DoneKey> unlisted = [.. done
                .Where(p => !p.Value.Listed && p.Value.NameTime >= from && p.Value.NameTime < before)
                .OrderBy(p => p.Value.NameTime).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Take(limit)
                .Select(p => new DoneKey(p.Key, p.Value.NameTime, p.Value.Hash.Sha256, p.Value.Hash.Unhashable))];
            return Task.FromResult(unlisted);
        }
    }

    public Task ForgetAsync(string prefix, DateTime before, CancellationToken cancellationToken)
    {
        var done = KeysOf(prefix);
        lock (done)
        {
            foreach (var old in done.Where(p => p.Value.NameTime < before).Select(p => p.Key).ToList())
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

    private Dictionary<string, Entry> KeysOf(string prefix) => _prefixes.GetOrAdd(prefix, _ => new Dictionary<string, Entry>(StringComparer.Ordinal));

    private readonly record struct Entry(DateTime NameTime, DoneKeyHash Hash, bool Listed);
}
