using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PinpointAggregator.Api.Hosting;
using PinpointAggregator.Audit.Summary;
using PinpointAggregator.Host.Hosting;
using PinpointAggregator.Host.Telemetry;
using PinpointAggregator.SampleData;
using PinpointAggregator.Testing.Integrity;

namespace PinpointAggregator.Api.Tests;

/// <summary>
/// The service as the README's first command runs it (one silo, in-memory storage, the sample organization
/// trail in a local folder), with gRPC on a free loopback port; ready once the first pass has read every
/// file. Tests talk to it through a real <see cref="GrpcChannel"/>; <see cref="GroundTruth"/> is the
/// generator's own account of what the trail holds. With no authentication configured the service generates
/// an operator API key (the embedded default); <see cref="Channel"/> sends it.
/// </summary>
#pragma warning disable CA1001 // disposed in DisposeAsync, as xUnit's IAsyncLifetime does it
public class ServiceFixture : IAsyncLifetime
#pragma warning restore CA1001
{
    private static readonly TimeSpan FirstPassDeadline = TimeSpan.FromMinutes(3);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pa-api-" + Guid.NewGuid().ToString("N"));
    private readonly string _tokenFolder = Path.Combine(Path.GetTempPath(), "pa-api-token-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _summary = new();
    private WebApplication? _app;

    /// <summary>A channel that sends <see cref="Token"/>.</summary>
    public GrpcChannel Channel { get; private set; } = null!;

    /// <summary>The operator token <see cref="Channel"/> sends: by default the key the service generated for its loopback endpoint.</summary>
    public string Token { get; private set; } = null!;

    /// <summary><see cref="Token"/> as the HTTP header a JSON client sends.</summary>
    public string Bearer => $"Authorization: Bearer {Token}";

    /// <summary>Where the service writes its generated key.</summary>
    public string GeneratedKeyFile => Path.Combine(_tokenFolder, "token");

    public Uri Address { get; private set; } = null!;

    /// <summary>The plain HTTP/1.1 endpoint (<c>Api:HttpUrl</c>): JSON routes, the OpenAPI document, <c>/metrics</c>.</summary>
    public Uri HttpAddress { get; private set; } = null!;

    /// <summary>The sample trail's folder (its <c>manifest.json</c> lists every file).</summary>
    public string SampleFolder => _folder;

    public ScanSummary GroundTruth { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    /// <summary>Extra configuration of a derived fixture (authentication, limits).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Configuration => [];

    /// <summary><c>http</c> (plain HTTP/2) or <c>https</c> (with the certificate a derived fixture configures).</summary>
    protected virtual string Scheme => Uri.UriSchemeHttp;

    /// <summary>The operator token of <see cref="Channel"/>, read once the service has started.</summary>
    protected virtual string ReadToken() => File.ReadAllText(GeneratedKeyFile).Trim();

    /// <summary>Extra set-up of a derived fixture (logging, configuration that depends on the sample), after the silo is composed and before the API is added.</summary>
    protected virtual void ConfigureBuilder(WebApplicationBuilder builder)
    {
    }

    /// <summary>Extra endpoints of a derived fixture, after the API's own.</summary>
    protected virtual void MapEndpoints(WebApplication app)
    {
    }

    /// <summary>The HTTP handler of every channel (a derived fixture trusts its own certificate here).</summary>
    protected virtual HttpMessageHandler CreateHttpHandler() => new SocketsHttpHandler();

    /// <summary>A channel to the service that sends this bearer token with every call, or none.</summary>
    public GrpcChannel CreateChannel(string? token)
    {
        var options = new GrpcChannelOptions { HttpHandler = CreateHttpHandler(), DisposeHttpClient = true };
        if (token is not null)
        {
            var bearer = CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return Task.CompletedTask;
            });
            var transport = Address.Scheme == Uri.UriSchemeHttps ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure;
            options.Credentials = ChannelCredentials.Create(transport, bearer);
            options.UnsafeUseInsecureChannelCallCredentials = true;
        }

        return GrpcChannel.ForAddress(Address, options);
    }

    public virtual async Task InitializeAsync()
    {
        Address = new Uri($"{Scheme}://127.0.0.1:{FreePort()}");
        HttpAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var builder = PinpointHost.CreateWebBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [EmbeddedDefault.FolderKey] = _folder,
            ["Silo:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Silo:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Api:Url"] = Address.ToString(),
            ["Api:HttpUrl"] = HttpAddress.ToString(),
            ["Api:Auth:GeneratedKeyFile"] = GeneratedKeyFile,
        }.Concat(Configuration));
        builder.Services.AddSingleton(new SummaryOutput(TextWriter.Synchronized(_summary)));
        builder.AddPinpointSilo();
        ConfigureBuilder(builder);
        builder.AddPinpointApi();

        // Until the service registers its finding store (issue 11), the integrity RPCs read a test one.
        FallbackIntegrityFindingStore.AddIfMissing(builder.Services);

        builder.AddPinpointTelemetry();
        TestCallerAccessResolver.Decorate(builder.Services);
        _app = builder.Build();
        _app.MapPinpointApi();
        _app.MapPinpointTelemetry();
        MapEndpoints(_app);
        await _app.StartAsync();

        // The embedded default prints its scan-format summary once the first pass is complete.
        var clock = Stopwatch.StartNew();
        while (_summary.ToString().Length == 0)
        {
            Assert.True(clock.Elapsed < FirstPassDeadline, $"the first pass did not complete within {FirstPassDeadline}");
            await Task.Delay(100);
        }

        GroundTruth = ScanSummaryJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(_folder, SampleTrail.GroundTruthFileName)));
        Token = ReadToken();
        Channel = CreateChannel(Token);
    }

    public virtual async Task DisposeAsync()
    {
        Channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await _summary.DisposeAsync();
        foreach (var folder in new[] { _folder, _tokenFolder }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int FreePort()
    => PinpointAggregator.Testing.TestPorts.Next();
}
