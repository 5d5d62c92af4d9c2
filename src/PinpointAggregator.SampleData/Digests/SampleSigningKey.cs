using System.Collections.Concurrent;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.SampleData.Digests;

/// <summary>
/// The samples' CloudTrail-style signing keys: 2048-bit RSA derived from fixed seeds (so the same options write the
/// same bytes, digests and signatures included), each with its public key as written beside a sample (X.509
/// <c>SubjectPublicKeyInfo</c> DER, PEM <c>PUBLIC KEY</c>) and its fingerprint, the hex MD5 of that DER.
/// </summary>
/// <remarks>
/// Test keys: anyone can derive the private keys from this code, so they prove nothing outside a sample. Every
/// sample uses the same keys: deriving one takes about a second of one core, so each is derived once per process.
/// </remarks>
internal sealed class SampleSigningKey
{
    private const int ModulusBits = 2048;
    private static readonly BigInteger PublicExponent = 65537;
    private static readonly ConcurrentDictionary<int, Lazy<SampleSigningKey>> Cache = new();

    private readonly RSAParameters _parameters;

    private SampleSigningKey(RSAParameters parameters)
    {
        _parameters = parameters;
        using var rsa = RSA.Create(parameters);
        PublicKeyDer = rsa.ExportSubjectPublicKeyInfo();
        Fingerprint = DigestPublicKey.FromDer(PublicKeyDer).Fingerprint;
    }

    /// <summary>The public key's DER bytes (<c>SubjectPublicKeyInfo</c>) exactly as the PEM file holds them.</summary>
    public byte[] PublicKeyDer { get; }

    /// <summary>Lower-case hex MD5 of <see cref="PublicKeyDer"/>: every digest it signs names it.</summary>
    public string Fingerprint { get; }

    /// <summary>The public key as PEM text (<c>-----BEGIN PUBLIC KEY-----</c>), with a final newline.</summary>
    public string PublicKeyPem => PemEncoding.WriteString("PUBLIC KEY", PublicKeyDer) + "\n";

    /// <summary>
    /// Key number <paramref name="index"/>: 0 is the published key, 1 the key a forger signs with
    /// (<see cref="TrailDamage.SignedByUnknownKey"/>).
    /// </summary>
    public static SampleSigningKey For(int index) =>
        Cache.GetOrAdd(index, i => new Lazy<SampleSigningKey>(() => Derive(i))).Value;

    /// <summary>An RSA instance that signs with this key; one per thread, the caller disposes it.</summary>
    public RSA CreateRsa() => RSA.Create(_parameters);

    /// <summary>The lower-case hex SHA256withRSA (PKCS#1 v1.5) signature of <paramref name="signingString"/>, as S3's <c>x-amz-meta-signature</c> holds it.</summary>
    public static string Sign(RSA rsa, string signingString) =>
        Convert.ToHexStringLower(rsa.SignData(Encoding.UTF8.GetBytes(signingString), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary>Derives key number <paramref name="index"/> afresh (uncached).</summary>
    internal static SampleSigningKey Derive(int index)
    {
        var random = new SampleRandom(SampleRandom.Mix(7, index));
        var p = ProbablePrimes.Next(random, ModulusBits / 2, PublicExponent);
        BigInteger q;
        do
        {
            q = ProbablePrimes.Next(random, ModulusBits / 2, PublicExponent);
        }
        while (q == p);

        var n = p * q;
        var d = ModInverse(PublicExponent, (p - 1) * (q - 1));
        const int half = ModulusBits / 16;
        return new SampleSigningKey(new RSAParameters
        {
            Modulus = Bytes(n, ModulusBits / 8),
            Exponent = Bytes(PublicExponent, 3),
            D = Bytes(d, ModulusBits / 8),
            P = Bytes(p, half),
            Q = Bytes(q, half),
            DP = Bytes(d % (p - 1), half),
            DQ = Bytes(d % (q - 1), half),
            InverseQ = Bytes(ModInverse(q, p), half),
        });
    }

    /// <summary>x with a·x ≡ 1 (mod m), by the extended Euclidean algorithm; a and m are coprime.</summary>
    private static BigInteger ModInverse(BigInteger a, BigInteger m)
    {
        var (oldR, r) = (a % m, m);
        var (oldS, s) = (BigInteger.One, BigInteger.Zero);
        while (!r.IsZero)
        {
            var quotient = oldR / r;
            (oldR, r) = (r, oldR - (quotient * r));
            (oldS, s) = (s, oldS - (quotient * s));
        }

        return ((oldS % m) + m) % m;
    }

    /// <summary>Big-endian unsigned bytes, left-padded with zeros to <paramref name="length"/> (RSAParameters wants fixed lengths).</summary>
    private static byte[] Bytes(BigInteger value, int length)
    {
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[length];
        raw.CopyTo(padded, length - raw.Length);
        return padded;
    }
}
