using System.Globalization;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PinpointAggregator.ApiKeys;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Audit.Summary;
using PinpointAggregator.SampleData;

namespace PinpointAggregator.Api.Tests.Security;

/// <summary>
/// The service as a production operator would configure it: https with a certificate made by the test,
/// API keys (an operator, an unscoped viewer, a viewer scoped to an account group, a viewer scoped to one
/// account), JWTs from a test issuer (a symmetric and an RSA signing key), and every log line recorded.
/// The sample's three accounts play three parts: <see cref="TeamAccount"/> (the group's),
/// <see cref="ScopedAccount"/> (the scoped viewer's) and <see cref="OtherAccount"/> (nobody's scope).
/// </summary>
#pragma warning disable CA1001 // disposed in DisposeAsync, as xUnit's IAsyncLifetime does it
public sealed class SecuredServiceFixture : ServiceFixture, IAsyncLifetime
#pragma warning restore CA1001
{
    public const string TeamGroup = "team-a";

    private readonly string _secrets = Directory.CreateTempSubdirectory("pa-api-tls-").FullName;

    public SecuredServiceFixture() => Certificate = new TestCertificate(_secrets);

    internal TestCertificate Certificate { get; }

    internal TestTokens Tokens { get; } = new();

    internal RecordingLoggerProvider Logs { get; } = new();

    public ApiKey OperatorKey { get; } = ApiKey.Generate("ops");

    public ApiKey ViewerKey { get; } = ApiKey.Generate("viewer-all");

    public ApiKey TeamViewerKey { get; } = ApiKey.Generate("viewer-team");

    public ApiKey AccountViewerKey { get; } = ApiKey.Generate("viewer-account");

    public string TeamAccount { get; private set; } = null!;

    public string ScopedAccount { get; private set; } = null!;

    public string OtherAccount { get; private set; } = null!;

    protected override string Scheme => Uri.UriSchemeHttps;

    protected override string ReadToken() => OperatorKey.Format();

    protected override HttpMessageHandler CreateHttpHandler() => Certificate.TrustingHandler();

    protected override void ConfigureBuilder(WebApplicationBuilder builder)
    {
        var truth = ScanSummaryJson.Deserialize(File.ReadAllText(Path.Combine(SampleFolder, SampleTrail.GroundTruthFileName)));
        var accounts = truth.Applications.Values.Select(a => a.Account!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(accounts.Count >= 3, "the sample needs three accounts with applications");
        (TeamAccount, ScopedAccount, OtherAccount) = (accounts[0], accounts[1], accounts[2]);

        var settings = new Dictionary<string, string?>
        {
            ["Api:Tls:CertificatePath"] = Certificate.CertificatePath,
            ["Api:Tls:KeyPath"] = Certificate.KeyPath,
            [$"Api:Auth:AccountGroups:{TeamGroup}:0"] = TeamAccount,
            ["Api:Auth:Jwt:Issuer"] = TestTokens.Issuer,
            ["Api:Auth:Jwt:Audience"] = TestTokens.Audience,
            ["Api:Auth:Jwt:SigningKeys:0:SymmetricKey"] = Convert.ToBase64String(Tokens.SymmetricKey),
            ["Api:Auth:Jwt:SigningKeys:1:PublicKeyPem"] = Tokens.RsaPublicKeyPem,
        };
        AddKey(settings, 0, OperatorKey, "operator");
        AddKey(settings, 1, ViewerKey, "viewer");
        AddKey(settings, 2, TeamViewerKey, "viewer", groups: [TeamGroup]);
        AddKey(settings, 3, AccountViewerKey, "viewer", accounts: [ScopedAccount]);
        builder.Configuration.AddInMemoryCollection(settings);

        // Everything authentication, gRPC and our code say, at every level: the secret check reads it all.
        builder.Logging.AddProvider(Logs);
        builder.Logging.AddFilter<RecordingLoggerProvider>(null, LogLevel.Information);
        foreach (var category in new[] { "Microsoft.AspNetCore", "Grpc", "PinpointAggregator" })
        {
            builder.Logging.AddFilter<RecordingLoggerProvider>(category, LogLevel.Trace);
        }
    }

    protected override void MapEndpoints(WebApplication app)
    {
        var operations = OperationsService.Descriptor.FullName;
        var mapped = ((IEndpointRouteBuilder)app).DataSources.SelectMany(s => s.Endpoints)
            .Any(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.ServiceName == operations);
        if (!mapped)
        {
            app.MapGrpcService<StubOperationsService>();
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Certificate.Dispose();
        Tokens.Dispose();
        Directory.Delete(_secrets, recursive: true);
    }

    private static void AddKey(Dictionary<string, string?> settings, int index, ApiKey key, string role, string[]? accounts = null, string[]? groups = null)
    {
        var at = $"Api:Auth:ApiKeys:{index.ToString(CultureInfo.InvariantCulture)}";
        settings[$"{at}:Id"] = key.Id;
        settings[$"{at}:Hash"] = ApiKeyHash.Create(key.Secret).ToString();
        settings[$"{at}:Role"] = role;
        foreach (var (account, i) in (accounts ?? []).Select((a, i) => (a, i)))
        {
            settings[$"{at}:Accounts:{i}"] = account;
        }

        foreach (var (group, i) in (groups ?? []).Select((g, i) => (g, i)))
        {
            settings[$"{at}:Groups:{i}"] = group;
        }
    }
}
