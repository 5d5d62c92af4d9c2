using System.Text.Json.Nodes;
using Grpc.Core;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests;

/// <summary>The API on the PostgreSQL event store: the same exact answers, and a watch on its transaction-ordered feed.</summary>
[Collection(PostgresService.Name)]
public sealed class PostgresApiTests(PostgresServiceFixture service)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(1);
    private readonly EventService.EventServiceClient _events = new(service.Channel);
    private readonly ApplicationService.ApplicationServiceClient _apps = new(service.Channel);
    private readonly OrganizationService.OrganizationServiceClient _org = new(service.Channel);

    [Fact]
    public async Task Search_ListAndSummary_MatchTheTrail()
    {
        // The watch test adds events of a new application through the first account; the rest is the sample's.
        var oracle = TrailOracle.Read(service.SampleFolder).Events.Where(e => e.Event.Caller.Arn?.EndsWith(":user/api-test", StringComparison.Ordinal) != true).ToList();
        var newest = oracle.OrderByDescending(e => e.Time).ThenByDescending(e => e.Event.EventId, StringComparer.Ordinal).ThenByDescending(e => e.Target, StringComparer.Ordinal)
            .Select(e => e.Event.EventId).ToList();
        var found = new List<Event>();
        var request = new SearchEventsRequest { PageSize = 150, Filter = new EventFilter { Callers = { oracle.Select(e => e.Event.Caller.DisplayName).Distinct() } }, View = EventView.Full };
        do
        {
            var page = await _events.SearchEventsAsync(request);
            found.AddRange(page.Events);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(newest, found.Select(e => e.EventId));
        Assert.Equal(oracle.Count, await service.CountAsync("select count(*) from pinpoint_events where caller_arn is null or caller_arn not like '%:user/api-test'"));
        var expected = oracle.ToDictionary(e => (e.Target, e.Event.EventId));
        Assert.All(found, e =>
        {
            var raw = expected[(e.Application.Length > 0 ? $"{e.Account}/{e.Region}/{e.ApplicationId}" : e.Account, e.EventId)].Event.RequestParametersJson;
            Assert.True(raw is null ? e.RequestParametersJson.Length == 0 : JsonNode.DeepEquals(JsonNode.Parse(raw), JsonNode.Parse(e.RequestParametersJson)), e.EventId);
        });

        var apps = await _apps.ListApplicationsAsync(new ListApplicationsRequest { PageSize = 1000 });
        Assert.Equal(service.GroundTruth.Applications.Keys.Order(StringComparer.Ordinal), apps.Applications.Select(a => a.ApplicationId).Where(service.GroundTruth.Applications.ContainsKey).Order(StringComparer.Ordinal));
        Assert.All(apps.Applications.Where(a => service.GroundTruth.Applications.ContainsKey(a.ApplicationId)), a => Assert.Equal(service.GroundTruth.Applications[a.ApplicationId].Events, a.Events));
        var last = oracle.Select(e => e.Account).Max(StringComparer.Ordinal)!;
        var summary = await _org.GetOrganizationSummaryAsync(new GetOrganizationSummaryRequest { Accounts = { last } });
        Assert.Equal(oracle.Count(e => e.Account == last), summary.Events);
        Assert.Equal(oracle.Where(e => e.Account == last).GroupBy(e => e.Time.Date).OrderBy(g => g.Key).Select(g => (long)g.Count()), summary.EventsByDay.Select(d => d.Events));
    }

    [Fact]
    public async Task Watch_ThatDisconnectsAndResumes_MissesNothingAndSeesNothingTwice()
    {
        var accounts = await _org.ListAccountsAsync(new ListAccountsRequest());
        var prefix = TrailPrefixKey.Parse(accounts.Accounts[0].Prefixes[0].Location);
        const string app = "0a11ce000000000000000000000000a1";
        var received = new List<string>();
        IReadOnlyList<string> first;
        string cursor;
        using (var watch = _events.WatchEvents(new WatchEventsRequest { Filter = new EventFilter { Applications = { app } } }, deadline: DateTime.UtcNow + Deadline))
        {
            Assert.Null((await NextAsync(watch)).Event);
            first = await SampleFiles.AddAsync(service, prefix, app, IngestingServiceFixture.NextDelivery(), 4);
            var one = await NextEventAsync(watch);
            received.Add(one.Event.EventId);
            cursor = one.Cursor;
        }

        var second = await SampleFiles.AddAsync(service, prefix, app, IngestingServiceFixture.NextDelivery(), 2);
        using (var watch = _events.WatchEvents(new WatchEventsRequest { Filter = new EventFilter { Applications = { app } }, Cursor = cursor }, deadline: DateTime.UtcNow + Deadline))
        {
            Assert.Null((await NextAsync(watch)).Event);
            while (received.Count < first.Count + second.Count)
            {
                received.Add((await NextEventAsync(watch)).Event.EventId);
            }

            // Then only heartbeats: nothing is sent twice.
            Assert.Null((await NextAsync(watch)).Event);
        }

        Assert.Equal(first.Concat(second).Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
    }

    private static async Task<WatchEventsResponse> NextAsync(AsyncServerStreamingCall<WatchEventsResponse> call)
    {
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), "the watch ended");
        return call.ResponseStream.Current;
    }

    private static async Task<WatchEventsResponse> NextEventAsync(AsyncServerStreamingCall<WatchEventsResponse> call)
    {
        var message = await NextAsync(call);
        while (message.Event is null)
        {
            message = await NextAsync(call);
        }

        return message;
    }
}
