using System.Text.Json.Nodes;
using Google.Protobuf;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Commands;

namespace PinpointAggregator.Cli.Tests.Service;

/// <summary><c>notifications</c> against the running embedded default, which configures no queue: every prefix polls.</summary>
[Collection(SharedService.Name)]
public sealed class NotificationCommandsTests(ServiceFixture service)
{
    [Fact]
    public async Task Notifications_WithoutQueues_CountsEveryPrefixOfStatusAsPolling_AndExitsZero()
    {
        var json = await service.RunAsync("notifications", "--output", "json");
        var table = await service.RunAsync("notifications");
        var status = await service.RunAsync("status", "--output", "csv");

        var prefixes = status.Lines.Length - 1;
        Assert.True(prefixes > 0, status.ToString());
        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (json.ExitCode, table.ExitCode));
        var document = JsonNode.Parse(json.Out)!;
        Assert.Empty(document["queues"]!.AsArray());
        Assert.Empty(document["fallback"]!.AsArray());
        var totals = JsonParser.Default.Parse<NotificationSummary>(document["prefixes"]!.ToJsonString());
        Assert.Equal((prefixes, prefixes, 0, 0, 0L), (totals.Prefixes, totals.PrefixesPolling, totals.PrefixesNotified, totals.PrefixesFallback, totals.FilesNotified));
        Assert.Equal($"prefixes               {prefixes}", table.Lines[0]);
        Assert.Equal("notifications: no notification queue is configured (Ingestion:Notifications:Queues): every prefix polls\n", table.Error);
    }
}
