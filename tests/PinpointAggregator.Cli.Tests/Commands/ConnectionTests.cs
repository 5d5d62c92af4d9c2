using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PinpointAggregator.Cli.Commands;
using PinpointAggregator.Cli.Tests.Fakes;

namespace PinpointAggregator.Cli.Tests.Commands;

/// <summary>What reaches the service: the bearer token from each source, TLS with a private CA, and refusals as exit codes.</summary>
public sealed class ConnectionTests : IDisposable
{
    private const string AppName = "accounts/111111111111/regions/us-east-1/applications/abc";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Token_FromFlagEnvironmentOrConfigFile_IsSentAsBearer_NoneWithoutOne()
    {
        var applications = new FakeApplications();
        await using var server = await FakeServer.StartAsync([applications]);
        Directory.CreateDirectory(Path.Combine(_folder.Path, "pinpoint-audit"));
        File.WriteAllText(Path.Combine(_folder.Path, "pinpoint-audit", "token"), "from-file\n");
        File.WriteAllText(Path.Combine(_folder.Path, "pinpoint-audit", "config.json"), $$"""{ "address": "{{server.Address}}", "tokenFile": "token" }""");
        var withConfig = CliRun.With(new Dictionary<string, string>(), _folder.Path);
        var withEnvironment = CliRun.With(new Dictionary<string, string> { ["PINPOINT_AUDIT_TOKEN"] = "from-env" }, _folder.Path);

        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("apps", "show", AppName, "--address", server.Address)).ExitCode);
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync(withConfig, "apps", "show", AppName)).ExitCode);
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync(withEnvironment, "apps", "show", AppName)).ExitCode);
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync(withEnvironment, "apps", "show", AppName, "--token", "from-flag")).ExitCode);

        Assert.Equal([null, "Bearer from-file", "Bearer from-env", "Bearer from-flag"], applications.Authorizations);
    }

    [Fact]
    public async Task InvalidArgument_PrintsEveryBadFieldAndExitsWithTheUsageCode()
    {
        await using var server = await FakeServer.StartAsync([new FakeApplications()]);

        var result = await CliRun.RunAsync("apps", "list", "--address", server.Address, "--account", "bad");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal(
            "apps list: the service refused the request (INVALID_ARGUMENT):\n  accounts[0]: must be a 12-digit AWS account id\n  page_size: must be 1 to 1000\n",
            result.Error);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Unimplemented_IsAServiceError()
    {
        await using var server = await FakeServer.StartAsync([new FakeApplications()]);

        var result = await CliRun.RunAsync("operations", "--address", server.Address);

        Assert.Equal(ExitCodes.ServiceError, result.ExitCode);
        Assert.StartsWith($"operations: the service at {server.Address} does not offer this call (UNIMPLEMENTED): ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_WithThePrivateCa_Works_WithoutItOrForAnotherName_IsRefused()
    {
        var (ca, leaf) = Certificates();
        var caFile = Path.Combine(_folder.Path, "ca.pem");
        File.WriteAllText(caFile, ca.ExportCertificatePem());
        await using var server = await FakeServer.StartAsync([new FakeApplications()], leaf);
        var port = new Uri(server.Address).Port;

        var trusted = await CliRun.RunAsync("apps", "show", AppName, "--address", server.Address, "--ca-file", caFile, "--output", "json");
        var untrusted = await CliRun.RunAsync("apps", "show", AppName, "--address", server.Address);
        var wrongName = await CliRun.RunAsync("apps", "show", AppName, "--address", $"https://localhost:{port}", "--ca-file", caFile);

        Assert.True(trusted.ExitCode == ExitCodes.Success, trusted.ToString());
        Assert.Contains("\"displayName\": \"fake\"", trusted.Out, StringComparison.Ordinal);
        Assert.True(untrusted.ExitCode == ExitCodes.Unavailable, untrusted.ToString());
        Assert.StartsWith($"apps show: no TLS connection to {server.Address}: ", untrusted.Error, StringComparison.Ordinal);
        Assert.EndsWith("PartialChain (--ca-file trusts a private CA)\n", untrusted.Error, StringComparison.Ordinal);
        Assert.True(wrongName.ExitCode == ExitCodes.Unavailable, wrongName.ToString());
        Assert.StartsWith($"apps show: no TLS connection to https://localhost:{port}: ", wrongName.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeout_EndsACallThatDoesNotAnswer()
    {
        // A listener that accepts connections and never answers: the call can only end by its deadline.
        using var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;

        var result = await CliRun.RunAsync("apps", "show", AppName, "--address", $"http://127.0.0.1:{port}", "--timeout", "300ms");

        Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
        Assert.Equal($"apps show: no answer from http://127.0.0.1:{port} within 0.3 s (DEADLINE_EXCEEDED); --timeout allows longer\n", result.Error);
    }

    [Fact]
    public async Task TokenOverPlainHttpToAnotherHost_IsWarnedAbout()
    {
        var result = await CliRun.RunAsync("apps", "show", AppName, "--address", "http://192.0.2.1:1", "--token", "t", "--timeout", "200ms");

        Assert.StartsWith("apps show: warning: the token goes to 192.0.2.1 over plain http; use an https:// address\n", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsageErrors_ExitWithTheUsageCodeBeforeAnyCall()
    {
        var both = await CliRun.RunAsync("events", "search", "--all", "--limit", "5", "--address", $"http://127.0.0.1:{FreePorts.Next()}");
        var badTime = await CliRun.RunAsync("events", "search", "--from", "last tuesday", "--address", $"http://127.0.0.1:{FreePorts.Next()}");
        var scanShapeAsTable = await CliRun.RunAsync("summary", "--scan-shape");
        var unknownOption = await CliRun.RunAsync("apps", "list", "--colour");

        Assert.Equal((ExitCodes.UsageError, "events search: give --all or --limit, not both\n"), (both.ExitCode, both.Error));
        Assert.Equal(ExitCodes.UsageError, badTime.ExitCode);
        Assert.StartsWith("events search: --from must be a UTC date or time", badTime.Error, StringComparison.Ordinal);
        Assert.Equal((ExitCodes.UsageError, "summary: --scan-shape prints JSON: give --output json\n"), (scanShapeAsTable.ExitCode, scanShapeAsTable.Error));
        Assert.Equal(ExitCodes.UsageError, unknownOption.ExitCode);
    }

    /// <summary>A private CA and a server certificate it signed for 127.0.0.1 only.</summary>
    private static (X509Certificate2 Ca, X509Certificate2 Leaf) Certificates()
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=pinpoint-audit test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));

        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=127.0.0.1", leafKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        leafRequest.CertificateExtensions.Add(names.Build());
        leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        using var signed = leafRequest.Create(ca, now.AddHours(-1), now.AddHours(12), [1, 2, 3, 4]);
        using var withKey = signed.CopyWithPrivateKey(leafKey);
        // Through PKCS#12, so the key is one SslStream can use on every platform.
        var leaf = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        return (ca, leaf);
    }
}
