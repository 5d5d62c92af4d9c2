using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PinpointAggregator.Aws.CloudTrail;
using PinpointAggregator.Aws.Credentials;

namespace PinpointAggregator.Aws.Tests.CloudTrail;

/// <summary>The request's endpoint and body; the exchange itself is tested against a local endpoint (Integration.Tests).</summary>
public sealed class ListPublicKeysClientTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Theory]
    [InlineData(null, "us-east-1", "https://cloudtrail.us-east-1.amazonaws.com/")]
    [InlineData(null, "eu-west-3", "https://cloudtrail.eu-west-3.amazonaws.com/")]
    [InlineData(null, "cn-north-1", "https://cloudtrail.cn-north-1.amazonaws.com.cn/")]
    [InlineData(null, "us-gov-west-1", "https://cloudtrail.us-gov-west-1.amazonaws.com/")]
    [InlineData("http://127.0.0.1:4599/", "eu-west-3", "http://127.0.0.1:4599/")]
    public void Endpoint_IsTheRegions_UnlessConfigured(string? serviceUrl, string region, string expected)
    {
        using var client = Client(new AwsOptions { CloudTrailServiceUrl = serviceUrl });

        Assert.Equal(new Uri(expected), client.Endpoint(region));
    }

    [Fact]
    public void Body_CarriesTheWindowInEpochSeconds_AndTheTokenWhenThereIsOne()
    {
        var start = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var end = new DateTimeOffset(2026, 11, 24, 12, 0, 0, 999, TimeSpan.Zero);

        Assert.Equal("""{"StartTime":1795428000,"EndTime":1795521600}""", Encoding.UTF8.GetString(ListPublicKeysClient.Body(start, end, null)));
        Assert.Equal("""{"StartTime":1795428000,"EndTime":1795521600,"NextToken":"a\u0022b"}""", Encoding.UTF8.GetString(ListPublicKeysClient.Body(start, end, "a\"b")));
    }

    [Theory]
    [InlineData("111122223333", "not a region")]
    [InlineData("111122223333", "cloudtrail.evil.example/x-1")]
    [InlineData("1111", "us-east-1")]
    public async Task ListAsync_RefusesNamesThatAreNotAnAccountAndRegion(string account, string region)
    {
        using var client = Client(new AwsOptions());

        await Assert.ThrowsAsync<ArgumentException>(() => client.ListAsync(account, region, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, CancellationToken.None));
    }

    public void Dispose() => _services.Dispose();

    private ListPublicKeysClient Client(AwsOptions options)
    {
        var metrics = new AwsMetrics(_services.GetRequiredService<IMeterFactory>());
        return new ListPublicKeysClient(Options.Create(options), new AccountCredentialsProvider(Options.Create(options), TimeProvider.System, metrics), metrics);
    }
}
