using System.Security.Cryptography;
using System.Text;

namespace PinpointAggregator.Trail.Digests;

/// <summary>
/// Verifies a digest's SHA256withRSA signature (hex, from the object's <c>x-amz-meta-signature</c> or the next
/// digest's <c>previousDigestSignature</c>) over its signing string, with the key its fingerprint names.
/// Thread-safe; never throws for a bad signature or key.
/// </summary>
public sealed class DigestSignatureVerifier(DigestPublicKeySet keys)
{
    /// <summary>The only algorithm CloudTrail signs digests with.</summary>
    public const string Algorithm = "SHA256withRSA";

    /// <summary>Longest accepted signature: 16384-bit RSA, far above CloudTrail's 2048.</summary>
    private const int MaxSignatureHexLength = 4096;

    private readonly DigestPublicKeySet _keys = keys ?? throw new ArgumentNullException(nameof(keys));

    /// <summary>
    /// Checks <paramref name="signatureHex"/> for <paramref name="digest"/>, whose uncompressed content hashes to
    /// <paramref name="uncompressedSha256"/>. The algorithm is checked first, then the key, then the signature's
    /// form: so with no signature (null) the outcome says whether one could be checked at all
    /// (<see cref="DigestSignatureOutcome.MalformedSignature"/> then means the algorithm and key are fine).
    /// </summary>
    public DigestSignatureOutcome Verify(DigestFile digest, string uncompressedSha256, string? signatureHex)
    {
        ArgumentNullException.ThrowIfNull(digest);
        if (!string.Equals(digest.DigestSignatureAlgorithm, Algorithm, StringComparison.Ordinal))
        {
            return DigestSignatureOutcome.UnsupportedAlgorithm;
        }

        return Verify(DigestSigningString.For(digest, uncompressedSha256), digest.DigestPublicKeyFingerprint, signatureHex);
    }

    /// <summary>
    /// Checks <paramref name="signatureHex"/> over a signing string built earlier (<see cref="DigestSigningString"/>),
    /// with the key <paramref name="fingerprint"/> names: for a digest whose signature becomes known only when its
    /// successor's <c>previousDigestSignature</c> arrives. The caller has checked the digest's algorithm.
    /// </summary>
    public DigestSignatureOutcome Verify(string signingString, string fingerprint, string? signatureHex)
    {
        ArgumentNullException.ThrowIfNull(signingString);
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (!_keys.TryGet(fingerprint, out var key))
        {
            return DigestSignatureOutcome.UnknownKey;
        }

        if (!TryDecodeHex(signatureHex, out var signature))
        {
            return DigestSignatureOutcome.MalformedSignature;
        }

        var data = Encoding.UTF8.GetBytes(signingString);
        try
        {
            return key.VerifySha256(data, signature) ? DigestSignatureOutcome.Valid : DigestSignatureOutcome.Invalid;
        }
        catch (CryptographicException)
        {
            // A signature of the wrong length for the key may be refused rather than checked: still not a match.
            return DigestSignatureOutcome.Invalid;
        }
    }

    private static bool TryDecodeHex(string? hex, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrEmpty(hex) || hex.Length > MaxSignatureHexLength || hex.Length % 2 != 0 || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        bytes = Convert.FromHexString(hex);
        return true;
    }
}
