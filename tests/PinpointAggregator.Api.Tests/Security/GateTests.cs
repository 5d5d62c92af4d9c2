using Grpc.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PinpointAggregator.ApiKeys;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests.Security;

/// <summary>
/// The gate on calls the secured service's data does not cover: a server stream is refused before its first
/// message, <c>Api:Auth:Mode=None</c> lets everyone in as an operator, and Kestrel gets the keepalive settings.
/// </summary>
public sealed class GateTests
{
    private static readonly ApiKey Viewer = ApiKey.Generate("viewer");

    [Fact]
    public async Task ServerStream_WithoutAToken_IsRefusedBeforeAnyMessage_WithAKey_Streams()
    {
        await using var host = await ApiOnlyHost.StartAsync(new Dictionary<string, string?>
        {
            ["Api:Auth:ApiKeys:0:Id"] = Viewer.Id,
            ["Api:Auth:ApiKeys:0:Hash"] = ApiKeyHash.Create(Viewer.Secret).ToString(),
            ["Api:Auth:ApiKeys:0:Role"] = "viewer",
        });
        using var channel = host.Channel();
        var events = new EventService.EventServiceClient(channel);

        using var refused = events.ExportEvents(new ExportEventsRequest());
        var e = await Errors.CallFails(() => refused.ResponseStream.MoveNext(CancellationToken.None));
        using var served = events.ExportEvents(new ExportEventsRequest(), new Metadata { { "authorization", $"Bearer {Viewer.Format()}" } });
        var names = new List<string>();
        await foreach (var item in served.ResponseStream.ReadAllAsync())
        {
            names.Add(item.Name);
        }

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Equal(["events/one", "events/two"], names);
    }

    [Fact]
    public async Task ModeNone_EveryCallerIsAnOperator_WithoutAToken()
    {
        await using var host = await ApiOnlyHost.StartAsync(new Dictionary<string, string?> { ["Api:Auth:Mode"] = "None" });
        using var channel = host.Channel();

        var answer = await new OperationsService.OperationsServiceClient(channel).ListOperationsAsync(new ListOperationsRequest());

        Assert.NotNull(answer);
    }

    [Fact]
    public async Task KeepAlive_ReachesKestrel()
    {
        await using var configured = await ApiOnlyHost.StartAsync(new Dictionary<string, string?>
        {
            ["Api:Auth:Mode"] = "None",
            ["Api:KeepAlive:PingInterval"] = "00:00:45",
            ["Api:KeepAlive:PingTimeout"] = "00:00:07",
        });
        await using var defaults = await ApiOnlyHost.StartAsync(new Dictionary<string, string?> { ["Api:Auth:Mode"] = "None" });

        var limits = configured.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.Http2;
        var defaultLimits = defaults.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.Http2;

        Assert.Equal((TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(7)), (limits.KeepAlivePingDelay, limits.KeepAlivePingTimeout));
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20)), (defaultLimits.KeepAlivePingDelay, defaultLimits.KeepAlivePingTimeout));
    }
}
