using System.Globalization;
using Google.Protobuf;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Commands;

namespace PinpointAggregator.Cli.Tests.Service;

/// <summary><c>apps list</c> and <c>apps show</c> against the running embedded default, compared with the generator's ground truth.</summary>
[Collection(SharedService.Name)]
public sealed class ApplicationCommandsTests(ServiceFixture service)
{
    [Fact]
    public async Task AppsListCsv_ListsExactlyTheGroundTruthsApplications()
    {
        var result = await service.RunAsync("apps", "list", "--output", "csv", "--page-size", "5");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.DoesNotContain("\"", result.Out, StringComparison.Ordinal);
        var lines = result.Lines;
        Assert.Equal("account,region,application_id,display_name,deleted,events,errors,first_event_time,last_event_time,created,deleted_by,name", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).Select(c => string.Join(',', c[0], c[1], c[2], c[4], c[5], c[6], c[7], c[8], c[11])).ToList();
        var expected = service.GroundTruth.Applications
            .OrderBy(a => a.Value.Account, StringComparer.Ordinal).ThenBy(a => a.Value.Region, StringComparer.Ordinal).ThenBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => string.Join(',', a.Value.Account, a.Value.Region, a.Key, a.Value.Deleted ? "true" : "false", Num(a.Value.Events), Num(a.Value.Errors),
                a.Value.FirstEventTime, a.Value.LastEventTime, $"accounts/{a.Value.Account}/regions/{a.Value.Region}/applications/{a.Key}"))
            .ToList();
        Assert.True(expected.Count > 10, "the sample is too small to prove anything");
        Assert.Equal(expected, rows);
    }

    [Fact]
    public async Task AppsListDeleted_FollowsEveryPageOfTheFilter()
    {
        var result = await service.RunAsync("apps", "list", "--lifecycle", "deleted", "--page-size", "1", "--output", "json");

        var response = JsonParser.Default.Parse<ListApplicationsResponse>(result.Out);
        var expected = service.GroundTruth.Applications.Where(a => a.Value.Deleted).Select(a => a.Key).Order(StringComparer.Ordinal);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, response.Applications.Select(a => a.ApplicationId).Order(StringComparer.Ordinal));
        Assert.Equal(string.Empty, response.NextPageToken);
    }

    [Fact]
    public async Task AppsListLimit_CutsAPageAndSaysSo()
    {
        var result = await service.RunAsync("apps", "list", "--limit", "5", "--page-size", "2");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(1 + 5, result.Lines.Length);
        Assert.Equal("apps list: 5 shown, more match; raise --limit or give --all\n", result.Error);
    }

    [Fact]
    public async Task AppsListLimitAtAPageEnd_GivesTheTokenToGoOnWith()
    {
        var first = await service.RunAsync("apps", "list", "--limit", "4", "--page-size", "2", "--output", "csv");
        var token = first.Error.Split("--page-token ")[1].Split(' ')[0];
        var rest = await service.RunAsync("apps", "list", "--page-size", "2", "--page-token", token, "--output", "csv");
        var all = await service.RunAsync("apps", "list", "--output", "csv");

        Assert.Equal<string>(all.Lines, [.. first.Lines, .. rest.Lines.Skip(1)]);
    }

    [Fact]
    public async Task AppsShowJson_OfEveryApplicationByItsBareId_MatchesTheGroundTruth()
    {
        foreach (var (id, truth) in service.GroundTruth.Applications)
        {
            var result = await service.RunAsync("apps", "show", id, "--output", "json");

            Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
            var app = JsonParser.Default.Parse<Application>(result.Out);
            Assert.Equal($"accounts/{truth.Account}/regions/{truth.Region}/applications/{id}", app.Name);
            Assert.Equal(truth.Events, app.Activity.Events);
            Assert.Equal(truth.Errors, app.Activity.Errors);
            Assert.Equal(truth.ByEventName, app.Activity.ByAction.OrderBy(a => a.Key, StringComparer.Ordinal));
            Assert.Equal(truth.ErrorCodes, app.Activity.ErrorCodes.OrderBy(a => a.Key, StringComparer.Ordinal));
            Assert.Equal(truth.Deleted ? truth.DeletedAt : null, Time(app.Deleted?.Time));
            Assert.Equal(truth.Created ? truth.CreatedAt : null, Time(app.Created?.Time));
        }
    }

    [Fact]
    public async Task AppsShowTable_PrintsTheApplicationsFieldsAndActivity()
    {
        var (id, truth) = service.GroundTruth.Applications.First(a => a.Value.Deleted);

        var result = await service.RunAsync("apps", "show", $"{truth.Account}/{truth.Region}/{id}");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var blocks = result.Out.Split("\n\n");
        var fields = blocks[0].Split('\n');
        Assert.Equal($"name                accounts/{truth.Account}/regions/{truth.Region}/applications/{id}", fields[0]);
        Assert.StartsWith($"deleted             {truth.DeletedAt} by ", fields[3], StringComparison.Ordinal);
        Assert.Equal($"events              {truth.Events}", fields[4]);
        Assert.Equal($"errors              {truth.Errors}", fields[7]);
        Assert.Equal($"first event         {truth.FirstEventTime}", fields[10]);
        Assert.Equal($"last event          {truth.LastEventTime}", fields[11]);
        Assert.StartsWith("RESOURCE  ", blocks[1], StringComparison.Ordinal);
        Assert.StartsWith($"application  {id}", blocks[1].Split('\n')[1], StringComparison.Ordinal);
        var byAction = blocks[2].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("EVENT_NAME", byAction[0].Split(' ')[0]);
        var expected = truth.ByEventName.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => (a.Key, a.Value));
        Assert.Equal(expected, byAction.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(c => (c[0], long.Parse(c[1], CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task AppsShowCsv_IsOneRowPerResource()
    {
        var id = service.GroundTruth.Applications.First().Key;

        var result = await service.RunAsync("apps", "show", id, "--output", "csv");

        Assert.Equal("resource,id,created,last_change,deleted,changes,state", result.Lines[0]);
        Assert.StartsWith($"application,{id},", result.Lines[1], StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
    }

    [Fact]
    public async Task AppsShow_MalformedName_PrintsTheBadFieldAndExitsWithTheUsageCode()
    {
        var result = await service.RunAsync("apps", "show", "accounts/123/regions/us-east-1/applications/abc");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal("apps show: the service refused the request (INVALID_ARGUMENT):\n  name: the account must be a 12-digit AWS account id\n", result.Error);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task AppsShow_Unknown_IsNotFound()
    {
        var byName = await service.RunAsync("apps", "show", "123456789012/us-east-1/nosuchapp0");
        var byId = await service.RunAsync("apps", "show", "nosuchapp0");

        Assert.Equal(ExitCodes.NotFound, byName.ExitCode);
        Assert.StartsWith("apps show: not found (NOT_FOUND): ", byName.Error, StringComparison.Ordinal);
        Assert.Equal((ExitCodes.NotFound, "apps show: not found (NOT_FOUND): no application has the id nosuchapp0\n"), (byId.ExitCode, byId.Error));
    }

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Time(Google.Protobuf.WellKnownTypes.Timestamp? time) =>
        time?.ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
