using Grpc.Core;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests;

/// <summary>An eventID forged by another member account never stands in for the real event in GetEvent.</summary>
[Collection(IngestingService.Name)]
public sealed class ForgedEventIdTests(IngestingServiceFixture service)
{
    [Fact]
    public async Task GetEvent_OfAnIdStoredTwice_IsFailedPreconditionNamingBothAccounts_WhileEachAccountSeesItsOwn()
    {
        // Regression: GetEvent answered with the first visible row, ordered by target: a forged read could replace the real change.
        var events = new EventService.EventServiceClient(service.Channel);
        var prefixes = await service.PrefixesAsync();
        var victim = prefixes[0];
        var attacker = prefixes.First(p => p.Account != victim.Account);
        var real = (await events.SearchEventsAsync(new SearchEventsRequest { Filter = new() { Accounts = { victim.Account }, Actions = { "CreateApp" } }, PageSize = 1 })).Events.Single();

        await SampleFiles.ForgeAsync(service, attacker, real.EventId, service.ApplicationOf(attacker), IngestingServiceFixture.NextDelivery());

        var e = await Errors.CallFails(() => events.GetEventAsync(new GetEventRequest { Name = real.Name }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Contains(victim.Account, e.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(attacker.Account, e.Status.Detail, StringComparison.Ordinal);

        var own = await events.GetEventAsync(new GetEventRequest { Name = real.Name }, TestCaller.ScopedViewer(victim.Account));
        Assert.Equal("CreateApp", own.EventName);
        Assert.Equal(victim.Account, own.Account);
        var forged = await events.GetEventAsync(new GetEventRequest { Name = real.Name }, TestCaller.ScopedViewer(attacker.Account));
        Assert.Equal("GetCampaign", forged.EventName);
    }
}
