using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests;

/// <summary>Every malformed request is INVALID_ARGUMENT, with a <c>google.rpc.BadRequest</c> naming each bad field.</summary>
[Collection(SharedService.Name)]
public sealed class BadInputTests(ServiceFixture service)
{
    private const string Account = "123456789012";
    private const string App = "accounts/123456789012/regions/us-east-1/applications/abc";
    private static readonly Timestamp Jan1 = Timestamp.FromDateTime(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    private static readonly Timestamp Jan2 = Timestamp.FromDateTime(new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc));
    private static readonly Timestamp Mar1 = Timestamp.FromDateTime(new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc));

    /// <summary>Each case: a call with bad input, and the fields its error must name (in order).</summary>
    private static readonly Dictionary<string, (Func<GrpcChannel, Task> Call, string[] Fields)> Cases = new()
    {
        ["summary: account ids"] = (c => Org(c).GetOrganizationSummaryAsync(new() { Accounts = { Account, "12345", "abcdefghijkl" } }).ResponseAsync, ["accounts[1]", "accounts[2]"]),
        ["summary: top callers, days"] = (c => Org(c).GetOrganizationSummaryAsync(new() { TopCallers = 101, Days = -1 }).ResponseAsync, ["top_callers", "days"]),
        ["summary: days past the limit"] = (c => Org(c).GetOrganizationSummaryAsync(new() { Days = 367 }).ResponseAsync, ["days"]),
        ["accounts: page size"] = (c => Org(c).ListAccountsAsync(new() { PageSize = 1001 }).ResponseAsync, ["page_size"]),
        ["accounts: negative page size"] = (c => Org(c).ListAccountsAsync(new() { PageSize = -1 }).ResponseAsync, ["page_size"]),
        ["accounts: forged page token"] = (c => Org(c).ListAccountsAsync(new() { PageToken = "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }).ResponseAsync, ["page_token"]),
        ["account: name"] = (c => Org(c).GetAccountAsync(new() { Name = "accounts/12" }).ResponseAsync, ["name"]),
        ["account: not an account name"] = (c => Org(c).GetAccountAsync(new() { Name = "123456789012" }).ResponseAsync, ["name"]),
        ["applications: every field"] = (c => Apps(c).ListApplicationsAsync(new()
        {
            Accounts = { "x" }, Regions = { Account, "us-east-1", "Mars" }, Lifecycle = (LifecycleFilter)7, NameContains = new string('n', 201),
            ActiveSince = new Timestamp { Seconds = long.MaxValue }, PageSize = 5000, PageToken = "not-a-token",
        }).ResponseAsync, ["accounts[0]", "regions[0]", "regions[2]", "lifecycle", "name_contains", "active_since", "page_size", "page_token"]),
        ["applications: too many accounts"] = (c => Apps(c).ListApplicationsAsync(new() { Accounts = { Enumerable.Repeat(Account, 101) } }).ResponseAsync, ["accounts"]),
        ["application: name"] = (c => Apps(c).GetApplicationAsync(new() { Name = "accounts/123456789012/regions/us-east-1/applications/" }).ResponseAsync, ["name"]),
        ["history: application, kind"] = (c => Apps(c).ListResourceHistoryAsync(new() { Application = "applications/abc", Kind = ResourceKind.Unspecified }).ResponseAsync, ["application", "kind"]),
        ["history: campaign without id"] = (c => Apps(c).ListResourceHistoryAsync(new() { Application = App, Kind = ResourceKind.Campaign }).ResponseAsync, ["resource_id"]),
        ["history: settings with an id"] = (c => Apps(c).ListResourceHistoryAsync(new() { Application = App, Kind = ResourceKind.Settings, ResourceId = "x" }).ResponseAsync, ["resource_id"]),
        ["history: unknown channel"] = (c => Apps(c).ListResourceHistoryAsync(new() { Application = App, Kind = ResourceKind.Channel, ResourceId = "Pigeon" }).ResponseAsync, ["resource_id"]),
        ["history: numeric channel"] = (c => Apps(c).ListResourceHistoryAsync(new() { Application = App, Kind = ResourceKind.Channel, ResourceId = "3" }).ResponseAsync, ["resource_id"]),
        ["history: order, page size, token"] = (c => Apps(c).ListResourceHistoryAsync(new() { Application = App, Kind = ResourceKind.EventStream, Order = (EventOrder)9, PageSize = -3, PageToken = "%%%" }).ResponseAsync, ["order", "page_size", "page_token"]),
        ["search: every filter field"] = (c => Events(c).SearchEventsAsync(new()
        {
            Filter = new()
            {
                Accounts = { Account, "1234567890123" }, Regions = { "us_east_1" }, Applications = { "bad-app" }, Actions = { "Create Campaign", "" },
                Callers = { "" }, ErrorCodes = { new string('e', 257) }, SourceIps = { "" }, StartTime = Jan2, EndTime = Jan1,
            },
        }).ResponseAsync, ["filter.accounts[1]", "filter.regions[0]", "filter.applications[0]", "filter.actions[0]", "filter.actions[1]", "filter.callers[0]", "filter.end_time", "filter.error_codes[0]", "filter.source_ips[0]"]),
        ["search: equal start and end"] = (c => Events(c).SearchEventsAsync(new() { Filter = new() { StartTime = Jan1, EndTime = Jan1 } }).ResponseAsync, ["filter.end_time"]),
        ["search: invalid timestamps"] = (c => Events(c).SearchEventsAsync(new() { Filter = new() { StartTime = new Timestamp { Nanos = -1 }, EndTime = new Timestamp { Seconds = -62_135_596_801 } } }).ResponseAsync, ["filter.start_time", "filter.end_time"]),
        ["search: text without a time range"] = (c => Events(c).SearchEventsAsync(new() { Filter = new() { Text = "campaign" } }).ResponseAsync, ["filter.text"]),
        ["search: text over too long a range"] = (c => Events(c).SearchEventsAsync(new() { Filter = new() { Text = "campaign", StartTime = Jan1, EndTime = Mar1 } }).ResponseAsync, ["filter.text"]),
        ["search: text too short"] = (c => Events(c).SearchEventsAsync(new() { Filter = new() { Text = "ab", StartTime = Jan1, EndTime = Jan2 } }).ResponseAsync, ["filter.text"]),
        ["search: text too long"] = (c => Events(c).SearchEventsAsync(new() { Filter = new() { Text = new string('t', 201), StartTime = Jan1, EndTime = Jan2 } }).ResponseAsync, ["filter.text"]),
        ["search: order, view, page size"] = (c => Events(c).SearchEventsAsync(new() { Order = (EventOrder)3, View = (EventView)4, PageSize = 1001 }).ResponseAsync, ["order", "view", "page_size"]),
        ["search: page token"] = (c => Events(c).SearchEventsAsync(new() { PageToken = "AQ" }).ResponseAsync, ["page_token"]),
        ["export: filter"] = (c => Drain(Events(c).ExportEvents(new() { Filter = new() { Regions = { "nowhere" } }, View = (EventView)5 })), ["filter.regions[0]", "view"]),
        ["event: name"] = (c => Events(c).GetEventAsync(new() { Name = "event/abc" }).ResponseAsync, ["name"]),
        ["event: empty id"] = (c => Events(c).GetEventAsync(new() { Name = "events/" }).ResponseAsync, ["name"]),
        ["event: id too long"] = (c => Events(c).GetEventAsync(new() { Name = "events/" + new string('a', 4097) }).ResponseAsync, ["name"]),
        ["watch: cursor and filter"] = (c => Drain(Events(c).WatchEvents(new() { Cursor = "bogus", Filter = new() { Accounts = { "1" } } })), ["filter.accounts[0]", "cursor"]),
        ["watch: page token as cursor"] = (c => Drain(Events(c).WatchEvents(new() { Cursor = "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })), ["cursor"]),
        ["integrity summary: account ids"] = (c => Integrity(c).GetIntegritySummaryAsync(new() { Accounts = { Account, "1234" } }).ResponseAsync, ["accounts[1]"]),
        ["integrity findings: every field"] = (c => Integrity(c).ListIntegrityFindingsAsync(new()
        {
            Accounts = { "x", Account }, Region = "Mars", Kinds = { IntegrityFindingKind.LogDeleted, IntegrityFindingKind.Unspecified, (IntegrityFindingKind)99 },
            FoundStartTime = Jan2, FoundEndTime = Jan1, PageSize = 1001, PageToken = "not-a-token",
        }).ResponseAsync, ["accounts[0]", "region", "kinds[1]", "kinds[2]", "found_end_time", "page_size", "page_token"]),
        ["integrity findings: invalid timestamps"] = (c => Integrity(c).ListIntegrityFindingsAsync(new() { FoundStartTime = new Timestamp { Nanos = 1_000_000_000 }, FoundEndTime = new Timestamp { Seconds = 253_402_300_800 } }).ResponseAsync, ["found_start_time", "found_end_time"]),
        ["integrity findings: equal start and end"] = (c => Integrity(c).ListIntegrityFindingsAsync(new() { FoundStartTime = Jan1, FoundEndTime = Jan1 }).ResponseAsync, ["found_end_time"]),
        ["integrity findings: too many accounts, too many kinds"] = (c => Integrity(c).ListIntegrityFindingsAsync(new()
        {
            Accounts = { Enumerable.Repeat(Account, 101) }, Kinds = { Enumerable.Repeat(IntegrityFindingKind.Gap, 101) },
        }).ResponseAsync, ["accounts", "kinds"]),
        ["integrity findings: negative page size, region with a slash"] = (c => Integrity(c).ListIntegrityFindingsAsync(new() { PageSize = -1, Region = "us-east-1/" }).ResponseAsync, ["region", "page_size"]),
        ["reread: every field"] = (c => Ops(c).RereadAsync(new() { Account = "abc", Regions = { "Moon" } }).ResponseAsync, ["account", "regions[0]", "start_time", "end_time"]),
        ["reread: inverted range"] = (c => Ops(c).RereadAsync(new() { Account = Account, StartTime = Jan2, EndTime = Jan1 }).ResponseAsync, ["end_time"]),
        ["reread: range past the limit"] = (c => Ops(c).RereadAsync(new() { Account = Account, StartTime = Jan1, EndTime = Mar1 }).ResponseAsync, ["end_time"]),
        ["pause: account, reason"] = (c => Ops(c).PausePrefixesAsync(new() { Account = "", Reason = new string('r', 501) }).ResponseAsync, ["account", "reason"]),
        ["resume: account, regions"] = (c => Ops(c).ResumePrefixesAsync(new() { Account = "1234567890ab", Regions = { "" } }).ResponseAsync, ["account", "regions[0]"]),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task BadInput_IsInvalidArgumentNamingEachField(string name)
    {
        var (call, fields) = Cases[name];
        var e = await Errors.CallFails(() => call(service.Channel));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal(fields, e.BadFields());
    }

    private static OrganizationService.OrganizationServiceClient Org(GrpcChannel c) => new(c);

    private static ApplicationService.ApplicationServiceClient Apps(GrpcChannel c) => new(c);

    private static EventService.EventServiceClient Events(GrpcChannel c) => new(c);

    private static OperationsService.OperationsServiceClient Ops(GrpcChannel c) => new(c);

    private static IntegrityService.IntegrityServiceClient Integrity(GrpcChannel c) => new(c);

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
