using System.Security.Cryptography;

namespace PinpointAggregator.Trail.Digests;

/// <summary>
/// One CloudTrail public key: its DER bytes exactly as <c>ListPublicKeys</c> returns them (<c>Value</c>, base64)
/// and its fingerprint, the lower-case hex MD5 of those bytes, which digests name in <c>digestPublicKeyFingerprint</c>.
/// </summary>
/// <remarks>
/// The API documents the bytes as PKCS#1 <c>RSAPublicKey</c>; its own examples show X.509
/// <c>SubjectPublicKeyInfo</c>. Both are accepted; the fingerprint is always over the bytes as given.
/// </remarks>
public sealed class DigestPublicKey
{
    private readonly byte[] _der;

    private DigestPublicKey(byte[] der, string fingerprint)
    {
        _der = der;
        Fingerprint = fingerprint;
    }

    /// <summary>Lower-case hex MD5 of the DER bytes.</summary>
    public string Fingerprint { get; }

    /// <summary>The DER bytes as given.</summary>
    public ReadOnlyMemory<byte> Der => _der;

    /// <summary>Takes DER bytes; throws <see cref="ArgumentException"/> when they are not an RSA public key.</summary>
    public static DigestPublicKey FromDer(ReadOnlySpan<byte> der)
    {
        // Import once here so that a bad key is refused when it is loaded, not when a digest needs it.
        using (Import(der))
        {
        }

        // MD5 is CloudTrail's choice of fingerprint: it names a key, it does not protect anything.
#pragma warning disable CA5351
        var fingerprint = Convert.ToHexStringLower(MD5.HashData(der));
#pragma warning restore CA5351
        return new DigestPublicKey(der.ToArray(), fingerprint);
    }

    /// <summary>An RSA instance for verifying; the caller disposes it.</summary>
    internal RSA CreateRsa() => Import(_der);

    private static RSA Import(ReadOnlySpan<byte> der)
    {
        var rsa = RSA.Create();
        try
        {
            if (TryImport(rsa, der, spki: true) || TryImport(rsa, der, spki: false))
            {
                return rsa;
            }
        }
        catch
        {
            rsa.Dispose();
            throw;
        }

        rsa.Dispose();
        throw new ArgumentException("the key is neither a DER RSAPublicKey (PKCS#1) nor a DER SubjectPublicKeyInfo for RSA", nameof(der));
    }

    /// <summary>True when the whole of <paramref name="der"/> is one key of the form asked for.</summary>
    private static bool TryImport(RSA rsa, ReadOnlySpan<byte> der, bool spki)
    {
        try
        {
            int read;
            if (spki)
            {
                rsa.ImportSubjectPublicKeyInfo(der, out read);
            }
            else
            {
                rsa.ImportRSAPublicKey(der, out read);
            }

            return read == der.Length;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
