using PinpointAggregator.Api.V1;
using PinpointAggregator.Audit.Pinpoint;

namespace PinpointAggregator.Api.Tests;

[Collection(SharedService.Name)]
public sealed class HistoryTests(ServiceFixture service)
{
    private readonly ApplicationService.ApplicationServiceClient _client = new(service.Channel);

    public static TheoryData<ResourceKind, PinpointResource> Kinds => new()
    {
        { ResourceKind.Campaign, PinpointResource.Campaign },
        { ResourceKind.Segment, PinpointResource.Segment },
        { ResourceKind.ImportJob, PinpointResource.ImportJob },
        { ResourceKind.Channel, PinpointResource.Channel },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task History_OfTheBusiestResource_IsItsChangesNewestFirst(ResourceKind kind, PinpointResource resource)
    {
        var oracle = Oracles.Of(service);
        var events = oracle.Events.Where(e => e.ApplicationId is not null && e.Event.Target.Resource == resource).ToList();
        string? Id(ExpectedEvent e) => resource == PinpointResource.Channel ? e.Event.Target.Channel?.ToString() : e.Event.Target.ResourceId;
        var busiest = events.Where(e => Id(e) is not null).GroupBy(e => (e.Account, e.Region, e.ApplicationId, Id: Id(e)!))
            .OrderByDescending(g => g.Count(e => e.Event.IsWrite)).First();
        var (account, region, app, id) = busiest.Key;

        var changes = await AllAsync(new ListResourceHistoryRequest { Application = $"accounts/{account}/regions/{region}/applications/{app}", Kind = kind, ResourceId = id, PageSize = 2 });
        var all = await AllAsync(new ListResourceHistoryRequest { Application = $"accounts/{account}/regions/{region}/applications/{app}", Kind = kind, ResourceId = id, IncludeReads = true, Order = EventOrder.OldestFirst });

        Assert.Equal(Newest(busiest.Where(e => e.Event.IsWrite)), changes.Select(e => e.EventId));
        Assert.Equal(Newest(busiest).Reverse(), all.Select(e => e.EventId));
        Assert.NotEmpty(changes);
        Assert.All(changes, e => Assert.Equal(resource.ToString(), e.ResourceKind));
    }

    [Theory]
    [InlineData(ResourceKind.Application, PinpointResource.Application)]
    [InlineData(ResourceKind.Settings, PinpointResource.ApplicationSettings)]
    [InlineData(ResourceKind.EventStream, PinpointResource.EventStream)]
    public async Task History_OfAnApplicationLevelResource_IsItsEvents(ResourceKind kind, PinpointResource resource)
    {
        var oracle = Oracles.Of(service);
        var busiest = oracle.Events.Where(e => e.ApplicationId is not null && e.Event.Target.Resource == resource)
            .GroupBy(e => (e.Account, e.Region, e.ApplicationId)).OrderByDescending(g => g.Count()).First();
        var (account, region, app) = busiest.Key;

        var all = await AllAsync(new ListResourceHistoryRequest { Application = $"accounts/{account}/regions/{region}/applications/{app}", Kind = kind, IncludeReads = true });

        Assert.Equal(Newest(busiest), all.Select(e => e.EventId));
    }

    private static IEnumerable<string> Newest(IEnumerable<ExpectedEvent> events) =>
        events.OrderByDescending(e => e.Time).ThenByDescending(e => e.Event.EventId, StringComparer.Ordinal).Select(e => e.Event.EventId);

    private async Task<List<Event>> AllAsync(ListResourceHistoryRequest request)
    {
        var all = new List<Event>();
        do
        {
            var page = await _client.ListResourceHistoryAsync(request);
            all.AddRange(page.Events);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return all;
    }
}
