using System.Security.Cryptography;
using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.Trail.Tests.Digests;

/// <summary>Digests the test builds and signs with its own key: what passes, and every way one fails.</summary>
public sealed class DigestSignatureVerifierTests : IDisposable
{
    private readonly SignedDigest _signer = new();

    private DigestSignatureVerifier Verifier => new(new DigestPublicKeySet([_signer.PublicKey]));

    [Fact]
    public void DigestInAChain_SignedAsCloudTrailSigns_IsValid()
    {
        var (digest, sha256, signature) = _signer.Sign(DigestJson.Chained(_signer.Fingerprint));

        Assert.Equal(DigestSignatureOutcome.Valid, Verifier.Verify(digest, sha256, signature));
    }

    [Fact]
    public void FirstDigestOfAChain_SignedOverTheWordNull_IsValid()
    {
        var (digest, sha256, signature) = _signer.Sign(DigestJson.FirstAndEmpty(_signer.Fingerprint));

        Assert.Equal(DigestSignatureOutcome.Valid, Verifier.Verify(digest, sha256, signature));
        Assert.Equal(signature, _signer.Sign(DigestSigningString.Build(digest.DigestEndTime, digest.DigestS3Bucket, digest.DigestS3Object, sha256, "null")));
    }

    [Fact]
    public void UpperCaseHexSignature_IsValid()
    {
        var (digest, sha256, signature) = _signer.Sign(DigestJson.Chained(_signer.Fingerprint));

        Assert.Equal(DigestSignatureOutcome.Valid, Verifier.Verify(digest, sha256, signature.ToUpperInvariant()));
    }

    [Fact]
    public void TamperedContent_IsInvalid()
    {
        var json = DigestJson.Chained(_signer.Fingerprint);
        var (_, _, signature) = _signer.Sign(json);
        json["logFiles"]![0]!["hashValue"] = DigestJson.Hash2;
        var tampered = DigestFiles.Read(TrailJson.Gzip(DigestJson.Bytes(json)));

        Assert.Equal(DigestSignatureOutcome.Invalid, Verifier.Verify(tampered.Digest!, tampered.UncompressedSha256!, signature));
    }

    [Fact]
    public void ContentHashThatIsNotTheSignedOne_IsInvalid()
    {
        var (digest, _, signature) = _signer.Sign(DigestJson.Chained(_signer.Fingerprint));

        Assert.Equal(DigestSignatureOutcome.Invalid, Verifier.Verify(digest, DigestJson.Hash1, signature));
    }

    [Fact]
    public void SignedWithADifferentPreviousSignature_IsInvalid()
    {
        var (digest, sha256, _) = _signer.Sign(DigestJson.Chained(_signer.Fingerprint));
        var otherPrevious = string.Concat(Enumerable.Repeat("ffee", 128));
        var signature = _signer.Sign(DigestSigningString.Build(digest.DigestEndTime, digest.DigestS3Bucket, digest.DigestS3Object, sha256, otherPrevious));

        Assert.Equal(DigestSignatureOutcome.Invalid, Verifier.Verify(digest, sha256, signature));
    }

    [Fact]
    public void DigestThatClaimsAnotherLocation_IsInvalid()
    {
        var json = DigestJson.Chained(_signer.Fingerprint);
        var (_, _, signature) = _signer.Sign(json);
        json["digestS3Object"] = DigestJson.PreviousKey;
        var moved = DigestFiles.Read(TrailJson.Gzip(DigestJson.Bytes(json)));

        Assert.Equal(DigestSignatureOutcome.Invalid, Verifier.Verify(moved.Digest!, moved.UncompressedSha256!, signature));
    }

    [Fact]
    public void OneFlippedBitInTheSignature_IsInvalid()
    {
        var (digest, sha256, signature) = _signer.Sign(DigestJson.Chained(_signer.Fingerprint));
        var bytes = Convert.FromHexString(signature);
        bytes[^1] ^= 1;

        Assert.Equal(DigestSignatureOutcome.Invalid, Verifier.Verify(digest, sha256, Convert.ToHexStringLower(bytes)));
    }

