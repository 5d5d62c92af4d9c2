using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PinpointAggregator.Api.Hosting;

namespace PinpointAggregator.Api.Tests.Ecosystem;

/// <summary><c>Api:HttpUrl</c>: off when empty, else <c>http://IP:port</c> on a port of its own; a bad value stops the start, naming the option.</summary>
public sealed class HttpEndpointOptionsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("http://127.0.0.1:50052")]
    [InlineData("http://localhost:8081")]
    public void Valid(string url) =>
        Assert.True(new HttpEndpointValidator().Validate(null, new ApiOptions { HttpUrl = url }).Succeeded);

    [Theory]
    [InlineData("http://0.0.0.0:8081")]
    [InlineData("http://[::]:8081")]
    public void ReachableFromOtherMachines_NeedsAllowPlaintext(string url)
    {
        var refused = new HttpEndpointValidator().Validate(null, new ApiOptions { HttpUrl = url });
        Assert.True(refused.Failed);
        Assert.Contains($"Api:HttpUrl {url} serves plain HTTP on an address other machines reach", refused.FailureMessage, StringComparison.Ordinal);

        Assert.True(new HttpEndpointValidator().Validate(null, new ApiOptions { HttpUrl = url, AllowPlaintext = true }).Succeeded);
    }

    [Theory]
    [InlineData("https://127.0.0.1:50052", "must be empty (off) or http://IP:port")]
    [InlineData("http://example.com:8081", "must be empty (off) or http://IP:port")]
    [InlineData("not a url", "must be empty (off) or http://IP:port")]
    [InlineData("http://127.0.0.1:50051", "must name another port than Api:Url (50051)")]
    public void Invalid_NamesTheOption(string url, string problem)
    {
        var result = new HttpEndpointValidator().Validate(null, new ApiOptions { HttpUrl = url });

        Assert.True(result.Failed);
        Assert.Contains($"Api:HttpUrl {problem}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHost_RefusesToStart_WithABadHttpUrl()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Api:Url"] = "http://127.0.0.1:0", ["Api:HttpUrl"] = "https://127.0.0.1:1" });
        builder.AddPinpointApi();

        // Kestrel reads the validated options when the host is built, so nothing ever listens on a bad endpoint.
        var e = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = builder.Build();
            await app.StartAsync();
        });

        Assert.Contains(e.Failures, f => f.StartsWith("Api:HttpUrl ", StringComparison.Ordinal));
    }
}
