using System.Security.Cryptography;
using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.Trail.Tests.Digests;

/// <summary>Keys load from the DER bytes ListPublicKeys returns, named by the MD5 of exactly those bytes.</summary>
public sealed class DigestPublicKeyTests
{
    /// <summary>The <c>list-public-keys</c> example in the CloudTrail User Guide: its Value and its Fingerprint.</summary>
    private const string UserGuideValue =
        "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqlzPJbvZJ42UdcmLfPUqXYNfOs6I8lCfao/tOs8CmzPOEdtLWugB9xoIUz78qVHdKIqxbaG4jWHfJBiOSSFBM0lt8cdVo4TnRa7oG9io5pysS6DJhBBAeXsicufsiFJR+wrUNh8RSLxL4k6G1+BhLX20tJkZ/erT97tDGBujAelqseGg3vPZbTx9SMfOLN65PdLFudLP7Gat0Z9p5jw/rjpclKfo9Bfc3heeBxWGKwBBOKnFAaN9V57pOaosCvPKmHd9bg7jsQkI9Xp22IzGLsTFJZYVA3KiTAElDMu80iFXPHEq9hKNbt9e4URFam+1utKVEiLkR2disdCmPTK0VQIDAQAB";

    private const string UserGuideFingerprint = "31e8b5433410dfb61a9dc45cc65b22ff";

    [Fact]
    public void TheUserGuideKey_HasTheUserGuideFingerprint()
    {
        var key = DigestPublicKey.FromDer(Convert.FromBase64String(UserGuideValue));

        Assert.Equal(UserGuideFingerprint, key.Fingerprint);
    }

    [Fact]
    public void Pkcs1AndSubjectPublicKeyInfo_BothLoad_EachNamedByItsOwnBytes()
    {
        using var rsa = RSA.Create(2048);
        var pkcs1 = rsa.ExportRSAPublicKey();
        var spki = rsa.ExportSubjectPublicKeyInfo();

        var fromPkcs1 = DigestPublicKey.FromDer(pkcs1);
        var fromSpki = DigestPublicKey.FromDer(spki);

        // CloudTrail's fingerprint is an MD5: the test computes the same to compare.
#pragma warning disable CA5351
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(pkcs1)), fromPkcs1.Fingerprint);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(spki)), fromSpki.Fingerprint);
#pragma warning restore CA5351
        Assert.NotEqual(fromPkcs1.Fingerprint, fromSpki.Fingerprint);
        Assert.Equal(pkcs1, fromPkcs1.Der.ToArray());
    }

    [Fact]
    public void BytesThatAreNotAnRsaPublicKey_AreRefusedWhenLoaded()
    {
        using var rsa = RSA.Create(2048);
        using var ec = ECDsa.Create();

        Assert.Throws<ArgumentException>(() => DigestPublicKey.FromDer([1, 2, 3, 4]));
        Assert.Throws<ArgumentException>(() => DigestPublicKey.FromDer([]));
        Assert.Throws<ArgumentException>(() => DigestPublicKey.FromDer(ec.ExportSubjectPublicKeyInfo()));
        Assert.Throws<ArgumentException>(() => DigestPublicKey.FromDer([.. rsa.ExportRSAPublicKey(), 0]));
    }

    [Fact]
    public void KeySet_FindsByFingerprint_InAnyCase_AndHoldsADuplicateOnce()
    {
        using var a = new SignedDigest();
        using var b = new SignedDigest();
        var set = new DigestPublicKeySet([a.PublicKey, b.PublicKey, a.PublicKey]);

        Assert.Equal(2, set.Count);
        Assert.True(set.TryGet(a.Fingerprint.ToUpperInvariant(), out var found));
        Assert.Equal(a.Fingerprint, found.Fingerprint);
        Assert.False(set.TryGet(UserGuideFingerprint, out _));
        Assert.False(DigestPublicKeySet.Empty.TryGet(a.Fingerprint, out _));
    }
}
