using Grpc.Core;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests;

[Collection(SharedService.Name)]
public sealed class ApplicationTests(ServiceFixture service)
{
    private readonly ApplicationService.ApplicationServiceClient _client = new(service.Channel);

    [Fact]
    public async Task GetApplication_EveryApplicationOfTheSample_MatchesTheGroundTruth()
    {
        Assert.NotEmpty(service.GroundTruth.Applications);
        foreach (var (id, truth) in service.GroundTruth.Applications)
        {
            var app = await _client.GetApplicationAsync(new GetApplicationRequest { Name = $"accounts/{truth.Account}/regions/{truth.Region}/applications/{id}" });
            Assert.Equal(id, app.ApplicationId);
            Assert.Equal(truth.Events, app.Activity.Events);
            Assert.Equal(truth.Deleted, app.Deleted is not null);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("accounts/123/regions/us-east-1/applications/abc")]
    [InlineData("accounts/123456789012/regions/mars/applications/abc")]
    [InlineData("accounts/123456789012/regions/us-east-1/applications/a%2Fb")]
    [InlineData("applications/abc")]
    public async Task GetApplication_MalformedName_IsInvalidArgumentNamingTheField(string name)
    {
        var e = await Errors.CallFails(() => _client.GetApplicationAsync(new GetApplicationRequest { Name = name }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal(["name"], e.BadFields());
    }

    [Fact]
    public async Task GetApplication_Unknown_IsNotFound()
    {
        var e = await Errors.CallFails(() => _client.GetApplicationAsync(new GetApplicationRequest { Name = "accounts/123456789012/regions/us-east-1/applications/nosuchapp0" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
    }
}
