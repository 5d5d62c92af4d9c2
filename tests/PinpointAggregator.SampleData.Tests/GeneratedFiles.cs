using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Trail.Integrity;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.SampleData.Tests;

/// <summary>A generated trail read back from disk, by the trail library's own readers: its digests, signatures, key and logs.</summary>
internal sealed class GeneratedFiles
{
    private static readonly DigestFileReader Reader = new();

    public GeneratedFiles(SampleTrail trail)
    {
        Trail = trail;
        Digests = [.. trail.Files.Where(f => f.Digest).Select(f => new ReadDigest(f.Key, Parse(f.Key), Reader.ReadFile(PathOf(f.Key))))];
        Logs = [.. trail.Files.Where(f => !f.Digest)];
        Signatures = DigestSignatureMap.Read(Path.Combine(trail.Folder, SampleTrail.SignaturesFileName));
        PublicKey = DigestPublicKey.FromDer(PemDer(File.ReadAllText(Path.Combine(trail.Folder, SampleTrail.PublicKeyFileName))));
    }

    public SampleTrail Trail { get; }

    public IReadOnlyList<ReadDigest> Digests { get; }

    public IReadOnlyList<SampleFile> Logs { get; }

    public IReadOnlyDictionary<string, string> Signatures { get; }

    public DigestPublicKey PublicKey { get; }

    public DigestSignatureVerifier Verifier => new(new DigestPublicKeySet([PublicKey]));

    /// <summary>Each chain's digests in the order of their end times.</summary>
    public IReadOnlyDictionary<DigestChainId, IReadOnlyList<ReadDigest>> Chains =>
        Digests.GroupBy(d => DigestChainId.Of(d.Name)).ToDictionary(g => g.Key, g => (IReadOnlyList<ReadDigest>)[.. g.OrderBy(d => d.File.DigestEndTime)]);

    /// <summary>Every log listing, with the digest that lists it.</summary>
    public IEnumerable<(ReadDigest Digest, DigestLogFile Log)> Listings => Digests.SelectMany(d => d.File.LogFiles.Select(l => (d, l)));

    public ReadDigest Digest(string key) => Digests.Single(d => d.Key == key);

    public string PathOf(string key) => Path.Combine(Trail.Folder, key);

    public byte[] Uncompressed(string key) => Gunzip(File.ReadAllBytes(PathOf(key)));

    public string Sha256(string key) => Convert.ToHexStringLower(SHA256.HashData(Uncompressed(key)));

    /// <summary>Every file of the bucket tree, by key.</summary>
    public Dictionary<string, byte[]> Snapshot() =>
        Directory.EnumerateFiles(Path.Combine(Trail.Folder, "AWSLogs"), "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Trail.Folder, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    /// <summary>The event times of a log's records, read from its JSON.</summary>
    public IReadOnlyList<DateTimeOffset> EventTimes(string logKey) =>
        [.. JsonNode.Parse(Uncompressed(logKey))!["Records"]!.AsArray().Select(r => DateTimeOffset.Parse(r!["eventTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))];

    public static byte[] Gunzip(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    public static TrailKey Parse(string key) =>
        TrailKey.TryParse(key, out var parsed, out var reason) ? parsed : throw new InvalidOperationException(reason);

    /// <summary>The DER bytes of a one-block PEM file.</summary>
    public static byte[] PemDer(string pem)
    {
        var fields = System.Security.Cryptography.PemEncoding.Find(pem);
        Assert.Equal("PUBLIC KEY", pem[fields.Label]);
        return Convert.FromBase64String(pem[fields.Base64Data]);
    }
}

/// <summary>One digest file of a generated trail: its key, the key's parts and what the reader made of it.</summary>
internal sealed record ReadDigest(string Key, TrailKey Name, DigestReadResult Read)
{
    public DigestFile File => Read.Digest ?? throw new InvalidOperationException($"{Key}: {Read.Error}");

    public string Sha256 => Read.UncompressedSha256!;
}
