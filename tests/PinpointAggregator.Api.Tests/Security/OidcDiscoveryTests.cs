using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests.Security;

/// <summary>
/// <c>Api:Auth:Jwt:Authority</c>: the service learns the issuer and its signing keys from the authority's
/// OpenID Connect discovery document (served here on loopback by the test), and accepts only tokens
/// signed with a published key by that issuer.
/// </summary>
public sealed class OidcDiscoveryTests : IAsyncLifetime, IDisposable
{
    private const string Audience = "pinpoint-aggregator";
    private readonly RSA _published = RSA.Create(2048);
    private readonly RSA _unpublished = RSA.Create(2048);
    private readonly TestTokens _tokens = new();
    private WebApplication? _authority;
    private ApiOnlyHost? _api;
    private string _issuer = null!;
    private int _discoveryRequests;

    public async Task InitializeAsync()
    {
        var port = ApiOnlyHost.FreePort();
        _issuer = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        _authority = builder.Build();
        _authority.MapGet("/.well-known/openid-configuration", () =>
        {
            Interlocked.Increment(ref _discoveryRequests);
            return Results.Text($"{{\"issuer\":\"{_issuer}\",\"jwks_uri\":\"{_issuer}/jwks\"}}", "application/json");
        });
        var key = _published.ExportParameters(includePrivateParameters: false);
        _authority.MapGet("/jwks", () => Results.Text(
            $"{{\"keys\":[{{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"k1\",\"n\":\"{Base64Url.EncodeToString(key.Modulus)}\",\"e\":\"{Base64Url.EncodeToString(key.Exponent)}\"}}]}}",
            "application/json"));
        await _authority.StartAsync();

        _api = await ApiOnlyHost.StartAsync(new Dictionary<string, string?>
        {
            ["Api:Auth:Jwt:Authority"] = _issuer,
            ["Api:Auth:Jwt:Audience"] = Audience,
            ["Api:Auth:Jwt:RequireHttpsMetadata"] = "false",
        });
    }

    [Fact]
    public async Task OperatorToken_SignedWithAPublishedKey_IsServed()
    {
        var answer = await ListOperations(Token("operator", _published, "k1"));

        Assert.NotNull(answer);
        Assert.True(Volatile.Read(ref _discoveryRequests) >= 1, "the service never asked the authority for its discovery document");
    }

    [Fact]
    public async Task ViewerToken_IsRefusedTheOperatorRpc()
    {
        var e = await Errors.CallFails(() => ListOperations(Token("viewer", _published, "k1")));

        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
    }

    [Fact]
    public async Task TokenSignedWithAKeyTheAuthorityDoesNotPublish_IsUnauthenticated()
    {
        var e = await Errors.CallFails(() => ListOperations(Token("operator", _unpublished, "k2")));

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Equal("The bearer token's signature does not verify.", e.Status.Detail);
    }

    [Fact]
    public async Task TokenFromAnotherIssuer_IsUnauthenticated()
    {
        var e = await Errors.CallFails(() => ListOperations(Token("operator", _published, "k1", issuer: "http://127.0.0.1:1")));

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Equal("The bearer token's issuer is not trusted.", e.Status.Detail);
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_authority is not null)
        {
            await _authority.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _published.Dispose();
        _unpublished.Dispose();
        _tokens.Dispose();
    }

    private async Task<ListOperationsResponse> ListOperations(string token)
    {
        using var channel = _api!.Channel();
        return await new OperationsService.OperationsServiceClient(channel).ListOperationsAsync(new ListOperationsRequest(), new Metadata { { "authorization", $"Bearer {token}" } });
    }

    private string Token(string role, RSA key, string keyId, string? issuer = null) =>
        _tokens.Create(
            AuthenticationTests.Claims(role),
            new SigningCredentials(new RsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
            issuer: issuer ?? _issuer,
            audience: Audience);
}
