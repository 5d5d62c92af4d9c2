namespace PinpointAggregator.Grains.DoneKeys;

/// <summary>
/// Which trail keys each prefix has settled (read, quarantined, or reported as missed), kept outside grain
/// state for as long as the reconcile listing can meet them again (<c>Ingestion:ReconcileHorizon</c> and a
/// little more). The prefix's grain state stays bounded by the late-arrival window; this holds the days
/// behind it, so a file that lands days late is read once and a file already read is never read again.
/// </summary>
/// <remarks>
/// Meant to map onto one table: (prefix, key) as primary key, the key's name-time indexed per prefix.
/// <c>prefix</c> is <c>TrailPrefixKey.Format()</c>; keys are S3 keys of at most 1,024 characters; times are
/// the UTC time in the key's name, never the wall clock. Every call is one round trip for a whole batch.
/// </remarks>
public interface IDoneKeyStore
{
    /// <summary>
    /// Records keys as settled. Idempotent: recording a key again keeps one entry; a hash or unhashable reason
    /// given again replaces the one recorded (a re-read's), and a record without either keeps it.
    /// </summary>
    Task RecordAsync(string prefix, IReadOnlyCollection<DoneKey> keys, CancellationToken cancellationToken);

    /// <summary>The subset of <paramref name="keys"/> recorded for the prefix (and not forgotten).</summary>
    Task<IReadOnlySet<string>> FindDoneAsync(string prefix, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// The recorded hash (or why there is none) of each of <paramref name="keys"/> recorded for the prefix; keys
    /// not recorded are absent. One round trip for the batch (a digest's listed logs).
    /// </summary>
    Task<IReadOnlyDictionary<string, DoneKeyHash>> FindHashesAsync(string prefix, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Marks keys as accounted for by integrity validation: listed by a checked digest, or reported as listed
    /// by none. Keys not recorded are ignored. Idempotent; one round trip.
    /// </summary>
    Task MarkListedAsync(string prefix, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> of the prefix's keys not marked listed whose name-time is at or after
    /// <paramref name="from"/> and before <paramref name="before"/>, in name-time then key order: the candidates
    /// for <c>LogNotInAnyDigest</c>. One round trip, on an index.
    /// </summary>
    Task<IReadOnlyList<DoneKey>> FindUnlistedAsync(string prefix, DateTime from, DateTime before, int limit, CancellationToken cancellationToken);

    /// <summary>Forgets the prefix's keys whose name-time is before <paramref name="before"/>: no listing reaches them again.</summary>
    Task ForgetAsync(string prefix, DateTime before, CancellationToken cancellationToken);
}
