using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests;

/// <summary>Keyset pages stay stable while ingestion adds events and applications between them: nothing skipped, nothing twice.</summary>
[Collection(IngestingService.Name)]
public sealed class IngestionPagingTests(IngestingServiceFixture service)
{
    private readonly EventService.EventServiceClient _events = new(service.Channel);
    private readonly ApplicationService.ApplicationServiceClient _apps = new(service.Channel);

    [Fact]
    public async Task SearchPages_WhileNewerEventsArrive_AreExactlyTheEventsOfTheFirstPage()
    {
        var prefix = (await service.PrefixesAsync())[0];
        var before = await ExportAsync();

        var newestFirst = new List<string>();
        var down = new SearchEventsRequest { PageSize = 40 };
        var oldestFirst = new List<string>();
        var up = new SearchEventsRequest { PageSize = 40, Order = EventOrder.OldestFirst };
        var added = new List<string>();
        do
        {
            var page = await _events.SearchEventsAsync(down);
            newestFirst.AddRange(page.Events.Select(e => e.EventId));
            down.PageToken = page.NextPageToken;
            if (up.PageToken.Length > 0 || oldestFirst.Count == 0)
            {
                var other = await _events.SearchEventsAsync(up);
                oldestFirst.AddRange(other.Events.Select(e => e.EventId));
                up.PageToken = other.NextPageToken;
            }

            // Newer than every event read so far: newest-first pages never reach them, oldest-first pages end with them.
            added.AddRange(await SampleFiles.AddAsync(service, prefix, service.ApplicationOf(prefix), IngestingServiceFixture.NextDelivery(), 2));
        }
        while (down.PageToken.Length > 0);

        while (up.PageToken.Length > 0)
        {
            var other = await _events.SearchEventsAsync(up);
            oldestFirst.AddRange(other.Events.Select(e => e.EventId));
            up.PageToken = other.NextPageToken;
        }

        Assert.Equal(Enumerable.Reverse(before), newestFirst);
        Assert.Equal(before.Concat(added), oldestFirst);
    }

    [Fact]
    public async Task ApplicationPages_WhileAnApplicationAppearsBehindThem_ListEachOtherApplicationOnce()
    {
        var prefixes = await service.PrefixesAsync();
        var request = new ListApplicationsRequest { PageSize = 3 };
        var before = (await _apps.ListApplicationsAsync(new ListApplicationsRequest { PageSize = 1000 })).Applications.Select(a => a.Name).ToList();
        var listed = new List<string>();
        var page = await _apps.ListApplicationsAsync(request);
        listed.AddRange(page.Applications.Select(a => a.Name));

        // Sorts before the first page's end (first account and region, an id of zeros): behind the position already read.
        var behind = "0000000000000000000000000000000a";
        await SampleFiles.AddAsync(service, prefixes[0], behind, IngestingServiceFixture.NextDelivery(), 1);
        for (request.PageToken = page.NextPageToken; request.PageToken.Length > 0; request.PageToken = page.NextPageToken)
        {
            page = await _apps.ListApplicationsAsync(request);
            listed.AddRange(page.Applications.Select(a => a.Name));
        }

        Assert.Equal(before, listed);
        Assert.Contains(
            $"accounts/{prefixes[0].Account}/regions/{prefixes[0].Region}/applications/{behind}",
            (await _apps.ListApplicationsAsync(new ListApplicationsRequest { PageSize = 1000 })).Applications.Select(a => a.Name));
    }

    [Fact]
    public async Task ListApplications_NameContains_FindsTheNamedApplication()
    {
        var prefix = (await service.PrefixesAsync())[^1];
        await SampleFiles.CreateAppAsync(service, prefix, "c0ffee00000000000000000000000001", "Governance Demo App", IngestingServiceFixture.NextDelivery());

        var found = await _apps.ListApplicationsAsync(new ListApplicationsRequest { NameContains = "DEMO app" });

        var app = Assert.Single(found.Applications);
        Assert.Equal(("c0ffee00000000000000000000000001", "Governance Demo App", false), (app.ApplicationId, app.DisplayName, app.Deleted));
        Assert.NotNull(app.Created);
        Assert.Empty((await _apps.ListApplicationsAsync(new ListApplicationsRequest { NameContains = "Demo App!" })).Applications);
    }

    private async Task<List<string>> ExportAsync()
    {
        // Not ExportEvents: this service's export limit is smaller than the sample.
        var all = new List<string>();
        var request = new SearchEventsRequest { Order = EventOrder.OldestFirst, PageSize = 1000 };
        do
        {
            var page = await _events.SearchEventsAsync(request);
            all.AddRange(page.Events.Select(e => e.EventId));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return all;
    }
}
