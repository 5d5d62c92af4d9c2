using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using PinpointAggregator.ApiKeys;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests.Security;

/// <summary>
/// The embedded default (loopback, nothing configured) is not open: it generated an operator key into a file
/// only its user can read, and a call needs that key. (The shared fixture's channel sends it.)
/// </summary>
[Collection(SharedService.Name)]
public sealed class EmbeddedDefaultAuthTests(ServiceFixture service)
{
    [Fact]
    public void GeneratedKey_IsInAFileOnlyItsUserCanRead()
    {
        Assert.True(ApiKey.TryParse(File.ReadAllText(service.GeneratedKeyFile).Trim(), out _));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(service.GeneratedKeyFile));
        }
    }

    [Fact]
    public async Task CallWithoutTheKey_IsUnauthenticated_CallWithIt_IsServed()
    {
        using var anonymous = service.CreateChannel(token: null);
        var name = service.GroundTruth.Applications.Select(a => $"accounts/{a.Value.Account}/regions/{a.Value.Region}/applications/{a.Key}").First();

        var e = await Errors.CallFails(() => new ApplicationService.ApplicationServiceClient(anonymous).GetApplicationAsync(new GetApplicationRequest { Name = name }).ResponseAsync);
        var app = await new ApplicationService.ApplicationServiceClient(service.Channel).GetApplicationAsync(new GetApplicationRequest { Name = name });

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Equal(name, $"accounts/{app.Account}/regions/{app.Region}/applications/{app.ApplicationId}");
    }

    [Fact]
    public async Task Health_WithoutTheKey_Serves()
    {
        using var anonymous = service.CreateChannel(token: null);

        var answer = await new Health.HealthClient(anonymous).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, answer.Status);
    }
}
