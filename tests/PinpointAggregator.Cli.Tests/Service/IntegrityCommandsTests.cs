using System.Text.Json.Nodes;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Commands;
using PinpointAggregator.Grains.Integrity;
using PinpointAggregator.Testing.Integrity;
using static PinpointAggregator.Testing.Integrity.SeededFindings;

namespace PinpointAggregator.Cli.Tests.Service;

/// <summary><c>integrity</c> and <c>integrity findings</c> against the running embedded default, with known findings in its store.</summary>
[Collection(SharedService.Name)]
public sealed class IntegrityCommandsTests(ServiceFixture service) : IAsyncLifetime
{
    public Task InitializeAsync() => EnsureAsync(service.Services.GetRequiredService<IIntegrityFindingStore>());

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Integrity_OfAnAccountWithViolations_ExitsThree_WithTheCountsByKind()
    {
        var json = await service.RunAsync("integrity", "--account", AccountA, "--output", "json");
        var table = await service.RunAsync("integrity", "--account", AccountA);

        Assert.Equal(ExitCodes.IntegrityViolations, json.ExitCode);
        var document = JsonNode.Parse(json.Out)!;
        var summary = JsonParser.Default.Parse<IntegritySummary>(document["summary"]!.ToJsonString());
        Assert.Equal(4, summary.Violations);
        Assert.Equal(
            [(IntegrityFindingKind.DigestMissing, 2L), (IntegrityFindingKind.LogModified, 1L), (IntegrityFindingKind.LogDeleted, 1L), (IntegrityFindingKind.Gap, 1L)],
            summary.FindingsByKind.Select(k => (k.Kind, k.Count)));
        Assert.Empty(document["prefixes"]!.AsArray());
        Assert.Equal($"integrity: account {AccountA} has not been discovered: no prefixes\n", json.Error);

        Assert.Equal(ExitCodes.IntegrityViolations, table.ExitCode);
        Assert.Equal("violations                4", table.Lines[0]);
        Assert.Equal(
            ["KIND           VIOLATION  FINDINGS", "DigestMissing  true              2", "LogModified    true              1", "LogDeleted     true              1", "Gap            false             1"],
            table.Lines.Skip(10).Take(5));
    }

    [Fact]
    public async Task Integrity_OfTheSamplesAccount_ListsEachOfItsPrefixes_WithTheViolationsStatusShows()
    {
        var account = service.GroundTruth.Applications.Values.First().Account!;

        var csv = await service.RunAsync("integrity", "--account", account, "--output", "csv");
        var json = await service.RunAsync("integrity", "--account", account, "--output", "json");
        var status = await service.RunAsync("status", "--output", "csv");

        Assert.Equal("account,region,enabled,validated_through,lag,digests_checked,violations,waiting,findings_by_kind,last_error,location", csv.Lines[0]);
        var violationsColumn = Array.IndexOf(status.Lines[0].Split(','), "violations");
        var statusRows = status.Lines.Skip(1).Select(l => l.Split(',')).Where(c => c[0] == account).Select(c => (c[1], c[violationsColumn])).Order().ToList();
        Assert.NotEmpty(statusRows);
        Assert.Equal(statusRows, csv.Lines.Skip(1).Select(l => l.Split(',')).Select(c => (c[1], c[6])).Order());
        Assert.All(csv.Lines.Skip(1), l => Assert.StartsWith(account + ",", l, StringComparison.Ordinal));

        // Exit 3 exactly when the account has violations (the sample's own digests decide which).
        var summary = JsonParser.Default.Parse<IntegritySummary>(JsonNode.Parse(json.Out)!["summary"]!.ToJsonString());
        var expected = summary.Violations > 0 ? ExitCodes.IntegrityViolations : ExitCodes.Success;
        Assert.Equal((expected, expected), (csv.ExitCode, json.ExitCode));
        Assert.Equal(statusRows.Count, summary.Prefixes);
    }

