using PinpointAggregator.Abstractions.Contracts;

namespace PinpointAggregator.Grains.Prefixes.Digests;

/// <summary>
/// Persisted: what a prefix's digest following carries between polls (part of <see cref="TrailPrefixState"/>).
/// Bounded: per chain the verifier's own bounded state, the digest keys of about a day, a capped list of
/// digests waiting, and recent findings; every finding is in the finding store.
/// </summary>
/// <remarks>Added with issue 11; a state stored before has none and starts with an empty one (no upgrade needed).</remarks>
[GenerateSerializer, Alias("pa.PrefixIntegrityState")]
public sealed class PrefixIntegrityState
{
    /// <summary>
    /// Digests whose name-time is before this are not checked, nor are logs named before it reported as listed
    /// by none: the backfill start of a new prefix, or when an existing prefix first followed its digests (logs
    /// read before were not hashed). Null until the first poll with integrity on.
    /// </summary>
    [Id(0)] public DateTime? From { get; set; }

    /// <summary>Each chain's verifier state, by <c>DigestChainId.ToString()</c>.</summary>
    [Id(1)] public Dictionary<string, DigestChainRecord> Chains { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Digest keys checked, with their name-time; forgotten once the listing starts after them.</summary>
    [Id(2)] public Dictionary<string, DateTime> Checked { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Digests listed and not checked yet, by key: waiting for the logs before them to be read.</summary>
    [Id(3)] public Dictionary<string, WaitingDigest> Waiting { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Where the next digest listing goes on, when the last one filled its page; null to start over.</summary>
    [Id(4)] public string? ListAfter { get; set; }

    /// <summary>When the digest folder was last listed.</summary>
    [Id(5)] public DateTime? LastListedAt { get; set; }

    /// <summary>The newest digest name-time seen: the listing starts a day before it.</summary>
    [Id(6)] public DateTime? NewestDigestAt { get; set; }

    /// <summary>Findings so far by kind name, never reset.</summary>
    [Id(7)] public Dictionary<string, long> FindingsByKind { get; init; } = new(StringComparer.Ordinal);

    [Id(8)] public long Violations { get; set; }

    /// <summary>The most recent findings (bounded).</summary>
    [Id(9)] public List<IntegrityFindingRecord> Recent { get; init; } = [];

    /// <summary>Why validation cannot go on now; null when it can.</summary>
    [Id(10)] public string? LastError { get; set; }

    [Id(11)] public long DigestsChecked { get; set; }

    /// <summary>The most recent gaps (bounded): logs named inside one are not reported as listed by no digest.</summary>
    [Id(12)] public List<GapState> Gaps { get; init; } = [];
}
