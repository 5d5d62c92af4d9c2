using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using PinpointAggregator.Api.Queries;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests;

/// <summary>The live watch: new events as they are stored, resumable from any cursor it sent.</summary>
[Collection(IngestingService.Name)]
public sealed class WatchTests(IngestingServiceFixture service)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(1);
    private readonly EventService.EventServiceClient _client = new(service.Channel);

    [Fact]
    public async Task Watch_ThatDisconnectsAndResumes_MissesNothingAndSeesNothingTwice()
    {
        var prefix = (await service.PrefixesAsync())[0];
        var app = service.ApplicationOf(prefix);
        var filter = new EventFilter { Accounts = { prefix.Account } };
        var received = new List<string>();
        string cursor;
        IReadOnlyList<string> batch1;
        using (var first = _client.WatchEvents(new WatchEventsRequest { Filter = filter }, deadline: DateTime.UtcNow + Deadline))
        {
            var start = await NextAsync(first);
            Assert.Null(start.Event);
            Assert.NotEmpty(start.Cursor);

            batch1 = await SampleFiles.AddAsync(service, prefix, app, IngestingServiceFixture.NextDelivery(), 5);
            var one = await NextEventAsync(first);
            var two = await NextEventAsync(first);
            received.AddRange([one.Event.EventId, two.Event.EventId]);
            cursor = two.Cursor;
            Assert.True(received.ToHashSet().IsSubsetOf(batch1), "the first events received should be of the first file");
        }

        var batch2 = await SampleFiles.AddAsync(service, prefix, app, IngestingServiceFixture.NextDelivery(), 3);
        using (var second = _client.WatchEvents(new WatchEventsRequest { Filter = filter, Cursor = cursor }, deadline: DateTime.UtcNow + Deadline))
        {
            var resumed = await NextAsync(second);
            Assert.Null(resumed.Event);
            for (var message = await NextAsync(second); message.Event is not null; message = await NextAsync(second))
            {
                received.Add(message.Event.EventId);
            }
        }

        // Every event of both files exactly once: none missed across the disconnect, none sent again.
        Assert.Equal(batch1.Concat(batch2).Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Watch_SendsOnlyMatchingEvents_WithTheirFields()
    {
        var prefix = (await service.PrefixesAsync())[1];
        var (wanted, other) = (service.ApplicationOf(prefix, 0), service.ApplicationOf(prefix, 1));
        using var watch = _client.WatchEvents(new WatchEventsRequest { Filter = new EventFilter { Applications = { wanted } }, View = EventView.Full }, deadline: DateTime.UtcNow + Deadline);
        await NextAsync(watch);

        await SampleFiles.AddAsync(service, prefix, other, IngestingServiceFixture.NextDelivery(), 4);
        var ids = await SampleFiles.AddAsync(service, prefix, wanted, IngestingServiceFixture.NextDelivery(), 2);
        var received = new[] { await NextEventAsync(watch), await NextEventAsync(watch) };

        Assert.Equal(ids.Order(StringComparer.Ordinal), received.Select(r => r.Event.EventId).Order(StringComparer.Ordinal));
        Assert.All(received, r =>
        {
            Assert.Equal(wanted, r.Event.ApplicationId);
            Assert.Equal("GetCampaign", r.Event.EventName);
            Assert.Contains("watchtest", r.Event.RequestParametersJson, StringComparison.Ordinal);
            Assert.Equal("arn:aws:iam::" + prefix.Account + ":user/api-test", r.Event.Caller.Display);
        });
    }

    [Fact]
    public async Task Watch_WhenIdle_SendsHeartbeatsWithAResumableCursor()
    {
        using var watch = _client.WatchEvents(new WatchEventsRequest { Filter = new EventFilter { Actions = { "DeleteApp" } } }, deadline: DateTime.UtcNow + Deadline);
        var messages = new[] { await NextAsync(watch), await NextAsync(watch), await NextAsync(watch) };

        Assert.All(messages, m => Assert.Null(m.Event));
        Assert.All(messages, m => Assert.NotEmpty(m.Cursor));
        using var resumed = _client.WatchEvents(new WatchEventsRequest { Cursor = messages[^1].Cursor }, deadline: DateTime.UtcNow + Deadline);
        Assert.Null((await NextAsync(resumed)).Event);
    }

    [Fact]
    public async Task Watch_ForAScopedCaller_SeesOnlyItsAccount()
    {
        var prefixes = await service.PrefixesAsync();
        var (mine, theirs) = (prefixes[0], prefixes.First(p => p.Account != prefixes[0].Account));
        using var watch = _client.WatchEvents(new WatchEventsRequest(), TestCaller.ScopedViewer(mine.Account), DateTime.UtcNow + Deadline);
        await NextAsync(watch);

        await SampleFiles.AddAsync(service, theirs, service.ApplicationOf(theirs), IngestingServiceFixture.NextDelivery(), 3);
        var ids = await SampleFiles.AddAsync(service, mine, service.ApplicationOf(mine), IngestingServiceFixture.NextDelivery(), 1);
        var received = await NextEventAsync(watch);

        Assert.Equal(ids[0], received.Event.EventId);
        Assert.Equal(mine.Account, received.Event.Account);
    }

    [Fact]
    public async Task Watch_Cancelled_StopsOnTheServer()
    {
        var watches = service.Services.GetRequiredService<EventWatch>();
        using var cancel = new CancellationTokenSource();
        using var watch = _client.WatchEvents(new WatchEventsRequest(), cancellationToken: cancel.Token);
        await NextAsync(watch);
        Assert.True(watches.Running > 0);

        await cancel.CancelAsync();

        var e = await Errors.CallFails(() => watch.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Cancelled, e.StatusCode);
        await Eventually.TrueAsync(() => watches.Running == 0, "the watch should stop on the server once its client cancelled");
    }

    [Fact]
    public async Task Watch_PastItsDeadline_EndsOnBothSides()
    {
        var watches = service.Services.GetRequiredService<EventWatch>();
        using var watch = _client.WatchEvents(new WatchEventsRequest(), deadline: DateTime.UtcNow.AddSeconds(3));
        await NextAsync(watch);

        var e = await Errors.CallFails(async () =>
        {
            while (await watch.ResponseStream.MoveNext(CancellationToken.None))
            {
                Assert.Null(watch.ResponseStream.Current.Event);
            }
        });
        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        await Eventually.TrueAsync(() => watches.Running == 0, "the watch should stop on the server at its deadline");
    }

    private static async Task<WatchEventsResponse> NextAsync(AsyncServerStreamingCall<WatchEventsResponse> call)
    {
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), "the watch ended");
        return call.ResponseStream.Current;
    }

    /// <summary>The next event, past heartbeats.</summary>
    private static async Task<WatchEventsResponse> NextEventAsync(AsyncServerStreamingCall<WatchEventsResponse> call)
    {
        var message = await NextAsync(call);
        while (message.Event is null)
        {
            message = await NextAsync(call);
        }

        Assert.NotEmpty(message.Cursor);
        return message;
    }
}
