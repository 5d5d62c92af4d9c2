namespace PinpointAggregator.Grains.DoneKeys;

/// <summary>A settled trail key and the UTC time in its name (what <see cref="IDoneKeyStore.ForgetAsync"/> compares).</summary>
/// <param name="Key">The S3 key.</param>
/// <param name="NameTime">The UTC time in the key's name.</param>
/// <param name="Sha256">
/// The lower-case hex SHA-256 of the file's uncompressed content, computed in the reading pass when log hashing
/// is on (<c>Integrity:Enabled</c>): what a digest's <c>hashValue</c> is compared with. Null when not read whole.
/// </param>
/// <param name="Unhashable">
/// Why a settled file has no hash (quarantined: the quarantine kind and reason); null when it has one, or
/// when it was settled without being read (hashing off, or found beyond the reconcile horizon).
/// </param>
public readonly record struct DoneKey(string Key, DateTime NameTime, string? Sha256 = null, string? Unhashable = null);
