using Grpc.Core;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests;

/// <summary>Each watch polls the event store, so one caller cannot hold more than <c>Api:MaxWatchesPerCaller</c> (16) open on a silo.</summary>
[Collection(IngestingService.Name)]
public sealed class WatchLimitTests(IngestingServiceFixture service)
{
    private const int PerCaller = 16;

    [Fact]
    public async Task OneWatchPastTheCallersLimit_IsResourceExhausted_AndAnEndedWatchFreesItsPlace()
    {
        // Regression: one viewer token held 300 watches, each reading the store four times a second.
        var client = new EventService.EventServiceClient(service.Channel);
        using var stop = new CancellationTokenSource();
        var open = new List<AsyncServerStreamingCall<WatchEventsResponse>>();
        try
        {
            for (var i = 0; i < PerCaller; i++)
            {
                open.Add(await OpenAsync(client, stop.Token));
            }

            var refused = client.WatchEvents(new WatchEventsRequest(), cancellationToken: stop.Token);
            var e = await Assert.ThrowsAsync<RpcException>(() => refused.ResponseStream.MoveNext(stop.Token));
            refused.Dispose();
            Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
            Assert.Contains("Api:MaxWatchesPerCaller", e.Status.Detail, StringComparison.Ordinal);

            open[0].Dispose();
            open.RemoveAt(0);
            // The server frees the place once it sees the call end; until then the limit still holds.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                try
                {
                    open.Add(await OpenAsync(client, stop.Token));
                    break;
                }
                catch (RpcException again) when (again.StatusCode == StatusCode.ResourceExhausted && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50);
                }
            }
        }
        finally
        {
            stop.Cancel();
            open.ForEach(w => w.Dispose());
        }
    }

    /// <summary>A watch the server has admitted: it sent the opening heartbeat.</summary>
    private static async Task<AsyncServerStreamingCall<WatchEventsResponse>> OpenAsync(EventService.EventServiceClient client, CancellationToken cancellationToken)
    {
        var call = client.WatchEvents(new WatchEventsRequest(), cancellationToken: cancellationToken);
        try
        {
            Assert.True(await call.ResponseStream.MoveNext(cancellationToken), "the watch ended before its opening heartbeat");
            return call;
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }
}
