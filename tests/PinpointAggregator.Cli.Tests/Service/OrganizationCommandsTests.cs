using Google.Protobuf;
using Grpc.Net.Client;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Audit.Summary;
using PinpointAggregator.Cli.Commands;
using PinpointAggregator.Cli.Connection;

namespace PinpointAggregator.Cli.Tests.Service;

/// <summary><c>summary</c>, <c>status</c> and <c>accounts</c> against the running embedded default.</summary>
[Collection(SharedService.Name)]
public sealed class OrganizationCommandsTests(ServiceFixture service)
{
    [Fact]
    public async Task SummaryScanShape_PrintsGetScanSummaryVerbatim_WhoseApplicationsAreTheGroundTruth()
    {
        var result = await service.RunAsync("summary", "--output", "json", "--scan-shape");

        using var channel = GrpcChannel.ForAddress(service.Address);
        var token = (await File.ReadAllTextAsync(ConnectionSettingsResolver.DefaultTokenPath(service.Environment))).Trim();
        var direct = await new OrganizationService.OrganizationServiceClient(channel).GetScanSummaryAsync(
            new GetScanSummaryRequest(), new Grpc.Core.Metadata { { "authorization", $"Bearer {token}" } });
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(direct.Json.TrimEnd('\n') + "\n", result.Out);
        var live = ScanSummaryJson.Deserialize(result.Out);
        Assert.Equal(Json(service.GroundTruth.Applications), Json(live.Applications));
        Assert.Equal(Json(service.GroundTruth.NoApplicationId), Json(live.NoApplicationId));
    }

    [Fact]
    public async Task SummaryJson_AddsUpTheGroundTruth()
    {
        var result = await service.RunAsync("summary", "--output", "json");

        var summary = JsonParser.Default.Parse<OrganizationSummary>(result.Out);
        var truth = service.GroundTruth;
        var byAction = truth.Applications.Values.SelectMany(a => a.ByEventName).Concat(truth.NoApplicationId.ByEventName)
            .GroupBy(a => a.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(a => a.Value), StringComparer.Ordinal);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(truth.Applications.Count(a => !a.Value.Deleted), summary.ApplicationsAlive);
        Assert.Equal(truth.Applications.Count(a => a.Value.Deleted), summary.ApplicationsDeleted);
        Assert.Equal(truth.Applications.Values.Sum(a => a.Events) + truth.NoApplicationId.Events, summary.Events);
        Assert.Equal(byAction.OrderBy(a => a.Key, StringComparer.Ordinal), summary.EventsByAction.OrderBy(a => a.Key, StringComparer.Ordinal));
        Assert.Equal(truth.NoApplicationId.Events, summary.AccountLevelEvents);
    }

    [Fact]
    public async Task SummaryTableAndCsv_ShowTheSameTotals()
    {
        var json = JsonParser.Default.Parse<OrganizationSummary>((await service.RunAsync("summary", "--output", "json")).Out);

        var table = await service.RunAsync("summary");
        var csv = await service.RunAsync("summary", "--output", "csv", "--top-callers", "3");

        Assert.Equal($"applications alive    {json.ApplicationsAlive}", table.Lines[2]);
        Assert.Equal($"events                {json.Events}", table.Lines[4]);
        Assert.Equal("section,key,value", csv.Lines[0]);
        Assert.Equal($"totals,accounts,{json.Accounts}", csv.Lines[1]);
        Assert.Equal($"totals,events,{json.Events}", csv.Lines[5]);
        Assert.Equal(3, csv.Lines.Count(l => l.StartsWith("top_callers,", StringComparison.Ordinal)));
        Assert.Equal(json.EventsByAction.Count, csv.Lines.Count(l => l.StartsWith("events_by_action,", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task StatusCsv_HasEveryPrefixOfTheSample_QuarantinedAreTheGroundTruthsFailedFiles()
    {
        var prefixes = await service.RunAsync("status", "--output", "csv");
        var quarantined = await service.RunAsync("status", "--list", "quarantined", "--output", "csv");

        Assert.Equal(ExitCodes.Success, prefixes.ExitCode);
        Assert.Equal("account,region,caught_up,paused,mode,lag,last_poll_time,files_read,events,quarantined,set_aside,missed,future_dated,retries,validated_through,violations,last_error,next_poll_time,read_through,consecutive_failures,duplicates_dropped,stuck_files,integrity_lag,digests_checked,digests_waiting,integrity_error,last_notification_time,files_notified,fallback_since,fallback_reason,requests,location", prefixes.Lines[0]);
        var regions = service.GroundTruth.Applications.Values.Select(a => $"{a.Account},{a.Region}").ToHashSet();
        Assert.Superset(regions, prefixes.Lines.Skip(1).Select(l => string.Join(',', l.Split(',').Take(2))).ToHashSet());
        Assert.All(prefixes.Lines.Skip(1), l => Assert.Equal("true", l.Split(',')[2]));
        // No notification queue is configured: every prefix polls.
        Assert.All(prefixes.Lines.Skip(1), l => Assert.Equal("polling", l.Split(',')[4]));
        Assert.Equal("account,region,time,kind,reason,key,records_read_before_error", quarantined.Lines[0]);
        Assert.Equal(
            service.GroundTruth.FailedFiles.Select(f => f.Path.Replace('\\', '/')).Order(StringComparer.Ordinal),
            quarantined.Lines.Skip(1).Select(l => l.Split(',')[5]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AccountsJsonAndOne_AgreeOnTheSamplesAccounts()
    {
        var all = JsonParser.Default.Parse<ListAccountsResponse>((await service.RunAsync("accounts", "--output", "json")).Out);
        var first = all.Accounts[0];

        var one = await service.RunAsync("accounts", first.Account_);
        var missing = await service.RunAsync("accounts", "999999999999");

        Assert.Equal(service.GroundTruth.Applications.Values.Select(a => a.Account).Distinct().Order(StringComparer.Ordinal), all.Accounts.Select(a => a.Account_));
        Assert.Equal(ExitCodes.Success, one.ExitCode);
        Assert.Equal($"account               {first.Account_}", one.Lines[0]);
        Assert.Contains($"integrity violations  {first.Integrity.Violations}", one.Lines);
        Assert.Contains("mode                  polling", one.Lines);
        Assert.Equal(first.Prefixes.Count, one.Out.Split("\n\n")[1].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);
}
