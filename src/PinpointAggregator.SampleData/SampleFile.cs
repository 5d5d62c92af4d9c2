namespace PinpointAggregator.SampleData;

/// <summary>One generated file, as listed in the manifest.</summary>
/// <param name="Key">The S3 key (relative path under the output folder).</param>
/// <param name="Records">Records in the file, duplicates included.</param>
/// <param name="PinpointRecords">Pinpoint records in the file.</param>
/// <param name="Late">Delivered late: the key time is hours after the events.</param>
/// <param name="Malformed">The damage done, or null for a good file.</param>
/// <param name="ExpectedError">The reader's error kind the damage must produce (a TrailFileErrorKind name).</param>
/// <param name="Digest">An integrity digest, not a log file.</param>
public sealed record SampleFile(string Key, int Records, int PinpointRecords, bool Late, MalformedKind? Malformed, string? ExpectedError, bool Digest)
{
    /// <summary>
    /// The integrity damage this file carries or is (a modified log, the extra unlisted log, a moved digest, a copy,
    /// a changed digest or signature, a digest signed by the unknown key, the digest that restarts its chain); null
    /// otherwise. Deleted files are not in the manifest; <see cref="SampleTrail.ExpectedFindings"/> names them.
    /// </summary>
    public TrailDamage? Damage { get; init; }
}
