namespace PinpointAggregator.Trail.Digests;

/// <summary>
/// Loads trusted digest public keys from a file, for air-gapped verification and the embedded sample: PEM
/// (<c>-----BEGIN PUBLIC KEY-----</c> or <c>RSA PUBLIC KEY</c>, several blocks allowed), raw DER, or the JSON
/// that <c>aws cloudtrail list-public-keys --output json</c> prints (<c>PublicKeyList[].Value</c>, base64 DER).
/// </summary>
/// <remarks>
/// A key's fingerprint is the MD5 of its DER bytes as written (<see cref="DigestPublicKey"/>), so a key must
/// be kept in the encoding <c>ListPublicKeys</c> returned; the loader names each key's fingerprint in errors
/// and in <see cref="Load"/>'s result so an operator can compare it with a digest's <c>digestPublicKeyFingerprint</c>.
/// </remarks>
public static class DigestPublicKeyFile
{
    /// <summary>
    /// Every key in the file at <paramref name="path"/>. Throws <see cref="DigestPublicKeyFileException"/>
    /// naming the file and what is wrong (not found, unreadable, no key in it, a block that is not an RSA key).
    /// </summary>
    public static IReadOnlyList<DigestPublicKey> Load(string path) =>
        throw new NotImplementedException("Integrity engine: being implemented (issue 11).");
}
