using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using PinpointAggregator.ApiKeys;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests.Security;

/// <summary>No log line and no error a caller gets carries a key, a secret or a token, accepted or refused.</summary>
[Collection(SecuredService.Name)]
public sealed class SecretLoggingTests(SecuredServiceFixture service) : IDisposable
{
    private readonly GrpcChannel _channel = service.CreateChannel(token: null);

    [Fact]
    public async Task AcceptedAndRefusedCredentials_AppearInNoLogLineAndNoError()
    {
        var wrongSecret = ApiKey.Generate().Secret;
        var tokens = new List<string>
        {
            service.OperatorKey.Format(),
            service.ViewerKey.Format(),
            $"pa_{service.ViewerKey.Id}_{wrongSecret}",
            $"pa_nosuchkey_{wrongSecret}",
            service.Tokens.Create(AuthenticationTests.Claims("operator")),
            service.Tokens.Create(AuthenticationTests.Claims("viewer"), service.Tokens.Rsa),
            service.Tokens.Create(AuthenticationTests.Claims("operator"), expiresIn: TimeSpan.FromHours(-1)),
            service.Tokens.Create(AuthenticationTests.Claims("operator"), service.Tokens.Stranger),
            service.Tokens.Create(AuthenticationTests.Claims("operator"), audience: "another-service"),
        };
        var errors = new List<string>();
        foreach (var token in tokens)
        {
            var app = service.GroundTruth.Applications.First();
            var name = $"accounts/{app.Value.Account}/regions/{app.Value.Region}/applications/{app.Key}";
            var headers = new Metadata { { "authorization", $"Bearer {token}" } };
            try
            {
                await new ApplicationService.ApplicationServiceClient(_channel).GetApplicationAsync(new GetApplicationRequest { Name = name }, headers);
                await new OperationsService.OperationsServiceClient(_channel).ListOperationsAsync(new ListOperationsRequest(), headers);
            }
            catch (RpcException e)
            {
                errors.Add(e.Status.Detail);
                errors.Add(string.Join("; ", e.Trailers.Select(t => $"{t.Key}={t.Value}")));
            }
        }

        // Each whole token, and the parts that are secret on their own: API key secrets and JWT signatures.
        var secrets = tokens
            .Concat([service.OperatorKey.Secret, service.ViewerKey.Secret, wrongSecret, Convert.ToBase64String(service.Tokens.SymmetricKey)])
            .Concat(tokens.Where(t => t.Count(c => c == '.') == 2).Select(t => t.Split('.')[2]))
            .ToList();
        var lines = service.Logs.Records.ToList();
        Assert.Contains(lines, r => r.Level == LogLevel.Information && r.Message == $"API key {service.ViewerKey.Id} rejected: wrong secret");
        Assert.Contains(lines, r => r.Message == "API key nosuchkey rejected: unknown key id");
        // Five tokens are refused outright, and two viewers are refused the operator call.
        Assert.Equal(7 * 2, errors.Count);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(lines, r => r.Text.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(errors, e => e.Contains(secret, StringComparison.Ordinal));
        }
    }

    public void Dispose() => _channel.Dispose();
}
