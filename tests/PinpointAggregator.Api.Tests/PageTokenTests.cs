using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PinpointAggregator.Api.Paging;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests;

/// <summary>Page tokens are opaque and tamper-evident: accepted only with the request that produced them.</summary>
[Collection(SharedService.Name)]
public sealed class PageTokenTests(ServiceFixture service)
{
    private readonly EventService.EventServiceClient _events = new(service.Channel);
    private readonly ApplicationService.ApplicationServiceClient _apps = new(service.Channel);

    [Fact]
    public async Task Token_WithTheSameRequest_ContinuesAndAnotherPageSizeIsAllowed()
    {
        var first = await _events.SearchEventsAsync(new SearchEventsRequest { Filter = new EventFilter { ErrorsOnly = true }, PageSize = 3 });
        var second = await _events.SearchEventsAsync(new SearchEventsRequest { Filter = new EventFilter { ErrorsOnly = true }, PageSize = 5, PageToken = first.NextPageToken });
        var both = await _events.SearchEventsAsync(new SearchEventsRequest { Filter = new EventFilter { ErrorsOnly = true }, PageSize = 8 });

        Assert.Equal(both.Events.Select(e => e.EventId), first.Events.Concat(second.Events).Select(e => e.EventId));
    }

    [Fact]
    public async Task Token_ReusedWithOtherFilters_IsRefused()
    {
        var first = await _events.SearchEventsAsync(new SearchEventsRequest { Filter = new EventFilter { ErrorsOnly = true }, PageSize = 3 });
        Assert.NotEmpty(first.NextPageToken);

        await Refused(() => _events.SearchEventsAsync(new SearchEventsRequest { Filter = new EventFilter { ErrorsOnly = false }, PageSize = 3, PageToken = first.NextPageToken }).ResponseAsync);
        await Refused(() => _events.SearchEventsAsync(new SearchEventsRequest { Filter = new EventFilter { ErrorsOnly = true, Actions = { "GetApps" } }, PageSize = 3, PageToken = first.NextPageToken }).ResponseAsync);
        await Refused(() => _events.SearchEventsAsync(new SearchEventsRequest { Filter = new EventFilter { ErrorsOnly = true }, Order = EventOrder.OldestFirst, PageSize = 3, PageToken = first.NextPageToken }).ResponseAsync);
        await Refused(() => _events.SearchEventsAsync(new SearchEventsRequest { Filter = new EventFilter { ErrorsOnly = true }, View = EventView.Full, PageSize = 3, PageToken = first.NextPageToken }).ResponseAsync);
    }

    [Fact]
    public async Task Token_OfAnotherRequestShape_IsRefused()
    {
        var apps = await _apps.ListApplicationsAsync(new ListApplicationsRequest { PageSize = 1 });
        var events = await _events.SearchEventsAsync(new SearchEventsRequest { PageSize = 1 });

        await Refused(() => _events.SearchEventsAsync(new SearchEventsRequest { PageSize = 1, PageToken = apps.NextPageToken }).ResponseAsync);
        await Refused(() => _apps.ListApplicationsAsync(new ListApplicationsRequest { PageSize = 1, PageToken = events.NextPageToken }).ResponseAsync);
        await Refused(() => _apps.ListResourceHistoryAsync(new ListResourceHistoryRequest
        {
            Application = $"accounts/{apps.Applications[0].Account}/regions/{apps.Applications[0].Region}/applications/{apps.Applications[0].ApplicationId}",
            Kind = ResourceKind.Settings,
            PageToken = events.NextPageToken,
        }).ResponseAsync);
    }

    [Fact]
    public async Task Token_Forged_IsRefused()
    {
        var page = await _events.SearchEventsAsync(new SearchEventsRequest { PageSize = 2 });
        var bytes = Convert.FromBase64String(page.NextPageToken.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (page.NextPageToken.Length % 4)) % 4));

        foreach (var at in new[] { 0, 3, bytes.Length / 2, bytes.Length - 1 })
        {
            var tampered = (byte[])bytes.Clone();
            tampered[at] ^= 0x01;
            await Refused(() => _events.SearchEventsAsync(new SearchEventsRequest { PageSize = 2, PageToken = System.Buffers.Text.Base64Url.EncodeToString(tampered) }).ResponseAsync);
        }

        await Refused(() => _events.SearchEventsAsync(new SearchEventsRequest { PageSize = 2, PageToken = page.NextPageToken[..^4] }).ResponseAsync);
        await Refused(() => _events.SearchEventsAsync(new SearchEventsRequest { PageSize = 2, PageToken = page.NextPageToken + "AAAA" }).ResponseAsync);
        await Refused(() => _events.SearchEventsAsync(new SearchEventsRequest { PageSize = 2, PageToken = new string('A', 5000) }).ResponseAsync);
    }

    [Fact]
    public async Task Token_OlderThanItsLifetime_IsRefused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var tokens = new SignedTokens(service.Services.GetRequiredService<PageTokenKeys>(), Options.Create(new ApiOptions { PageTokenLifetime = TimeSpan.FromHours(1) }), clock);
        var token = await tokens.SignAsync(new byte[] { 1, 2 }, new byte[] { 3, 4, 5 });

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(new byte[] { 3, 4, 5 }, (await tokens.VerifyAsync(token, new byte[] { 1, 2 }, expires: true)).Position);
        Assert.NotNull((await tokens.VerifyAsync(token, new byte[] { 1, 3 }, expires: true)).Problem);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Contains("expired", (await tokens.VerifyAsync(token, new byte[] { 1, 2 }, expires: true)).Problem, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 3, 4, 5 }, (await tokens.VerifyAsync(token, new byte[] { 1, 2 }, expires: false)).Position);
    }

    [Fact]
    public async Task Token_IsTheSameKeysAfterTheCacheIsDropped()
    {
        // The key lives in a grain: a silo that asks again (or another silo) gets the same one.
        var keys = new PageTokenKeys(service.Services.GetRequiredService<IGrainFactory>());
        Assert.Equal(await service.Services.GetRequiredService<PageTokenKeys>().GetAsync(), await keys.GetAsync());
        Assert.Equal(32, (await keys.GetAsync()).Length);
        var page = await _events.SearchEventsAsync(new SearchEventsRequest { PageSize = 1, Filter = new EventFilter { StartTime = Timestamp.FromDateTime(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)) } });
        Assert.NotEmpty(page.NextPageToken);
    }

    private static async Task Refused(Func<Task> call)
    {
        var e = await Errors.CallFails(call);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal(["page_token"], e.BadFields());
    }
}
