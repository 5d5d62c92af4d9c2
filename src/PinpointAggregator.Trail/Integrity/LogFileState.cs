namespace PinpointAggregator.Trail.Integrity;

/// <summary>What the verifier's caller knows of one log file a digest lists.</summary>
public enum LogFileStateKind
{
    /// <summary>The log does not exist (offline: not in the copy; service: the prefix's listing has passed its key and never met it).</summary>
    Missing,

    /// <summary>The log exists and the SHA-256 of its uncompressed content is <see cref="LogFileState.Sha256"/>.</summary>
    Hashed,

    /// <summary>The log exists but could not be hashed (corrupt gzip, a size cap): <see cref="LogFileState.Reason"/> says why.</summary>
    Unhashable,
}

/// <summary>One listed log's state, handed to <see cref="DigestChainVerifier.Check"/> by its caller.</summary>
/// <remarks>
/// The caller resolves every listed log before calling: a log that exists but is not read yet is not a
/// state here; the service waits for it (see <c>docs/integrity.md</c>).
/// </remarks>
public readonly record struct LogFileState(LogFileStateKind Kind, string? Sha256, string? Reason)
{
    public static LogFileState Missing { get; } = new(LogFileStateKind.Missing, null, null);

    /// <summary>A log whose uncompressed content hashes to <paramref name="sha256"/> (lower-case hex).</summary>
    public static LogFileState Hashed(string sha256) => new(LogFileStateKind.Hashed, sha256, null);

    public static LogFileState Unhashable(string reason) => new(LogFileStateKind.Unhashable, null, reason);
}
