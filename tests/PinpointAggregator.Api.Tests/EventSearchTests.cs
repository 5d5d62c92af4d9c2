using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests;

[Collection(SharedService.Name)]
public sealed class EventSearchTests(ServiceFixture service)
{
    private readonly EventService.EventServiceClient _client = new(service.Channel);

    [Fact]
    public async Task Search_PerAction_CountsWhatTheGroundTruthCounts()
    {
        var truth = service.GroundTruth;
        var byAction = truth.Applications.Values.SelectMany(a => a.ByEventName).Concat(truth.NoApplicationId.ByEventName)
            .GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal);
        Assert.True(byAction.Count > 5);

        foreach (var (action, count) in byAction)
        {
            var found = await SearchAllAsync(new SearchEventsRequest { Filter = new EventFilter { Actions = { action } }, PageSize = 1000 });
            Assert.True(count == found.Count, $"{action}: {count} in the ground truth, {found.Count} found");
            Assert.All(found, e => Assert.Equal(action, e.EventName));
        }
    }

    [Fact]
    public async Task Search_PagesThroughEveryEvent_NewestFirstAndOldestFirst()
    {
        var oracle = Oracles.Of(service);
        var newest = oracle.Events.OrderByDescending(e => e.Time).ThenByDescending(e => e.Event.EventId, StringComparer.Ordinal).ThenByDescending(e => e.Target, StringComparer.Ordinal)
            .Select(e => e.Event.EventId).ToList();

        var down = await SearchAllAsync(new SearchEventsRequest { PageSize = 97 });
        var up = await SearchAllAsync(new SearchEventsRequest { PageSize = 101, Order = EventOrder.OldestFirst });

        Assert.Equal(newest, down.Select(e => e.EventId));
        Assert.Equal(Enumerable.Reverse(newest), up.Select(e => e.EventId));
        Assert.All(down, e => Assert.Empty(e.RequestParametersJson));
    }

    [Fact]
    public async Task Search_EachFilter_MatchesTheTrail()
    {
        var events = Oracles.Of(service).Events;
        var sample = events.Where(e => e.ApplicationId is not null && e.Event.ErrorCode is not null).OrderBy(e => e.Event.EventId, StringComparer.Ordinal).First();
        var times = events.Select(e => e.Time).Order().ToList();
        var (from, until) = (times[times.Count / 4], times[times.Count / 2]);

        await Expect(new EventFilter { Accounts = { sample.Account } }, e => e.Account == sample.Account);
        await Expect(new EventFilter { Regions = { sample.Region } }, e => e.Region == sample.Region);
        await Expect(new EventFilter { Applications = { sample.ApplicationId! } }, e => e.ApplicationId == sample.ApplicationId);
        await Expect(new EventFilter { Callers = { sample.Event.Caller.DisplayName } }, e => e.Event.Caller.DisplayName == sample.Event.Caller.DisplayName);
        await Expect(new EventFilter { ErrorsOnly = true }, e => e.Event.ErrorCode is not null);
        await Expect(new EventFilter { ErrorCodes = { sample.Event.ErrorCode! } }, e => e.Event.ErrorCode == sample.Event.ErrorCode);
        await Expect(new EventFilter { SourceIps = { sample.Event.SourceIpAddress! } }, e => e.Event.SourceIpAddress == sample.Event.SourceIpAddress);
        await Expect(new EventFilter { ReadOnly = true }, e => e.Event.ReadOnly == true);
        await Expect(new EventFilter { ReadOnly = false }, e => e.Event.ReadOnly == false);
        await Expect(new EventFilter { StartTime = Timestamp.FromDateTime(from), EndTime = Timestamp.FromDateTime(until) }, e => e.Time >= from && e.Time < until);
        await Expect(
            new EventFilter { Accounts = { sample.Account }, Actions = { sample.Event.EventName, "GetApps" }, ErrorsOnly = true },
            e => e.Account == sample.Account && e.Event.EventName is var n && (n == sample.Event.EventName || n == "GetApps") && e.Event.ErrorCode is not null);
    }

    [Fact]
    public async Task Search_Text_MatchesTheRawRequestWithinItsTimeRange()
    {
        var events = Oracles.Of(service).Events;
        var sample = events.First(e => e.Event.Target.ResourceId is { Length: >= 8 } && e.Event.RequestParametersJson is not null && e.Event.RequestParametersJson.Contains(e.Event.Target.ResourceId, StringComparison.Ordinal));
        var text = sample.Event.Target.ResourceId![..8].ToUpperInvariant();
        var (from, until) = (events.Min(e => e.Time), events.Max(e => e.Time).AddSeconds(1));

        await Expect(
            new EventFilter { Text = text, StartTime = Timestamp.FromDateTime(from), EndTime = Timestamp.FromDateTime(until) },
            e => e.Event.RequestParametersJson?.Contains(text, StringComparison.OrdinalIgnoreCase) == true);
    }

    [Fact]
    public async Task Search_FullView_CarriesTheRawJson()
    {
        var oracle = Oracles.Of(service).Events.ToDictionary(e => (e.Target, e.Event.EventId));
        var page = await _client.SearchEventsAsync(new SearchEventsRequest { PageSize = 50, View = EventView.Full });

        Assert.Equal(50, page.Events.Count);
        Assert.All(page.Events, e =>
        {
            var expected = oracle[(e.Application.Length > 0 ? $"{e.Account}/{e.Region}/{e.ApplicationId}" : e.Account, e.EventId)].Event;
            Assert.Equal(expected.RequestParametersJson ?? string.Empty, e.RequestParametersJson);
            Assert.Equal(expected.ResponseElementsJson ?? string.Empty, e.ResponseElementsJson);
        });
    }

    [Fact]
    public async Task GetEvent_ReturnsTheEventWithItsRawJson()
    {
        var events = Oracles.Of(service).Events.Where(e => e.Event.RequestParametersJson is not null).OrderBy(e => e.Event.EventId, StringComparer.Ordinal).Take(20).ToList();
        foreach (var expected in events)
        {
            var e = await _client.GetEventAsync(new GetEventRequest { Name = $"events/{expected.Event.EventId}" });
            Assert.Equal($"events/{expected.Event.EventId}", e.Name);
            Assert.Equal(expected.Event.RequestParametersJson, e.RequestParametersJson);
            Assert.Equal(expected.Event.ResponseElementsJson ?? string.Empty, e.ResponseElementsJson);
            Assert.Equal((expected.Account, expected.Region, expected.ApplicationId ?? string.Empty), (e.Account, e.Region, e.ApplicationId));
            Assert.Equal((expected.Event.EventName, expected.Event.Caller.DisplayName, expected.Event.Caller.Arn ?? string.Empty), (e.EventName, e.Caller.Display, e.Caller.Arn));
            Assert.Equal(expected.Time, e.EventTime.ToDateTime());
            Assert.Equal(expected.Event.IsAddendum, e.IsAddendum);
            Assert.Contains(e.SourceKey, expected.Files);
        }
    }

    [Fact]
    public async Task GetEvent_Unknown_IsNotFound()
    {
        var e = await Errors.CallFails(() => _client.GetEventAsync(new GetEventRequest { Name = "events/00000000-0000-0000-0000-000000000000" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
    }

    [Fact]
    public async Task Export_StreamsTheWholeResultInOrder()
    {
        var oracle = Oracles.Of(service).Events;
        using var all = _client.ExportEvents(new ExportEventsRequest { Order = EventOrder.OldestFirst });
        var exported = await all.ResponseStream.ReadAllAsync().ToListAsync();
        using var errors = _client.ExportEvents(new ExportEventsRequest { Filter = new EventFilter { ErrorsOnly = true }, View = EventView.Full });
        var failed = await errors.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(
            oracle.OrderBy(e => e.Time).ThenBy(e => e.Event.EventId, StringComparer.Ordinal).ThenBy(e => e.Target, StringComparer.Ordinal).Select(e => e.Event.EventId),
            exported.Select(e => e.EventId));
        Assert.Equal(
            oracle.Where(e => e.Event.ErrorCode is not null).OrderByDescending(e => e.Time).ThenByDescending(e => e.Event.EventId, StringComparer.Ordinal).ThenByDescending(e => e.Target, StringComparer.Ordinal).Select(e => e.Event.EventId),
            failed.Select(e => e.EventId));
        Assert.Contains(failed, e => e.RequestParametersJson.Length > 0);
    }

    private async Task Expect(EventFilter filter, Func<ExpectedEvent, bool> predicate)
    {
        var expected = Oracles.Of(service).Events.Where(predicate).Select(e => (e.Target, e.Event.EventId)).Order().ToList();
        var found = await SearchAllAsync(new SearchEventsRequest { Filter = filter, PageSize = 1000 });
        Assert.NotEmpty(expected);
        Assert.Equal(expected, found.Select(e => (e.Application.Length > 0 ? $"{e.Account}/{e.Region}/{e.ApplicationId}" : e.Account, e.EventId)).Order().ToList());
    }

    private async Task<List<Event>> SearchAllAsync(SearchEventsRequest request)
    {
        var all = new List<Event>();
        do
        {
            var page = await _client.SearchEventsAsync(request);
            all.AddRange(page.Events);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return all;
    }
}
