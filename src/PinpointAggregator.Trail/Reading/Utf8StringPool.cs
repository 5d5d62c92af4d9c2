using System.Collections.Concurrent;
using System.Text;

namespace PinpointAggregator.Trail.Reading;

/// <summary>
/// One shared string for each short value that repeats across records (event names, regions, accounts,
/// callers, user agents, application ids): decoded from its UTF-8 bytes without allocating when it is
/// already known. Thread-safe.
/// </summary>
/// <remarks>
/// A scan keeps every distinct event until it folds them, and a grain batch keeps a file's events until
/// they are applied: without sharing, each holds a dozen copies of the same few hundred strings, and the
/// garbage collector copies them from generation to generation. Member accounts write these values, so
/// the pool is bounded twice: values longer than <see cref="MaxLength"/> bytes are never pooled, and once
/// <see cref="Capacity"/> values are pooled new ones are decoded as before (never evicted, so a string
/// handed out stays shared). A flood of made-up values costs the sharing, never memory or correctness.
/// </remarks>
public sealed class Utf8StringPool
{
    /// <summary>The process's pool: 16,384 values of at most 256 bytes (under 10 MB when full).</summary>
    public static Utf8StringPool Shared { get; } = new(capacity: 16_384, maxLength: 256);

    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private int _count;

    public Utf8StringPool(int capacity, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLength, 1024);
        Capacity = capacity;
        MaxLength = maxLength;
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How many values the pool takes; later ones are decoded afresh.</summary>
    public int Capacity { get; }

    /// <summary>The longest value pooled, in UTF-8 bytes.</summary>
    public int MaxLength { get; }

    /// <summary>Values pooled so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The string of valid UTF-8 <paramref name="utf8"/>: the pooled one when there is one.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        // A UTF-8 byte never decodes to more than one UTF-16 unit.
        Span<char> buffer = stackalloc char[utf8.Length];
        var chars = buffer[..Encoding.UTF8.GetChars(utf8, buffer)];
        if (_lookup.TryGetValue(chars, out var pooled))
        {
            return pooled;
        }

        var value = new string(chars);
        if (Volatile.Read(ref _count) >= Capacity)
        {
            return value;
        }

        pooled = _strings.GetOrAdd(value, value);
        if (ReferenceEquals(pooled, value))
        {
            Interlocked.Increment(ref _count);
        }

        return pooled;
    }
}
