using PinpointAggregator.Cli.Commands;
using PinpointAggregator.SampleData;
using PinpointAggregator.Trail.Integrity;

namespace PinpointAggregator.Cli.Tests.Commands;

/// <summary><c>generate-sample</c>'s digest and damage flags reach the generator.</summary>
public sealed class GenerateSampleCommandTests
{
    private static readonly string[] Shape = ["--accounts", "2", "--regions", "2", "--files-per-day", "8", "--records-per-file", "10", "--malformed", "0"];

    [Fact]
    public async Task DamageFlags_AreAppliedOnce_EachWithItsExpectedFindings()
    {
        using var folder = new TempFolder();

        var result = await CliRun.RunAsync(["generate-sample", folder.Path, .. Shape, "--damage", "signature-changed", "--damage", "two-digests-deleted", "--bucket", "audit-trail", "--backfill-digests"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(
            [IntegrityFindingKind.DigestMissing, IntegrityFindingKind.DigestMissing, IntegrityFindingKind.SignatureInvalid],
            ManifestJson.ReadExpectedFindings(folder.Path).Select(f => f.Kind).Where(k => k != IntegrityFindingKind.LogNotInAnyDigest));
        Assert.Contains(ManifestJson.Read(folder.Path), f => f.Key.EndsWith("_backfill.json.gz", StringComparison.Ordinal));
        Assert.Contains("\"digestS3Bucket\":\"audit-trail\"", System.Text.Encoding.UTF8.GetString(GunzipFirstDigest(folder.Path)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DamageAll_AppliesEveryKind_AndNoDigests_WritesNone()
    {
        using var damaged = new TempFolder();
        using var plain = new TempFolder();

        var all = await CliRun.RunAsync(["generate-sample", damaged.Path, .. Shape, "--damage", "all"]);
        var none = await CliRun.RunAsync(["generate-sample", plain.Path, .. Shape, "--no-digests"]);

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (all.ExitCode, none.ExitCode));
        Assert.Contains(ManifestJson.ReadExpectedFindings(damaged.Path), f => f.Kind == IntegrityFindingKind.Gap);
        Assert.Equal(8, ManifestJson.Read(damaged.Path).Select(f => f.Damage).OfType<TrailDamage>().Distinct().Count());
        Assert.DoesNotContain(ManifestJson.Read(plain.Path), f => f.Digest);
        Assert.False(File.Exists(Path.Combine(plain.Path, SampleTrail.PublicKeyFileName)));
    }

    [Theory]
    [InlineData("--damage", "log-rewritten")]
    [InlineData("--no-digests", "--damage")]
    public async Task UnknownDamage_OrDamageWithoutDigests_IsAUsageError(string first, string second)
    {
        using var folder = new TempFolder();

        var result = await CliRun.RunAsync(["generate-sample", folder.Path, .. Shape, first, second, .. second == "--damage" ? new[] { "log-deleted" } : []]);

        Assert.NotEqual(ExitCodes.Success, result.ExitCode);
        Assert.False(File.Exists(Path.Combine(folder.Path, SampleTrail.ManifestFileName)));
    }

    private static byte[] GunzipFirstDigest(string folder)
    {
        var key = ManifestJson.Read(folder).First(f => f.Digest).Key;
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(Path.Combine(folder, key)), System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
