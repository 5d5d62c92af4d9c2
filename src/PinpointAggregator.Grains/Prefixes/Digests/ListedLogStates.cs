using PinpointAggregator.Grains.DoneKeys;
using PinpointAggregator.Grains.Prefixes;
using PinpointAggregator.Trail.Integrity;

namespace PinpointAggregator.Grains.Prefixes.Digests;

/// <summary>
/// What the prefix knows of each log a digest lists, from the done-key store's hashes and the files waiting
/// for a retry; or that the digest must wait because a listed log exists and is not read yet.
/// </summary>
internal static class ListedLogStates
{
    /// <summary>The quarantine kind of a file that was gone when it was fetched (<c>TrailStoreErrorKind.NotFound</c>).</summary>
    private const string NotFoundKind = "NotFound";

    /// <summary>
    /// The state of every listed key, or null when one of them is waiting for a retry and the digest has not
    /// waited <c>Integrity:ListedLogWait</c> yet. Past the wait, a log still not read counts as missing.
    /// </summary>
    public static Dictionary<string, LogFileState>? Resolve(
        IEnumerable<string> listed,
        IReadOnlyDictionary<string, DoneKeyHash> recorded,
        IReadOnlyDictionary<string, RetryState> retrying,
        bool waitedLongEnough)
    {
        var states = new Dictionary<string, LogFileState>(StringComparer.Ordinal);
        foreach (var key in listed)
        {
            if (recorded.TryGetValue(key, out var hash))
            {
                states[key] = Of(hash);
            }
            else if (retrying.ContainsKey(key) && !waitedLongEnough)
            {
                return null;
            }
            else
            {
                states[key] = LogFileState.Missing;
            }
        }

        return states;
    }

    /// <summary>A settled log: its hash, why it has none, or (gone when fetched) missing.</summary>
    public static LogFileState Of(DoneKeyHash hash) => hash switch
    {
        { Sha256: { } sha256 } => LogFileState.Hashed(sha256),
        { Unhashable: { } reason } when reason.StartsWith(NotFoundKind + ":", StringComparison.Ordinal) => LogFileState.Missing,
        { Unhashable: { } reason } => LogFileState.Unhashable(reason),
        _ => LogFileState.Unhashable("settled without being read whole (before log hashing was on, or found beyond Ingestion:ReconcileHorizon)"),
    };
}
