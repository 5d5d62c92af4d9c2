using Google.Protobuf;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Commands;

namespace PinpointAggregator.Cli.Tests.Service;

/// <summary><c>events search|get|export</c> and <c>history</c> against the running embedded default.</summary>
[Collection(SharedService.Name)]
public sealed class EventCommandsTests(ServiceFixture service)
{
    [Fact]
    public async Task SearchAll_OfOneApplicationAndAction_FindsTheGroundTruthsCount()
    {
        var (id, truth) = service.GroundTruth.Applications.OrderByDescending(a => a.Value.Events).First();
        var (action, count) = truth.ByEventName.OrderByDescending(a => a.Value).First();

        var result = await service.RunAsync("events", "search", "--app", id, "--action", action, "--all", "--page-size", "3", "--order", "oldest", "--output", "json");

        var events = JsonParser.Default.Parse<SearchEventsResponse>(result.Out).Events;
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(count, events.Count);
        Assert.All(events, e => Assert.Equal((id, action, truth.Account, truth.Region), (e.ApplicationId, e.EventName, e.Account, e.Region)));
        Assert.Equal(events.OrderBy(e => e.EventTime).ThenBy(e => e.EventId, StringComparer.Ordinal), events);
    }

    [Fact]
    public async Task Search_PagesThroughWithTheTokenItPrints()
    {
        var first = await service.RunAsync("events", "search", "--limit", "3", "--output", "csv");
        var token = first.Error.Split("--page-token ")[1].Split(' ')[0];
        var second = await service.RunAsync("events", "search", "--limit", "3", "--page-token", token, "--output", "csv");
        var both = await service.RunAsync("events", "search", "--limit", "6", "--page-size", "3", "--output", "csv");

        Assert.Equal(4, first.Lines.Length);
        Assert.Equal<string>(both.Lines, [.. first.Lines, .. second.Lines.Skip(1)]);
    }

    [Fact]
    public async Task SearchErrorsOnly_FindsEveryFailedCall()
    {
        var result = await service.RunAsync("events", "search", "--errors-only", "--all", "--output", "json");

        var events = JsonParser.Default.Parse<SearchEventsResponse>(result.Out).Events;
        var truth = service.GroundTruth.Applications.Values.Sum(a => a.Errors);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.All(events, e => Assert.NotEmpty(e.ErrorCode));
        Assert.Equal(truth, events.Count(e => e.ApplicationId.Length > 0));
    }

    [Fact]
    public async Task Search_BadFilter_PrintsEveryBadField()
    {
        var result = await service.RunAsync("events", "search", "--account", "123", "--from", "2024-06-02", "--to", "2024-06-01");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith("events search: the service refused the request (INVALID_ARGUMENT):\n  filter.accounts", result.Error, StringComparison.Ordinal);
        Assert.Contains("\n  filter.end_time: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PrintsTheEventWithItsRawJson_AsTableAndJson()
    {
        var found = JsonParser.Default.Parse<SearchEventsResponse>((await service.RunAsync("events", "search", "--limit", "1", "--writes-only", "--output", "json")).Out).Events.Single();

        var json = await service.RunAsync("events", "get", found.EventId, "--output", "json");
        var table = await service.RunAsync("events", "get", "events/" + found.EventId);
        var missing = await service.RunAsync("events", "get", "00000000-0000-0000-0000-000000000000");

        var full = JsonParser.Default.Parse<Event>(json.Out);
        Assert.Equal(found.EventId, full.EventId);
        Assert.NotEmpty(full.RequestParametersJson);
        Assert.Equal($"event id           {found.EventId}", table.Lines[0]);
        Assert.Contains("\nrequest parameters:\n" + full.RequestParametersJson + "\n", table.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
    }

    [Fact]
    public async Task Export_StreamsEveryEventOfTheFilter_AsJsonLinesAndCsv()
    {
        var (id, truth) = service.GroundTruth.Applications.First();

        var jsonLines = await service.RunAsync("events", "export", "--app", id);
        var csv = await service.RunAsync("events", "export", "--app", id, "--output", "csv", "--full");

        var events = jsonLines.Lines.Select(JsonParser.Default.Parse<Event>).ToList();
        Assert.Equal(ExitCodes.Success, jsonLines.ExitCode);
        Assert.Equal(truth.Events, events.Count);
        Assert.Equal(truth.ByEventName, events.GroupBy(e => e.EventName, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, (long)g.Count())));
        Assert.StartsWith("time,account,region,application_id,event_name,caller,error_code,event_id,", csv.Lines[0], StringComparison.Ordinal);
        Assert.Equal(truth.Events, csv.Out.Split("\n" + truth.FirstEventTime![..4]).Length - 1);
    }

    [Fact]
    public async Task History_OfADeletedApplication_EndsWithItsDeleteApp()
    {
        var (id, truth) = service.GroundTruth.Applications.First(a => a.Value.Deleted);

        var result = await service.RunAsync("history", id, "--kind", "application", "--output", "csv");
        var needsId = await service.RunAsync("history", id, "--kind", "campaign");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var newest = result.Lines[1].Split(',');
        Assert.Equal((truth.DeletedAt, "DeleteApp"), (newest[0], newest[4]));
        Assert.Equal((ExitCodes.UsageError, "history: --kind campaign needs --id\n"), (needsId.ExitCode, needsId.Error));
    }
}
