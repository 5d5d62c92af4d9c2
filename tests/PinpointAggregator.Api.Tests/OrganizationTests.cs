using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Audit.Summary;

namespace PinpointAggregator.Api.Tests;

[Collection(SharedService.Name)]
public sealed class OrganizationTests(ServiceFixture service)
{
    private readonly OrganizationService.OrganizationServiceClient _client = new(service.Channel);

    [Fact]
    public async Task Summary_AddsUpTheWholeSample()
    {
        var oracle = Oracles.Of(service);
        var truth = service.GroundTruth;
        var summary = await _client.GetOrganizationSummaryAsync(new GetOrganizationSummaryRequest { TopCallers = 100 });

        Assert.Equal(oracle.Events.Select(e => e.Account).Distinct().Count(), summary.Accounts);
        Assert.Equal(oracle.Events.Select(e => e.Region).Distinct().Count(), summary.Regions);
        Assert.Equal(truth.Applications.Count(a => !a.Value.Deleted), summary.ApplicationsAlive);
        Assert.Equal(truth.Applications.Count(a => a.Value.Deleted), summary.ApplicationsDeleted);
        Assert.Equal(truth.Totals.Events, summary.Events);
        Assert.Equal(oracle.Events.Count(e => e.Event.ErrorCode is not null), summary.Errors);
        Assert.Equal(TrailOracle.CountBy(oracle.Events, e => e.Event.EventName), summary.EventsByAction);
        Assert.Equal(TrailOracle.CountBy(oracle.Events, e => e.Event.ErrorCode), summary.ErrorsByCode);
        Assert.Equal(truth.NoApplicationId.Events, summary.AccountLevelEvents);
        Assert.Equal(truth.NoApplicationId.UnresolvedTargets, summary.UnresolvedTargets);
        Assert.NotNull(summary.LastDiscoveryTime);

        var callers = TrailOracle.CountBy(oracle.Events, e => e.Event.Caller.DisplayName)
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(100)
            .Select(c => (c.Key, c.Value)).ToList();
        Assert.Equal(callers, summary.TopCallers.Select(c => (c.Caller, c.Events)).ToList());

        var days = oracle.Events.GroupBy(e => e.Time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (long)g.Count())).ToList();
        Assert.Equal(days, summary.EventsByDay.Select(d => (d.Day, d.Events)).ToList());
    }

    [Fact]
    public async Task Summary_OfOneAccount_CountsOnlyIt()
    {
        var oracle = Oracles.Of(service);
        var account = oracle.Events.Select(e => e.Account).Distinct().Order(StringComparer.Ordinal).First();
        var mine = oracle.Events.Where(e => e.Account == account).ToList();

        var summary = await _client.GetOrganizationSummaryAsync(new GetOrganizationSummaryRequest { Accounts = { account } });

        Assert.Equal(1, summary.Accounts);
        Assert.Equal(mine.Count, summary.Events);
        Assert.Equal(TrailOracle.CountBy(mine, e => e.Event.EventName), summary.EventsByAction);
        Assert.Equal(service.GroundTruth.Applications.Count(a => a.Value.Account == account), summary.ApplicationsAlive + summary.ApplicationsDeleted);
        Assert.Equal(10, summary.TopCallers.Count);
    }

    [Fact]
    public async Task Summary_DayWindow_EndsWithTheNewestEventsDay()
    {
        var oracle = Oracles.Of(service);
        var newest = oracle.Events.Max(e => e.Time).Date;
        var summary = await _client.GetOrganizationSummaryAsync(new GetOrganizationSummaryRequest { Days = 1 });

        Assert.Equal(
            [(newest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (long)oracle.Events.Count(e => e.Time.Date == newest))],
            summary.EventsByDay.Select(d => (d.Day, d.Events)).ToList());
    }

    [Fact]
    public async Task ScanSummary_IsTheGroundTruthInTheScanFormat()
    {
        var summary = ScanSummaryJson.Deserialize((await _client.GetScanSummaryAsync(new GetScanSummaryRequest())).Json);
        var truth = service.GroundTruth;

        Assert.Equal(truth.Totals.Events, summary.Totals.Events);
        Assert.Equal(truth.Applications.Keys, summary.Applications.Keys);
        foreach (var (id, app) in truth.Applications)
        {
            Assert.Equal(JsonSerializer.Serialize(app), JsonSerializer.Serialize(summary.Applications[id]));
        }

        Assert.Equal(JsonSerializer.Serialize(truth.NoApplicationId), JsonSerializer.Serialize(summary.NoApplicationId));
        Assert.Equal(truth.FailedFiles.Select(f => f.Path), summary.FailedFiles.Select(f => f.Path.Replace(Path.DirectorySeparatorChar, '/')));
    }

    [Fact]
    public async Task ListAccounts_PagesThroughEveryAccountInOrder()
    {
        var oracle = Oracles.Of(service);
        var truth = service.GroundTruth;
        var accounts = new List<Account>();
        var request = new ListAccountsRequest { PageSize = 1 };
        do
        {
            var page = await _client.ListAccountsAsync(request);
            Assert.True(page.Accounts.Count <= 1);
            accounts.AddRange(page.Accounts);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(oracle.Events.Select(e => e.Account).Distinct().Order(StringComparer.Ordinal), accounts.Select(a => a.Account_));
        var prefixes = accounts.SelectMany(a => a.Prefixes).ToList();
        Assert.All(accounts, a =>
        {
            Assert.Equal($"accounts/{a.Account_}", a.Name);
            Assert.True(a.Role.Healthy);
            Assert.Equal(0, a.Role.ConsecutiveFailures);
            Assert.Equal(oracle.Events.Where(e => e.Account == a.Account_).Select(e => e.Region).Distinct().Order(StringComparer.Ordinal), a.Prefixes.Select(p => p.Region));
        });
        Assert.All(prefixes, p =>
        {
            Assert.True(p.CaughtUp);
            Assert.False(p.Paused);
            Assert.Equal($"accounts/{p.Account}/regions/{p.Region}/prefixes/{Uri.EscapeDataString(p.Location)}", p.Name);
            Assert.EndsWith($"/{p.Account}/CloudTrail/{p.Region}/", p.Location, StringComparison.Ordinal);
            Assert.True(p.Requests["List"] > 0);
        });
        Assert.Equal(truth.FailedFiles.Count, prefixes.Sum(p => p.FilesQuarantined));
        Assert.Equal(truth.Totals.Files - truth.FailedFiles.Count, prefixes.Sum(p => p.FilesRead));
        Assert.Equal(truth.Totals.Events + truth.Totals.DuplicateEvents, prefixes.Sum(p => p.Events));
        Assert.Equal(
            truth.FailedFiles.Select(f => f.Path).Order(StringComparer.Ordinal),
            prefixes.SelectMany(p => p.Quarantined.Select(q => q.Key)).Order(StringComparer.Ordinal));
        Assert.Equal(truth.NoApplicationId.Events, accounts.Sum(a => a.AccountLevelEvents));
    }

    [Fact]
    public async Task ListAccounts_ProblemsOnly_ListsTheAccountsWithQuarantinedFiles_OrIntegrityViolations()
    {
        var quarantined = service.GroundTruth.FailedFiles.Select(f => f.Path.Split('/')[2]).ToList();
        Assert.NotEmpty(quarantined);
        // Whether the sample's digests hold violations is the integrity service's finding, read from its status.
        var all = await _client.ListAccountsAsync(new ListAccountsRequest());
        var violating = all.Accounts.Where(a => a.Prefixes.Any(p => p.Integrity.Violations > 0)).Select(a => a.Account_);
        var expected = quarantined.Concat(violating).Distinct().Order(StringComparer.Ordinal).ToList();

        var page = await _client.ListAccountsAsync(new ListAccountsRequest { ProblemsOnly = true });

        Assert.Equal(expected, page.Accounts.Select(a => a.Account_));
        Assert.Empty(page.NextPageToken);
    }

    [Fact]
    public async Task GetAccount_IsTheListsEntry()
    {
        var listed = (await _client.ListAccountsAsync(new ListAccountsRequest())).Accounts;
        foreach (var account in listed)
        {
            var got = await _client.GetAccountAsync(new GetAccountRequest { Name = account.Name });

            // Poll times, lag and request counts move with every poll; what was read does not.
            Assert.Equal((account.Name, account.Account_, account.Role.Healthy, account.AccountLevelEvents), (got.Name, got.Account_, got.Role.Healthy, got.AccountLevelEvents));
            Assert.Equal(
                account.Prefixes.Select(p => (p.Name, p.Location, p.FilesRead, p.FilesQuarantined, p.Events, p.CaughtUp)),
                got.Prefixes.Select(p => (p.Name, p.Location, p.FilesRead, p.FilesQuarantined, p.Events, p.CaughtUp)));
        }
    }

    [Fact]
    public async Task GetAccount_Unknown_IsNotFound()
    {
        var e = await Errors.CallFails(() => _client.GetAccountAsync(new GetAccountRequest { Name = "accounts/999999999999" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
    }
}
