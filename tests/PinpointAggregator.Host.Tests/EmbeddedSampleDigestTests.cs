using Microsoft.Extensions.Configuration;
using PinpointAggregator.Host.Hosting;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Host.Tests;

/// <summary>The embedded default's sample has signed digests, and the service is told to trust the sample's key only.</summary>
public sealed class EmbeddedSampleDigestTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pa-embedded-digests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void EmbeddedSample_HasSignedDigests_AndItsKeyIsTheTrustedKeyFile()
    {
        var configuration = new ConfigurationManager();
        configuration[EmbeddedDefault.FolderKey] = _folder;
        configuration["Integrity:PublicKeyFiles:0"] = "/etc/pinpoint/cloudtrail-keys.json";

        Assert.True(EmbeddedDefault.ApplyIfUnconfigured(configuration));

        var key = Path.Combine(_folder, SampleTrail.PublicKeyFileName);
        Assert.Equal(["/etc/pinpoint/cloudtrail-keys.json", key], configuration.GetSection("Integrity:PublicKeyFiles").GetChildren().Select(c => c.Value));
        Assert.Equal("false", configuration["Integrity:ListPublicKeys"]);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", File.ReadAllText(key), StringComparison.Ordinal);
        var digests = ManifestJson.Read(_folder).Where(f => f.Digest).ToList();
        Assert.NotEmpty(digests);
        Assert.Equal(digests.Select(d => d.Key).Order(StringComparer.Ordinal), DigestSignatureMap.Read(Path.Combine(_folder, SampleTrail.SignaturesFileName)).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(EmbeddedDefault.BucketName, configuration["Ingestion:Buckets:0:Name"]);
    }

    [Fact]
    public void SampleWrittenBeforeSignedDigests_IsWrittenAgain()
    {
        var stale = Path.Combine(_folder, "AWSLogs", "o-0000000000", "111122223333", "CloudTrail-Digest", "us-east-1", "2024", "06", "01",
            "111122223333_CloudTrail-Digest_us-east-1_org-trail_us-east-1_20240601T010000Z.json.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        File.WriteAllText(stale, "not a digest");
        File.WriteAllText(Path.Combine(_folder, SampleTrail.ManifestFileName), "[]");
        var configuration = new ConfigurationManager();
        configuration[EmbeddedDefault.FolderKey] = _folder;

        Assert.True(EmbeddedDefault.ApplyIfUnconfigured(configuration));

        Assert.False(File.Exists(stale), "the outdated sample's placeholder digest is still there");
        Assert.True(File.Exists(Path.Combine(_folder, SampleTrail.PublicKeyFileName)));
        Assert.NotEmpty(ManifestJson.Read(_folder));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
