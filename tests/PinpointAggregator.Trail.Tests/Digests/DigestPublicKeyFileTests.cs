using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.Trail.Tests.Digests;

/// <summary>Key files in every accepted form, and every way a file is refused (each error names the file).</summary>
public sealed class DigestPublicKeyFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pa-keys-").FullName;
    private readonly RSA _first = RSA.Create(2048);
    private readonly RSA _second = RSA.Create(2048);

    [Fact]
    public void PemPublicKey_LoadsTheKey_NamedByTheMd5OfItsDer()
    {
        var path = Write("key.pem", _first.ExportSubjectPublicKeyInfoPem());

        var key = Assert.Single(DigestPublicKeyFile.Load(path));

        Assert.Equal(Md5(_first.ExportSubjectPublicKeyInfo()), key.Fingerprint);
    }

    [Fact]
    public void SeveralPemBlocks_OfBothLabels_WithTextAround_LoadEveryKey()
    {
        var path = Write("keys.pem", $"keys of us-east-1\n{_first.ExportRSAPublicKeyPem()}\nand the older one:\n{_second.ExportSubjectPublicKeyInfoPem()}\n");

        var keys = DigestPublicKeyFile.Load(path);

        Assert.Equal([Md5(_first.ExportRSAPublicKey()), Md5(_second.ExportSubjectPublicKeyInfo())], keys.Select(k => k.Fingerprint).ToArray());
    }

    [Fact]
    public void PemWithAByteOrderMarkAndCrLf_Loads()
    {
        var path = Write("bom.pem", "\uFEFF" + _first.ExportRSAPublicKeyPem().Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal(Md5(_first.ExportRSAPublicKey()), Assert.Single(DigestPublicKeyFile.Load(path)).Fingerprint);
    }

    [Fact]
    public void DerFile_LoadsTheKey()
    {
        var path = Path.Combine(_folder, "key.der");
        File.WriteAllBytes(path, _first.ExportRSAPublicKey());

        Assert.Equal(Md5(_first.ExportRSAPublicKey()), Assert.Single(DigestPublicKeyFile.Load(path)).Fingerprint);
    }

    [Fact]
    public void ListPublicKeysJson_LoadsEveryKey_CheckingTheirFingerprints()
    {
        var path = Write("keys.json", ListPublicKeys(
            Entry(_first.ExportRSAPublicKey(), Md5(_first.ExportRSAPublicKey())),
            Entry(_second.ExportRSAPublicKey(), Md5(_second.ExportRSAPublicKey()).ToUpperInvariant(), startTime: JsonValue.Create(1_700_000_000.0))));

        var keys = DigestPublicKeyFile.Load(path);

        Assert.Equal([Md5(_first.ExportRSAPublicKey()), Md5(_second.ExportRSAPublicKey())], keys.Select(k => k.Fingerprint).ToArray());
    }

    [Fact]
    public void ListPublicKeysJson_WithoutFingerprints_Loads()
    {
        var path = Write("keys.json", ListPublicKeys(Entry(_first.ExportRSAPublicKey(), fingerprint: null)));

        Assert.Equal(Md5(_first.ExportRSAPublicKey()), Assert.Single(DigestPublicKeyFile.Load(path)).Fingerprint);
    }

    [Fact]
    public void LoadedKey_VerifiesADigestItsPrivateKeySigned()
    {
        using var signer = new SignedDigest();
        var path = Write("signer.json", ListPublicKeys(Entry(signer.PublicKeyDer, signer.Fingerprint)));
        var (digest, sha256, signature) = signer.Sign(DigestJson.Chained(signer.Fingerprint));

        var verifier = new DigestSignatureVerifier(new DigestPublicKeySet(DigestPublicKeyFile.Load(path)));

        Assert.Equal(DigestSignatureOutcome.Valid, verifier.Verify(digest, sha256, signature));
    }

    [Fact]
    public void ListPublicKeysJson_WithAFingerprintThatIsNotTheKeys_IsRefused()
    {
        var path = Write("edited.json", ListPublicKeys(Entry(_first.ExportRSAPublicKey(), Md5(_first.ExportRSAPublicKey())), Entry(_second.ExportRSAPublicKey(), Md5(_first.ExportRSAPublicKey()))));

        var error = Refused(path);

        Assert.Contains("PublicKeyList[1].Fingerprint", error, StringComparison.Ordinal);
        Assert.Contains(Md5(_second.ExportRSAPublicKey()), error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_IsRefused()
    {
        Assert.Contains("does not exist", Refused(Path.Combine(_folder, "nope.pem")), StringComparison.Ordinal);
    }

    [Fact]
    public void FolderInsteadOfAFile_IsRefused()
    {
        Assert.Contains("cannot be read", Refused(_folder), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("hello, this is not a key")]
    public void FileOfNoKnownForm_IsRefused(string text)
    {
        Assert.Contains("neither PEM", Refused(Write("odd.txt", text)), StringComparison.Ordinal);
    }

    [Fact]
    public void PrivateKeyPem_IsRefused_WithoutPrintingIt()
    {
        var pem = _first.ExportPkcs8PrivateKeyPem();
        var error = Refused(Write("private.pem", pem));

        Assert.Contains("PEM block 1 is 'PRIVATE KEY'", error, StringComparison.Ordinal);
        var body = pem.Split('\n')[1];
        Assert.DoesNotContain(body, error, StringComparison.Ordinal);
    }

    [Fact]
    public void PemBlockThatIsNotAnRsaKey_IsRefused()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Contains("PEM block 1 is not an RSA public key", Refused(Write("ec.pem", ec.ExportSubjectPublicKeyInfoPem())), StringComparison.Ordinal);
    }

    [Fact]
    public void PemMarkersWithoutAValidBlock_AreRefused()
    {
        Assert.Contains("no PEM block", Refused(Write("broken.pem", "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n")), StringComparison.Ordinal);
    }

    [Fact]
    public void DerThatIsNotAKey_IsRefused()
    {
        var path = Path.Combine(_folder, "junk.der");
        File.WriteAllBytes(path, [0x30, 0x03, 0x02, 0x01, 0x05]);

        Assert.Contains("the DER key is not an RSA public key", Refused(path), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"PublicKeyList\": [", "not valid JSON")]
    [InlineData("{\"Keys\": []}", "no PublicKeyList array")]
    [InlineData("{\"PublicKeyList\": {}}", "no PublicKeyList array")]
    [InlineData("{\"PublicKeyList\": []}", "PublicKeyList is empty")]
    [InlineData("{\"PublicKeyList\": [{\"Fingerprint\": \"00\"}]}", "PublicKeyList[0] has no Value string")]
    [InlineData("{\"PublicKeyList\": [{\"Value\": 12}]}", "PublicKeyList[0] has no Value string")]
    [InlineData("{\"PublicKeyList\": [{\"Value\": \"not base64!\"}]}", "PublicKeyList[0].Value is not base64")]
    [InlineData("{\"PublicKeyList\": [{\"Value\": \"AAEC\"}]}", "PublicKeyList[0] is not an RSA public key")]
    public void BadListPublicKeysJson_IsRefused(string json, string reason)
    {
        Assert.Contains(reason, Refused(Write("bad.json", json)), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonFingerprintOfTheWrongType_IsRefused()
    {
        var entry = Entry(_first.ExportRSAPublicKey(), fingerprint: null);
        entry["Fingerprint"] = 42;

        Assert.Contains("PublicKeyList[0].Fingerprint is 'Number'", Refused(Write("type.json", ListPublicKeys(entry))), StringComparison.Ordinal);
    }

    [Fact]
    public void FileLargerThanTheCap_IsRefused_WithoutReadingIt()
    {
        var path = Path.Combine(_folder, "huge.pem");
        using (var file = File.Create(path))
        {
            file.SetLength(DigestPublicKeyFile.MaxFileBytes + 1);
        }

        Assert.Contains("more than the", Refused(path), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static JsonObject Entry(byte[] der, string? fingerprint, JsonNode? startTime = null)
    {
        var entry = new JsonObject
        {
            ["Value"] = Convert.ToBase64String(der),
            ["ValidityStartTime"] = startTime ?? "2024-05-01T00:00:00+00:00",
            ["ValidityEndTime"] = "2025-05-01T00:00:00+00:00",
        };
        if (fingerprint is not null)
        {
            entry["Fingerprint"] = fingerprint;
        }

        return entry;
    }

    private static string ListPublicKeys(params JsonObject[] entries) => new JsonObject { ["PublicKeyList"] = new JsonArray(entries) }.ToJsonString();

#pragma warning disable CA5351 // CloudTrail's fingerprint is an MD5
    private static string Md5(byte[] der) => Convert.ToHexStringLower(MD5.HashData(der));
#pragma warning restore CA5351

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>The message of the refusal, which must name the file.</summary>
    private static string Refused(string path)
    {
        var error = Assert.Throws<DigestPublicKeyFileException>(() => DigestPublicKeyFile.Load(path));
        Assert.StartsWith($"public key file '{path}': ", error.Message, StringComparison.Ordinal);
        return error.Message;
    }
}
