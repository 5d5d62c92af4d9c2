using System.Numerics;
using System.Security.Cryptography;
using PinpointAggregator.SampleData.Digests;
using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.SampleData.Tests;

/// <summary>The samples' signing keys: derived, not random, valid 2048-bit RSA, named by the MD5 of their DER.</summary>
public sealed class SampleSigningKeyTests
{
    [Fact]
    public void PublishedKey_Is2048BitRsa_ItsFingerprintIsTheMd5OfItsDer_AndItSignsAsCloudTrailDoes()
    {
        var key = SampleSigningKey.For(0);
        using var rsa = key.CreateRsa();

#pragma warning disable CA5351 // the fingerprint CloudTrail uses
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(key.PublicKeyDer)), key.Fingerprint);
#pragma warning restore CA5351
        Assert.Equal(2048, rsa.KeySize);
        Assert.Equal(key.PublicKeyDer, GeneratedFiles.PemDer(key.PublicKeyPem));
        var signing = DigestSigningString.Build(new DateTimeOffset(2024, 6, 1, 1, 0, 0, TimeSpan.Zero), "bucket", "key", new string('a', 64), null);
        var signature = Convert.FromHexString(SampleSigningKey.Sign(rsa, signing));
        using var verifier = RSA.Create();
        verifier.ImportSubjectPublicKeyInfo(key.PublicKeyDer, out _);
        Assert.True(verifier.VerifyData(System.Text.Encoding.UTF8.GetBytes(signing), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void Keys_AreDerived_TheForgersIsAnother()
    {
        Assert.Same(SampleSigningKey.For(0), SampleSigningKey.For(0));
        Assert.NotEqual(SampleSigningKey.For(0).Fingerprint, SampleSigningKey.For(1).Fingerprint);

        // A fresh derivation (no cache) of the same index gives the same key: samples are byte-identical across processes.
        Assert.Equal(SampleSigningKey.For(0).PublicKeyDer, SampleSigningKey.Derive(0).PublicKeyDer);
    }

    [Fact]
    public void MillerRabin_KnowsPrimesFromComposites()
    {
        var random = new SampleRandom(3);
        var mersenne127 = BigInteger.Pow(2, 127) - 1;
        var mersenne89 = BigInteger.Pow(2, 89) - 1;

        Assert.True(ProbablePrimes.IsProbablePrime(mersenne127, random));
        Assert.False(ProbablePrimes.IsProbablePrime(mersenne127 * mersenne89, random));
        Assert.False(ProbablePrimes.IsProbablePrime(BigInteger.Pow(2, 67) - 1, random)); // 193707721 × 761838257287

        // A Carmichael number: it fools Fermat's test for every base coprime to it, not Miller–Rabin.
        Assert.False(ProbablePrimes.IsProbablePrime(new BigInteger(41041), random));
    }
}
