using System.Security.Cryptography;
using System.Text.Json;
using PinpointAggregator.Cli.Commands;
using PinpointAggregator.SampleData;
using PinpointAggregator.Testing;

namespace PinpointAggregator.Cli.Tests.Commands;

/// <summary><c>verify</c> end to end over real files in a temp folder: a generated trail, digests signed by the test's key.</summary>
public sealed class VerifyCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _trail;
    private readonly string _keyFile;
    private readonly string _signatureFile;
    private readonly IReadOnlyList<(string Key, string Signature)> _digests;

    public VerifyCommandTests()
    {
        _trail = Path.Combine(_folder.Path, "trail");
        SampleTrailGenerator.Generate(_trail, new SampleTrailOptions { Seed = 5, Accounts = 2, Regions = 1, FilesPerDay = 48, RecordsPerFile = 5, MalformedFiles = 0, IncludeDigests = false });
        using var signer = RSA.Create(2048);
        _digests = TrailDigestWriter.Write(_trail, signer);
        _keyFile = Path.Combine(_folder.Path, "key.pem");
        File.WriteAllText(_keyFile, signer.ExportRSAPublicKeyPem());
        _signatureFile = Path.Combine(_folder.Path, "signatures.json");
        TrailDigestWriter.WriteSignatureMap(_signatureFile, _digests);
    }

    [Fact]
    public async Task UndamagedCopy_WithSignatures_ExitsZero_AndSaysNoViolations()
    {
        var result = await CliRun.RunAsync("verify", _trail, "--public-key", _keyFile, "--signatures", _signatureFile);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains(result.Lines, l => l.StartsWith("violations", StringComparison.Ordinal) && l.EndsWith("none", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith("digests checked", StringComparison.Ordinal) && l.EndsWith($" {_digests.Count}", StringComparison.Ordinal));
        Assert.DoesNotContain("Findings:", result.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task UndamagedCopy_WithoutSignatures_ExitsZero_TheNewestDigestsAreUnverifiable()
    {
        var result = await CliRun.RunAsync("verify", _trail, "--public-key", _keyFile, "--output", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal((0, 0, 2, _digests.Count), (summary.GetProperty("violations").GetInt32(), summary.GetProperty("gaps").GetInt32(), summary.GetProperty("unverifiable").GetInt32(), summary.GetProperty("digests_checked").GetInt32()));
        Assert.All(json.RootElement.GetProperty("findings").EnumerateArray(), f => Assert.Equal(("SignatureUnverifiable", false), (f.GetProperty("kind").GetString(), f.GetProperty("violation").GetBoolean())));
        Assert.Equal(2, json.RootElement.GetProperty("chains").GetArrayLength());
    }

    [Fact]
    public async Task DamagedCopy_ExitsThree_AndReportsEachFinding()
    {
        var digest = _digests[5].Key;
        var log = ListedLogs(digest)[0];
        File.Delete(Path.Combine(_trail, log));

        var table = await CliRun.RunAsync("verify", _trail, "--public-key", _keyFile, "--signatures", _signatureFile);
        var json = await CliRun.RunAsync("verify", _trail, "--public-key", _keyFile, "--signatures", _signatureFile, "-o", "json", "--threads", "1");

        Assert.Equal(ExitCodes.IntegrityViolations, table.ExitCode);
        Assert.Contains(table.Lines, l => l.StartsWith("violations", StringComparison.Ordinal) && l.EndsWith("1 (LogDeleted 1)", StringComparison.Ordinal));
        Assert.Contains(table.Lines, l => l.StartsWith("LogDeleted  ", StringComparison.Ordinal));
        Assert.Contains(table.Lines, l => l == $"  log     {log}");
        Assert.Contains(table.Lines, l => l == $"  digest  {digest}");
        Assert.Equal(ExitCodes.IntegrityViolations, json.ExitCode);
        using var report = JsonDocument.Parse(json.Out);
        var finding = Assert.Single(report.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal(("LogDeleted", digest, log, true), (finding.GetProperty("kind").GetString(), finding.GetProperty("digest_key").GetString(), finding.GetProperty("log_key").GetString(), finding.GetProperty("violation").GetBoolean()));
        Assert.Equal(1, report.RootElement.GetProperty("summary").GetProperty("violations_by_kind").GetProperty("LogDeleted").GetInt32());
    }

    [Fact]
    public async Task KeysFromListPublicKeysJson_AreTrusted()
    {
        var pem = File.ReadAllText(_keyFile);
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var der = rsa.ExportRSAPublicKey();
        var jsonKeys = Path.Combine(_folder.Path, "keys.json");
        File.WriteAllText(jsonKeys, $"{{\"PublicKeyList\":[{{\"Value\":\"{Convert.ToBase64String(der)}\",\"ValidityStartTime\":\"2024-01-01T00:00:00Z\",\"ValidityEndTime\":\"2025-01-01T00:00:00Z\",\"Fingerprint\":\"{Trail.Digests.DigestPublicKey.FromDer(der).Fingerprint}\"}}]}}");

        var result = await CliRun.RunAsync("verify", _trail, "--public-key", jsonKeys, "--signatures", _signatureFile);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
    }

    [Fact]
    public async Task UntrustedKey_IsAViolationForEveryDigest()
    {
        using var other = RSA.Create(2048);
        var otherKey = Path.Combine(_folder.Path, "other.pem");
        File.WriteAllText(otherKey, other.ExportSubjectPublicKeyInfoPem());

        var result = await CliRun.RunAsync("verify", _trail, "--public-key", otherKey, "-o", "json");

        Assert.Equal(ExitCodes.IntegrityViolations, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(_digests.Count, json.RootElement.GetProperty("summary").GetProperty("violations_by_kind").GetProperty("KeyUnknown").GetInt32());
    }

    [Fact]
    public async Task MissingPath_IsAUsageError_NamingIt()
    {
        var missing = Path.Combine(_folder.Path, "nope");

        var result = await CliRun.RunAsync("verify", missing, "--public-key", _keyFile);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal($"verify: '{missing}' is not a folder", result.Error.Trim());
    }

    [Fact]
    public async Task UnreadableKeyFile_IsAUsageError_NamingIt()
    {
        var notAKey = Path.Combine(_folder.Path, "notakey.txt");
        File.WriteAllText(notAKey, "hello");

        var missing = await CliRun.RunAsync("verify", _trail, "--public-key", _keyFile, Path.Combine(_folder.Path, "nokey.pem"));
        var bad = await CliRun.RunAsync("verify", _trail, "--public-key", notAKey);

        Assert.Equal((ExitCodes.UsageError, ExitCodes.UsageError), (missing.ExitCode, bad.ExitCode));
        Assert.StartsWith($"verify: public key file '{Path.Combine(_folder.Path, "nokey.pem")}': the file does not exist", missing.Error, StringComparison.Ordinal);
        Assert.StartsWith($"verify: public key file '{notAKey}': ", bad.Error, StringComparison.Ordinal);
        Assert.Empty(missing.Out);
    }

    [Fact]
    public async Task BadSignatureMap_IsAUsageError_NamingIt()
    {
        var map = Path.Combine(_folder.Path, "map.json");
        File.WriteAllText(map, "[1, 2]");

        var result = await CliRun.RunAsync("verify", _trail, "--public-key", _keyFile, "--signatures", map);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith($"verify: signature map '{map}': ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--threads", "0")]
    [InlineData("--output", "csv")]
    public async Task BadOption_IsAUsageError(string option, string value)
    {
        var result = await CliRun.RunAsync("verify", _trail, "--public-key", _keyFile, option, value);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(value == "0" ? "--threads must be at least 1" : "'csv'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("violations", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAPublicKey_IsAUsageError()
    {
        var result = await CliRun.RunAsync("verify", _trail);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--public-key", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private string[] ListedLogs(string digestKey)
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(Path.Combine(_trail, digestKey)), System.IO.Compression.CompressionMode.Decompress);
        using var json = JsonDocument.Parse(gzip);
        return [.. json.RootElement.GetProperty("logFiles").EnumerateArray().Select(f => f.GetProperty("s3Object").GetString()!)];
    }
}
