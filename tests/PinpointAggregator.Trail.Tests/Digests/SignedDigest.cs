using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.Trail.Tests.Digests;

/// <summary>A test's own CloudTrail-style signing key: its DER public key, fingerprint, and digests it signs as CloudTrail does.</summary>
internal sealed class SignedDigest : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    /// <summary>The public key as ListPublicKeys returns it (PKCS#1 DER, as its documentation says).</summary>
    public byte[] PublicKeyDer => _rsa.ExportRSAPublicKey();

    public DigestPublicKey PublicKey => DigestPublicKey.FromDer(PublicKeyDer);

    public string Fingerprint => PublicKey.Fingerprint;

    /// <summary>Hex SHA256withRSA signature of <paramref name="signingString"/>.</summary>
    public string Sign(string signingString) =>
        Convert.ToHexStringLower(_rsa.SignData(Encoding.UTF8.GetBytes(signingString), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary>Reads the digest back and signs it the way CloudTrail does: over its own fields and content hash.</summary>
    public (DigestFile Digest, string Sha256, string Signature) Sign(JsonNode json)
    {
        var read = DigestFiles.Read(TrailJson.Gzip(DigestJson.Bytes(json)));
        Assert.True(read.Succeeded, read.Error?.ToString());
        return (read.Digest!, read.UncompressedSha256!, Sign(DigestSigningString.For(read.Digest!, read.UncompressedSha256!)));
    }

    public void Dispose() => _rsa.Dispose();
}
