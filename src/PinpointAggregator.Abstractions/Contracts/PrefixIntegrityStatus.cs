namespace PinpointAggregator.Abstractions.Contracts;

/// <summary>Integrity validation of one trail prefix (its <c>CloudTrail-Digest/</c> folder), for operators and auditors.</summary>
[GenerateSerializer, Immutable, Alias("pa.PrefixIntegrityStatus")]
public sealed record PrefixIntegrityStatus
{
    /// <summary>False when <c>Integrity:Enabled</c> is off: nothing below is being kept.</summary>
    [Id(0)] public bool Enabled { get; init; }

    /// <summary>
    /// The prefix is verified up to here (UTC): the end of the newest digest checked in every one of its live
    /// (not backfill) chains, the oldest of them; every violation before it has been found. Null before the first digest.
    /// </summary>
    [Id(1)] public DateTime? ValidatedThrough { get; init; }

    /// <summary>Now minus <see cref="ValidatedThrough"/> when the status was taken; about one to two hours when all is well (digests are hourly).</summary>
    [Id(2)] public TimeSpan? ValidatedThroughLag { get; init; }

    [Id(3)] public long DigestsChecked { get; init; }

    /// <summary>Findings so far by kind name (violations and gaps), never reset.</summary>
    [Id(4)] public IReadOnlyDictionary<string, long> FindingsByKind { get; init; } = new Dictionary<string, long>();

    /// <summary>Violations so far (every kind but Gap and SignatureUnverifiable).</summary>
    [Id(5)] public long Violations { get; init; }

    /// <summary>The most recent findings (bounded); every one stays listable in the finding store.</summary>
    [Id(6)] public IReadOnlyList<IntegrityFindingRecord> Recent { get; init; } = [];

    /// <summary>Digests found but not checked yet: waiting for their logs to be read, or for their public key.</summary>
    [Id(7)] public int DigestsWaiting { get; init; }

    /// <summary>Why validation cannot go on now (a key source failing, a digest listing denied); null when it can.</summary>
    [Id(8)] public string? LastError { get; init; }
}
