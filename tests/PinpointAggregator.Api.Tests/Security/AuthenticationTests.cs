using System.Text;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PinpointAggregator.ApiKeys;
using PinpointAggregator.Api.Security;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests.Security;

/// <summary>Who gets in: API keys and JWTs, good and bad, through a real TLS channel; health and reflection need no token.</summary>
[Collection(SecuredService.Name)]
public sealed class AuthenticationTests(SecuredServiceFixture service) : IDisposable
{
    private readonly GrpcChannel _anonymous = service.CreateChannel(token: null);

    private ApplicationService.ApplicationServiceClient Applications => new(_anonymous);

    [Fact]
    public async Task NoToken_IsUnauthenticated()
    {
        var e = await Errors.CallFails(() => Applications.GetApplicationAsync(Request(service.TeamAccount)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Equal(AuthenticationFailures.Missing, e.Status.Detail);
    }

    [Theory]
    [InlineData("Basic b3BzOnNlY3JldA==")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    public async Task NoBearerToken_IsUnauthenticated(string authorization)
    {
        var e = await Errors.CallFails(() => Applications.GetApplicationAsync(Request(service.TeamAccount), new Metadata { { "authorization", authorization } }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Equal(AuthenticationFailures.Missing, e.Status.Detail);
    }

    public static TheoryData<string, string> BadApiKeys => new()
    {
        { "nonsense", "The bearer token is not valid." },
        { "pa_", "The API key is malformed." },
        { "pa_ops", "The API key is malformed." },
        { "pa_ops_", "The API key is malformed." },
        { "pa_OPS_c2VjcmV0", "The API key is malformed." },
        { "pa_ops_not base64!", "The API key is malformed." },
        { "pa_nosuchkey_" + ApiKey.Generate().Secret, "The API key is not valid." },
    };

    [Theory]
    [MemberData(nameof(BadApiKeys))]
    public async Task MalformedOrUnknownApiKey_IsUnauthenticated(string token, string why)
    {
        var e = await CallWith(token);

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Equal(why, e.Status.Detail);
    }

    [Fact]
    public async Task KnownIdWithAnotherSecret_IsUnauthenticated()
    {
        var wrong = $"pa_{service.OperatorKey.Id}_{ApiKey.Generate().Secret}";
        var truncated = service.OperatorKey.Format()[..^1];

        foreach (var token in new[] { wrong, truncated, $"pa_{service.OperatorKey.Id}_{service.ViewerKey.Secret}" })
        {
            var e = await CallWith(token);
            Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
            Assert.Equal("The API key is not valid.", e.Status.Detail);
            Assert.DoesNotContain(token, e.Status.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EveryConfiguredApiKey_Authenticates()
    {
        foreach (var key in new[] { service.OperatorKey, service.ViewerKey, service.TeamViewerKey })
        {
            var app = await Applications.GetApplicationAsync(Request(service.TeamAccount), Bearer(key.Format()));
            Assert.Equal(service.GroundTruth.Applications[app.ApplicationId].Events, app.Activity.Events);
        }
    }

    [Fact]
    public async Task Jwt_SignedWithEitherConfiguredKey_Authenticates()
    {
        foreach (var signing in new[] { service.Tokens.Symmetric, service.Tokens.Rsa })
        {
            var token = service.Tokens.Create(Claims("viewer"), signing);
            var app = await Applications.GetApplicationAsync(Request(service.OtherAccount), Bearer(token));
            Assert.Equal(service.GroundTruth.Applications[app.ApplicationId].Events, app.Activity.Events);
        }
    }

    [Fact]
    public async Task Jwt_Expired_IsUnauthenticated()
    {
        // Expired an hour ago: well past the one-minute clock skew.
        var token = service.Tokens.Create(Claims("operator"), expiresIn: TimeSpan.FromHours(-1));

        var e = await CallWith(token);

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Equal("The bearer token has expired.", e.Status.Detail);
    }

    [Fact]
    public async Task Jwt_ForAnotherAudience_IsUnauthenticated()
    {
        var e = await CallWith(service.Tokens.Create(Claims("operator"), audience: "another-service"));

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Equal("The bearer token is not meant for this service (audience).", e.Status.Detail);
    }

    [Fact]
    public async Task Jwt_FromAnotherIssuer_IsUnauthenticated()
    {
        var e = await CallWith(service.Tokens.Create(Claims("operator"), issuer: "https://elsewhere.test.invalid"));

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Equal("The bearer token's issuer is not trusted.", e.Status.Detail);
    }

    [Fact]
    public async Task Jwt_SignedWithAnUnknownKey_IsUnauthenticated()
    {
        foreach (var signing in new[] { service.Tokens.Stranger, service.Tokens.StrangerSymmetric })
        {
            var e = await CallWith(service.Tokens.Create(Claims("operator"), signing));
            Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
            Assert.Equal("The bearer token's signature does not verify.", e.Status.Detail);
        }
    }

    [Fact]
    public async Task Jwt_WithChangedClaims_IsUnauthenticated()
    {
        // A viewer's valid token with its payload swapped for an operator's: the signature no longer matches.
        var parts = service.Tokens.Create(Claims("viewer")).Split('.');
        var forged = service.Tokens.Create(Claims("operator")).Split('.')[1];

        var e = await CallWith($"{parts[0]}.{forged}.{parts[2]}");

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Equal("The bearer token's signature does not verify.", e.Status.Detail);
    }

    [Fact]
    public async Task Jwt_Unsigned_IsUnauthenticated()
    {
        var unsigned = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestTokens.Issuer, Audience = TestTokens.Audience, Expires = DateTime.UtcNow.AddHours(1), Claims = Claims("operator").ToDictionary(),
        });
        Assert.EndsWith(".", unsigned, StringComparison.Ordinal);

        var e = await CallWith(unsigned);

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Fact]
    public async Task Jwt_GarbageAfterTheHeader_IsUnauthenticated()
    {
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\"}")).TrimEnd('=');

        var e = await CallWith($"{header}.e30.c2ln");

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("admin")]
    [InlineData("")]
    public async Task Jwt_WithoutAKnownRole_IsPermissionDenied(string? role)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "no-role" };
        if (role is not null)
        {
            claims["pinpoint_role"] = role;
        }

        var e = await CallWith(service.Tokens.Create(claims));

        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
        Assert.Equal("The caller has no role: the token must carry 'viewer' or 'operator'.", e.Status.Detail);
    }

    [Fact]
    public async Task Health_WithoutAToken_Serves()
    {
        var health = new Health.HealthClient(_anonymous);

        var answer = await health.CheckAsync(new HealthCheckRequest());
        var withBadToken = await health.CheckAsync(new HealthCheckRequest(), new Metadata { { "authorization", "Bearer pa_nosuchkey_AAAA" } });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, answer.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, withBadToken.Status);
    }

    [Fact]
    public async Task Reflection_WithoutAToken_ListsTheServices()
    {
        using var call = new ServerReflection.ServerReflectionClient(_anonymous).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains(ApplicationService.Descriptor.FullName, services);
    }

    public void Dispose() => _anonymous.Dispose();

    internal static Dictionary<string, object> Claims(string role) => new() { ["sub"] = "someone@example.test", ["pinpoint_role"] = role };

    private GetApplicationRequest Request(string account)
    {
        var (id, app) = service.GroundTruth.Applications.First(a => a.Value.Account == account);
        return new GetApplicationRequest { Name = $"accounts/{app.Account}/regions/{app.Region}/applications/{id}" };
    }

    private static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    private Task<RpcException> CallWith(string token) =>
        Errors.CallFails(() => Applications.GetApplicationAsync(Request(service.TeamAccount), Bearer(token)).ResponseAsync);
}
