using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Grains.Prefixes;

/// <summary>The keys of one <c>ReadNotifiedAsync</c> call, checked against the prefix that is to read them.</summary>
internal static class NotifiedKeys
{
    /// <summary>How much of a refused key an error message quotes (keys come from member accounts' buckets).</summary>
    private const int QuotedLength = 200;

    /// <summary>
    /// Each distinct key once, in the order first named, with the time in its own name (the caller's stamp is not
    /// trusted for the window). Every key must be a log key of <paramref name="prefix"/>: same root (bucket prefix,
    /// organization), account and region. The consumer routes by the same rule, so a foreign key is a bug, and a
    /// bug must not read another prefix's files into this one's state.
    /// </summary>
    /// <exception cref="ArgumentException">A key is not a log key of this prefix.</exception>
    public static List<(string Key, DateTime Stamp)> Of(TrailPrefixKey prefix, IReadOnlyList<NotifiedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var keys = new List<(string Key, DateTime Stamp)>();
        foreach (var file in files)
        {
            if (file?.Key is not { } key)
            {
                throw new ArgumentException("A notified file without a key.", nameof(files));
            }

            if (!TrailKey.TryParse(key, out var parsed, out var reason))
            {
                throw new ArgumentException($"'{Quote(key)}' is not a trail key ({reason}); prefix {prefix} reads only its own log keys.", nameof(files));
            }

            if (parsed.Kind != TrailFileKind.Log || parsed.Root != prefix.Location.Root || parsed.AccountId != prefix.Account || parsed.Region != prefix.Region)
            {
                throw new ArgumentException($"'{Quote(key)}' is not a log key of prefix {prefix}.", nameof(files));
            }

            if (seen.Add(key))
            {
                keys.Add((key, parsed.Timestamp.UtcDateTime));
            }
        }

        return keys;
    }

    private static string Quote(string key) => key.Length <= QuotedLength ? key : key[..QuotedLength] + "…";
}
