using Grpc.Core;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Audit.Summary;

namespace PinpointAggregator.Api.Tests;

/// <summary>
/// A caller scoped to one account sees only that account through every RPC, and naming anything of another
/// account is PERMISSION_DENIED whether or not it exists.
/// </summary>
[Collection(SharedService.Name)]
public sealed class ScopeTests(ServiceFixture service)
{
    private const string NoSuchAccount = "999999999999";
    private readonly OrganizationService.OrganizationServiceClient _org = new(service.Channel);
    private readonly ApplicationService.ApplicationServiceClient _apps = new(service.Channel);
    private readonly EventService.EventServiceClient _events = new(service.Channel);
    private readonly OperationsService.OperationsServiceClient _ops = new(service.Channel);

    private string Mine => Accounts[0];

    private string Theirs => Accounts[1];

    private IReadOnlyList<string> Accounts => [.. Oracles.Of(service).Events.Select(e => e.Account).Distinct().Order(StringComparer.Ordinal)];

    private Metadata Caller => TestCaller.ScopedViewer(Mine);

    [Fact]
    public async Task Lists_SummariesAndSearches_ShowOnlyTheCallersAccount()
    {
        var oracle = Oracles.Of(service).Events.Where(e => e.Account == Mine).ToList();
        var truth = service.GroundTruth.Applications.Where(a => a.Value.Account == Mine).Select(a => a.Key).Order(StringComparer.Ordinal).ToList();

        var apps = await _apps.ListApplicationsAsync(new ListApplicationsRequest { PageSize = 1000 }, Caller);
        var summary = await _org.GetOrganizationSummaryAsync(new GetOrganizationSummaryRequest(), Caller);
        var scan = ScanSummaryJson.Deserialize((await _org.GetScanSummaryAsync(new GetScanSummaryRequest(), Caller)).Json);
        var accounts = await _org.ListAccountsAsync(new ListAccountsRequest(), Caller);
        var search = await _events.SearchEventsAsync(new SearchEventsRequest { PageSize = 1000 }, Caller);
        using var export = _events.ExportEvents(new ExportEventsRequest(), Caller);
        var exported = await export.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(truth, apps.Applications.Select(a => a.ApplicationId).Order(StringComparer.Ordinal));
        Assert.Equal((1, oracle.Count), (summary.Accounts, summary.Events));
        Assert.Equal(truth, scan.Applications.Keys);
        Assert.Equal(oracle.Count, scan.Totals.Events);
        Assert.Equal([Mine], accounts.Accounts.Select(a => a.Account_));
        Assert.Equal(oracle.Count, search.Events.Count);
        Assert.All(search.Events, e => Assert.Equal(Mine, e.Account));
        Assert.Equal(oracle.Count, exported.Count);
        Assert.All(exported, e => Assert.Equal(Mine, e.Account));
        Assert.True(oracle.Count < Oracles.Of(service).Events.Count);
    }

    [Fact]
    public async Task OwnResources_AreReadable()
    {
        var app = service.GroundTruth.Applications.First(a => a.Value.Account == Mine);
        var e = Oracles.Of(service).Events.First(x => x.Account == Mine);

        await _apps.GetApplicationAsync(new GetApplicationRequest { Name = $"accounts/{Mine}/regions/{app.Value.Region}/applications/{app.Key}" }, Caller);
        await _events.GetEventAsync(new GetEventRequest { Name = $"events/{e.Event.EventId}" }, Caller);
        await _org.GetAccountAsync(new GetAccountRequest { Name = $"accounts/{Mine}" }, Caller);
        await _events.SearchEventsAsync(new SearchEventsRequest { Filter = new EventFilter { Accounts = { Mine } } }, Caller);
    }

    [Fact]
    public async Task NamingAnotherAccount_IsPermissionDenied_WhetherOrNotItExists()
    {
        var app = service.GroundTruth.Applications.First(a => a.Value.Account == Theirs);
        var theirEvent = Oracles.Of(service).Events.First(x => x.Account == Theirs).Event.EventId;
        foreach (var account in new[] { Theirs, NoSuchAccount })
        {
            var appName = $"accounts/{account}/regions/{app.Value.Region}/applications/{(account == Theirs ? app.Key : "nosuchapp")}";
            await Denied(() => _apps.GetApplicationAsync(new GetApplicationRequest { Name = appName }, Caller).ResponseAsync);
            await Denied(() => _apps.ListResourceHistoryAsync(new ListResourceHistoryRequest { Application = appName, Kind = ResourceKind.Settings }, Caller).ResponseAsync);
            await Denied(() => _apps.ListApplicationsAsync(new ListApplicationsRequest { Accounts = { Mine, account } }, Caller).ResponseAsync);
            await Denied(() => _org.GetAccountAsync(new GetAccountRequest { Name = $"accounts/{account}" }, Caller).ResponseAsync);
            await Denied(() => _org.GetOrganizationSummaryAsync(new GetOrganizationSummaryRequest { Accounts = { account } }, Caller).ResponseAsync);
            await Denied(() => _events.SearchEventsAsync(new SearchEventsRequest { Filter = new EventFilter { Accounts = { account } } }, Caller).ResponseAsync);
            await Denied(() => Drain(_events.ExportEvents(new ExportEventsRequest { Filter = new EventFilter { Accounts = { account } } }, Caller)));
            await Denied(() => Drain(_events.WatchEvents(new WatchEventsRequest { Filter = new EventFilter { Accounts = { account } } }, Caller)));
        }

        await Denied(() => _events.GetEventAsync(new GetEventRequest { Name = $"events/{theirEvent}" }, Caller).ResponseAsync);
        await Denied(() => _events.GetEventAsync(new GetEventRequest { Name = "events/00000000-0000-0000-0000-000000000000" }, Caller).ResponseAsync);
    }

    [Fact]
    public async Task Operations_NeedTheOperatorRole_AndAnOperatorsScope()
    {
        var viewer = TestCaller.Viewer();
        await Denied(() => _ops.ListOperationsAsync(new ListOperationsRequest(), viewer).ResponseAsync);
        await Denied(() => _ops.RereadAsync(new RereadRequest { Account = "bad" }, viewer).ResponseAsync);
        await Denied(() => _ops.PausePrefixesAsync(new PausePrefixesRequest { Account = Mine }, viewer).ResponseAsync);
        await Denied(() => _ops.ResumePrefixesAsync(new ResumePrefixesRequest { Account = Mine }, viewer).ResponseAsync);

        var scopedOperator = TestCaller.ScopedOperator(Mine);
        var start = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        var end = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(new DateTime(2024, 6, 2, 0, 0, 0, DateTimeKind.Utc));
        foreach (var account in new[] { Theirs, NoSuchAccount })
        {
            await Denied(() => _ops.RereadAsync(new RereadRequest { Account = account, StartTime = start, EndTime = end }, scopedOperator).ResponseAsync);
            await Denied(() => _ops.PausePrefixesAsync(new PausePrefixesRequest { Account = account }, scopedOperator).ResponseAsync);
            await Denied(() => _ops.ResumePrefixesAsync(new ResumePrefixesRequest { Account = account }, scopedOperator).ResponseAsync);
        }

        var operations = await _ops.ListOperationsAsync(new ListOperationsRequest(), scopedOperator);
        Assert.All(operations.Operations, o => Assert.Equal(Mine, o.Account));
    }

    private static async Task Denied(Func<Task> call)
    {
        var e = await Errors.CallFails(call);
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
    }

    private static async Task Drain<T>(AsyncServerStreamingCall<T> call)
    {
        using (call)
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        }
    }
}