    [Fact]
    public void SignedByAnotherKey_UnderATrustedFingerprint_IsInvalid()
    {
        using var impostor = new SignedDigest();
        var (digest, sha256, signature) = impostor.Sign(DigestJson.Chained(_signer.Fingerprint));

        Assert.Equal(DigestSignatureOutcome.Invalid, Verifier.Verify(digest, sha256, signature));
    }

    [Fact]
    public void UnknownFingerprint_IsUnknownKey()
    {
        using var other = new SignedDigest();
        var (digest, sha256, signature) = other.Sign(DigestJson.Chained(other.Fingerprint));

        Assert.Equal(DigestSignatureOutcome.UnknownKey, Verifier.Verify(digest, sha256, signature));
        Assert.Equal(DigestSignatureOutcome.UnknownKey, new DigestSignatureVerifier(DigestPublicKeySet.Empty).Verify(digest, sha256, signature));
    }

    [Fact]
    public void KeyGivenAsSubjectPublicKeyInfo_VerifiesTheSameSignature()
    {
        using var rsa = RSA.Create(2048);
        var spki = DigestPublicKey.FromDer(rsa.ExportSubjectPublicKeyInfo());
        var json = DigestJson.Chained(spki.Fingerprint);
        var read = DigestFiles.Read(TrailJson.Gzip(DigestJson.Bytes(json)));
        var signing = DigestSigningString.For(read.Digest!, read.UncompressedSha256!);
        var signature = Convert.ToHexStringLower(rsa.SignData(System.Text.Encoding.UTF8.GetBytes(signing), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        var outcome = new DigestSignatureVerifier(new DigestPublicKeySet([spki])).Verify(read.Digest!, read.UncompressedSha256!, signature);

        Assert.Equal(DigestSignatureOutcome.Valid, outcome);
    }

    [Theory]
    [InlineData("SHA1withRSA")]
    [InlineData("sha256withrsa")]
    public void OtherSignatureAlgorithm_IsUnsupported_EvenWhenTheSignatureWouldMatch(string algorithm)
    {
        var json = DigestJson.Chained(_signer.Fingerprint);
        json["digestSignatureAlgorithm"] = algorithm;
        var (digest, sha256, signature) = _signer.Sign(json);

        Assert.Equal(DigestSignatureOutcome.UnsupportedAlgorithm, Verifier.Verify(digest, sha256, signature));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("not-hex-at-all!!")]
    public void SignatureThatIsNotHex_IsMalformed(string? signature)
    {
        var (digest, sha256, _) = _signer.Sign(DigestJson.Chained(_signer.Fingerprint));

        Assert.Equal(DigestSignatureOutcome.MalformedSignature, Verifier.Verify(digest, sha256, signature));
    }

    [Fact]
    public void OverlongSignature_IsMalformed_NotDecoded()
    {
        var (digest, sha256, _) = _signer.Sign(DigestJson.Chained(_signer.Fingerprint));

        Assert.Equal(DigestSignatureOutcome.MalformedSignature, Verifier.Verify(digest, sha256, new string('a', 1 << 20)));
    }

    [Fact]
    public void ShortHexSignature_IsInvalid_NotAnException()
    {
        var (digest, sha256, _) = _signer.Sign(DigestJson.Chained(_signer.Fingerprint));

        Assert.Equal(DigestSignatureOutcome.Invalid, Verifier.Verify(digest, sha256, "00ff"));
    }

    [Fact]
    public void ManyThreadsAtOnce_EachGetsTheAnswerForItsOwnSignature()
    {
        var (digest, sha256, signature) = _signer.Sign(DigestJson.Chained(_signer.Fingerprint));
        var wrong = Convert.FromHexString(signature);
        wrong[0] ^= 1;
        var verifier = Verifier;
        var outcomes = new DigestSignatureOutcome[400];

        Parallel.For(0, outcomes.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            outcomes[i] = verifier.Verify(digest, sha256, i % 2 == 0 ? signature : Convert.ToHexStringLower(wrong)));

        Assert.All(outcomes.Select((o, i) => (o, i)), x => Assert.Equal(x.i % 2 == 0 ? DigestSignatureOutcome.Valid : DigestSignatureOutcome.Invalid, x.o));
    }

    public void Dispose() => _signer.Dispose();
}