    [Fact]
    public async Task Integrity_OfEveryAccount_CountsTheStoresFindings_AndExitsThree()
    {
        var result = await service.RunAsync("integrity", "--output", "json");

        var summary = JsonParser.Default.Parse<IntegritySummary>(JsonNode.Parse(result.Out)!["summary"]!.ToJsonString());
        Assert.Equal(ExitCodes.IntegrityViolations, result.ExitCode);
        Assert.True(summary.Violations >= All.Count(f => f.IsViolation), $"{summary.Violations} violations");
        Assert.Equal(summary.Prefixes, JsonNode.Parse(result.Out)!["prefixes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Findings_ByKindInAnyCase_AsCsv()
    {
        var result = await service.RunAsync("integrity", "findings", "--account", AccountA, "--kind", "digest-missing,LOG_MODIFIED", "--output", "csv");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("found_time,account,region,kind,violation,start_time,detail,end_time,digest_key,log_key,sequence,prefix", result.Lines[0]);
        Assert.Equal(
            [
                $"2001-01-01T05:00:00Z,{AccountA},eu-west-1,DigestMissing,true,2000-12-31T04:00:00Z,seeded finding 4,2000-12-31T05:00:00Z,{All[4].DigestKey},",
                $"2001-01-01T02:00:00Z,{AccountA},us-east-1,DigestMissing,true,2000-12-31T01:00:00Z,seeded finding 1,2000-12-31T02:00:00Z,{All[1].DigestKey},",
                $"2001-01-01T01:00:00Z,{AccountA},us-east-1,LogModified,true,2000-12-31T00:00:00Z,seeded finding 0,2000-12-31T01:00:00Z,{All[0].DigestKey},{All[0].LogKey}",
            ],
            result.Lines.Skip(1).Select(l => string.Join(',', l.Split(',').Take(10))));
    }

    [Fact]
    public async Task Findings_ViolationsOnly_InAFoundRange_UntilExclusive_AsJson()
    {
        var result = await service.RunAsync(
            "integrity", "findings", "--account", $"{AccountA},{AccountB}", "--violations-only", "--since", "2001-01-01T02:30:00Z", "--until", "2001-01-01T07:00:00Z", "--output", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var response = JsonParser.Default.Parse<ListIntegrityFindingsResponse>(result.Out);
        // Finding 2 (found 03:00) is a gap; finding 6 was found at 07:00 exactly, which --until leaves out.
        Assert.Equal(["seeded finding 5", "seeded finding 4", "seeded finding 3"], response.Findings.Select(f => f.Detail));
    }

    [Fact]
    public async Task Findings_PastTheLimit_SayHowToGoOn_AndTheTokenGoesOn()
    {
        var first = await service.RunAsync("integrity", "findings", "--account", AccountA, "--region", "us-east-1", "--limit", "2", "--output", "csv");
        var token = first.Error.Split("--page-token ")[1].Split(' ')[0];
        var rest = await service.RunAsync("integrity", "findings", "--account", AccountA, "--region", "us-east-1", "--page-token", token, "--output", "csv");

        Assert.Equal(["seeded finding 2", "seeded finding 1"], first.Lines.Skip(1).Select(l => l.Split(',')[6]));
        Assert.StartsWith("integrity findings: 2 shown, more match; go on with --page-token ", first.Error, StringComparison.Ordinal);
        Assert.Equal(["seeded finding 0"], rest.Lines.Skip(1).Select(l => l.Split(',')[6]));
        Assert.Empty(rest.Error);
    }

    [Fact]
    public async Task BadKind_IsAUsageError_BadRegionIsTheServicesRefusal()
    {
        var kind = await service.RunAsync("integrity", "findings", "--kind", "Tampered");
        var region = await service.RunAsync("integrity", "findings", "--region", "Mars", "--since", "yesterday");
        var account = await service.RunAsync("integrity", "--account", "12345");

        Assert.Equal(ExitCodes.UsageError, kind.ExitCode);
        Assert.StartsWith("integrity findings: --kind must be a finding kind (LogModified, LogDeleted, ", kind.Error, StringComparison.Ordinal);
        Assert.Contains("not 'Tampered'", kind.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, region.ExitCode);
        Assert.StartsWith("integrity findings: --since must be", region.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, account.ExitCode);
        Assert.Equal("integrity: the service refused the request (INVALID_ARGUMENT):\n  accounts[0]: must be a 12-digit AWS account id\n", account.Error);

        var regionOnly = await service.RunAsync("integrity", "findings", "--region", "Mars");
        Assert.Equal(ExitCodes.UsageError, regionOnly.ExitCode);
        Assert.Equal("integrity findings: the service refused the request (INVALID_ARGUMENT):\n  region: must be an AWS region name such as us-east-1\n", regionOnly.Error);
    }
}
