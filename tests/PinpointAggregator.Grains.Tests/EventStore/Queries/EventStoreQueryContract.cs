using System.Diagnostics;
using System.Text.Json.Nodes;
using Orleans.Storage;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Grains.EventStore;
using PinpointAggregator.Grains.EventStore.Queries;
using static PinpointAggregator.Grains.Tests.EventStore.Queries.QueryCorpus;

namespace PinpointAggregator.Grains.Tests.EventStore.Queries;

/// <summary>
/// What every event store answers alike (<see cref="IEventQueries"/>, <see cref="IApplicationDirectory"/>),
/// run against the in-memory store here and against PostgreSQL in the integration tests. Each test starts
/// on an empty store and writes through <see cref="AuditFolder{TState}"/>, as the grains do.
/// </summary>
public abstract class EventStoreQueryContract
{
    /// <summary>How long a feed test waits for rows to become readable (PostgreSQL holds back rows behind any running transaction of the server).</summary>
    private static readonly TimeSpan FeedDeadline = TimeSpan.FromSeconds(30);

    private static readonly string[] Ascending = ["e01", "e02", "e03", "e04", "e05", "e06", "e07", "e08", "e09"];

    protected abstract IAuditStore Store { get; }

    protected abstract IEventQueries Queries { get; }

    protected abstract IApplicationDirectory Directory { get; }

    public static TheoryData<string> Filters => [.. FilterCases.Keys];

    /// <summary>Each filter of <see cref="EventQuery"/> with the corpus events it matches, ascending.</summary>
    private static Dictionary<string, (EventQuery Query, string[] Expected)> FilterCases { get; } = new(StringComparer.Ordinal)
    {
        ["none"] = (new EventQuery(), Ascending),
        ["accounts-empty"] = (new EventQuery { Accounts = [] }, []),
        ["accounts-b"] = (new EventQuery { Accounts = [AccountB] }, ["e06", "e07", "e08"]),
        ["accounts-a-and-b"] = (new EventQuery { Accounts = [AccountA, AccountB] }, Ascending),
        ["regions-eu"] = (new EventQuery { Regions = ["eu-west-1"] }, ["e04", "e05"]),
        ["regions-us"] = (new EventQuery { Regions = ["us-east-1"] }, ["e01", "e02", "e03", "e06", "e07", "e08", "e09"]),
        ["applications"] = (new EventQuery { Applications = ["app1", "app3"] }, ["e01", "e02", "e03", "e06", "e07", "e09"]),
        ["actions"] = (new EventQuery { Actions = ["UpdateCampaign"] }, ["e05", "e09"]),
        ["actions-two"] = (new EventQuery { Actions = ["GetApp", "GetApps"] }, ["e02", "e08"]),
        ["callers"] = (new EventQuery { Callers = [Bob] }, ["e02", "e06", "e08"]),
        ["error-codes"] = (new EventQuery { ErrorCodes = ["AccessDeniedException"] }, ["e08"]),
        ["source-ips"] = (new EventQuery { SourceIps = ["10.0.0.3"] }, ["e04", "e05"]),
        ["from"] = (new EventQuery { From = T0.AddMinutes(2) }, ["e05", "e06", "e07", "e08", "e09"]),
        ["until"] = (new EventQuery { Until = T0.AddMinutes(1) }, ["e01"]),
        ["from-until"] = (new EventQuery { From = T0.AddMinutes(1), Until = T0.AddMinutes(2) }, ["e02", "e03", "e04"]),
        ["read-only-true"] = (new EventQuery { ReadOnly = true }, ["e02", "e08"]),
        ["read-only-false"] = (new EventQuery { ReadOnly = false }, ["e01", "e03", "e04", "e05", "e07", "e09"]),
        ["errors-only"] = (new EventQuery { ErrorsOnly = true }, ["e04", "e08"]),
        ["writes-only"] = (new EventQuery { WritesOnly = true }, ["e01", "e03", "e04", "e05", "e07", "e09"]),
        ["text-case-insensitive"] = (new EventQuery { Text = "hello WORLD" }, ["e09"]),
        ["text-spanning-words"] = (new EventQuery { Text = "spring sale" }, ["e04"]),
        ["text-percent-is-literal"] = (new EventQuery { Text = "%" }, []),
        ["text-underscore-is-literal"] = (new EventQuery { Text = "_" }, []),
        ["resource-campaign"] = (new EventQuery { ResourceKind = "Campaign", ResourceId = "camp1" }, ["e05", "e06", "e09"]),
        ["resource-channel-by-type"] = (new EventQuery { ResourceKind = "Channel", ResourceId = "Sms" }, ["e03"]),
        ["resource-kind-only"] = (new EventQuery { ResourceKind = "Application" }, ["e01", "e02", "e07", "e08"]),
        ["history-of-one-resource"] = (new EventQuery { Accounts = [AccountA], Applications = ["app1"], ResourceKind = "Campaign", ResourceId = "camp1" }, ["e09"]),
        ["combined"] = (new EventQuery { Accounts = [AccountA], WritesOnly = true, ErrorsOnly = true }, ["e04"]),
        ["nothing-matches"] = (new EventQuery { Actions = ["UpdateCampaign"], Callers = [Bob] }, []),
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Search_EachFilter_FindsExactlyItsEvents_InBothDirections(string filter)
    {
        var (query, expected) = FilterCases[filter];
        await new StoreWriter(Store).CommitAllAsync(Events);

        var ascending = await Queries.SearchAsync(query, null, descending: false, limit: 100, includeRaw: false, default);
        var descending = await Queries.SearchAsync(query, null, descending: true, limit: 100, includeRaw: false, default);

        Assert.Equal(expected, ascending.Select(e => e.EventId));
        Assert.Equal(expected.Reverse(), descending.Select(e => e.EventId));
    }

    [Fact]
    public async Task Search_ReturnsEveryColumn_AndRawJsonOnlyWhenAsked()
    {
        await new StoreWriter(Store).CommitAllAsync(Events);
        var query = new EventQuery { ErrorCodes = ["BadRequestException"] };

        var bare = Assert.Single(await Queries.SearchAsync(query, null, false, 10, includeRaw: false, default));
        var raw = Assert.Single(await Queries.SearchAsync(query, null, false, 10, includeRaw: true, default));

        var expected = new StoredEvent
        {
            Target = App2.Key,
            EventId = "e04",
            EventTime = T0.AddMinutes(1),
            Account = AccountA,
            Region = "eu-west-1",
            ApplicationId = "app2",
            EventSource = "pinpoint.amazonaws.com",
            EventName = "CreateCampaign",
            EventType = "AwsApiCall",
            ResourceKind = "Campaign",
            CallerType = "AssumedRole",
            CallerArn = Carol + "/session",
            CallerAccountId = AccountA,
            CallerPrincipalId = "AROAe04",
            CallerIssuerArn = Carol,
            Caller = Carol,
            ReadOnly = false,
            IsWrite = true,
            ErrorCode = "BadRequestException",
            ErrorMessage = "Schedule is required",
            SourceIp = "10.0.0.3",
            UserAgent = "aws-cli/2.15",
            RequestId = "req-e04",
            SourceKey = Events[3].Event.SourceKey,
            IsAddendum = false,
        };
        Assert.Equal(expected, bare);
        Assert.Equal(expected, raw with { RequestParametersJson = null, ResponseElementsJson = null });
        AssertSameJson("""{"application-id":"app2","WriteCampaignRequest":{"Name":"Spring Sale"}}""", raw.RequestParametersJson);
        AssertSameJson("""{"ok":true}""", raw.ResponseElementsJson);
        Assert.Equal(DateTimeKind.Utc, bare.EventTime.Kind);
    }

    [Fact]
    public async Task Search_AnAccountsOwnEvent_HasNoApplication_AndItsRecordsRegion()
    {
        await new StoreWriter(Store).CommitAllAsync(Events);

        var e08 = Assert.Single(await Queries.SearchAsync(new EventQuery { Actions = ["GetApps"] }, null, false, 10, false, default));

        Assert.Equal((AccountBLevel.Key, AccountB, "us-east-1", (string?)null, (bool?)true), (e08.Target, e08.Account, e08.Region, e08.ApplicationId, e08.ReadOnly));
    }

    [Fact]
    public async Task Search_AfterAnAddendum_FindsOnlyTheNewVersion_AndAfterARetractionNothing()
    {
        var writer = new StoreWriter(Store);
        var original = Read("r1", App1, T0);
        await writer.CommitAsync(App1, original, Read("r2", App1, T0));
        await writer.CommitAsync(App1, original with { EventId = "r1-addendum", Addendum = new("UPDATED_DATA", null, null, "r1") });
        await writer.RetractAsync(App1, new Retraction("r2", T0, "r2-addendum", IsAddendum: true));

        var found = await Queries.SearchAsync(new EventQuery(), null, false, 10, false, default);

        var kept = Assert.Single(found);
        Assert.Equal(("r1-addendum", true), (kept.EventId, kept.IsAddendum));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(36)]
    [InlineData(50)]
    public async Task Search_PagesForwardAndBackward_WithTiesInTime_WithoutSkipsOrRepeats(int pageSize)
    {
        // 36 rows at three instants; at each instant the same four event ids at three targets (a member
        // account can reuse another's event id), so only the target orders them.
        var writer = new StoreWriter(Store);
        string[] ids = ["a", "b", "c", "d"];
        AuditTarget[] targetsInKeyOrder = [App2, App1, App3];
        var expected = new List<(string EventId, string Target)>();
        for (var second = 0; second < 3; second++)
        {
            foreach (var id in ids)
            {
                foreach (var target in targetsInKeyOrder)
                {
                    expected.Add((id + second, target.Key));
                }
            }
        }

        foreach (var target in targetsInKeyOrder)
        {
            await writer.CommitAsync(target, [.. Enumerable.Range(0, 3).SelectMany(second => ids.Select(id => Read(id + second, target, T0.AddSeconds(second))))]);
        }

        var forward = await PageAllAsync(new EventQuery(), descending: false, pageSize);
        var backward = await PageAllAsync(new EventQuery(), descending: true, pageSize);
        var filtered = await PageAllAsync(new EventQuery { Accounts = [AccountA], From = T0.AddSeconds(1) }, descending: true, pageSize);

        Assert.Equal(expected, forward.Select(e => (e.EventId, e.Target)));
        Assert.Equal(Enumerable.Reverse(expected), backward.Select(e => (e.EventId, e.Target)));
        Assert.Equal(
            Enumerable.Reverse(expected).Where(e => e.Target != App3.Key && e.EventId[1] != '0'),
            filtered.Select(e => (e.EventId, e.Target)));
    }

    [Fact]
    public async Task Search_AfterAPositionBetweenRows_ContinuesFromThere()
    {
        await new StoreWriter(Store).CommitAllAsync(Events);
        var between = new EventPosition(T0.AddMinutes(1), "e025", string.Empty);

        var forward = await Queries.SearchAsync(new EventQuery(), between, false, 3, false, default);
        var backward = await Queries.SearchAsync(new EventQuery(), between, true, 3, false, default);

        Assert.Equal(["e03", "e04", "e05"], forward.Select(e => e.EventId));
        Assert.Equal(["e02", "e01"], backward.Select(e => e.EventId));
    }

    [Fact]
    public async Task Find_ReturnsEveryRowWithTheId_WithRawJson()
    {
        var writer = new StoreWriter(Store);
        await writer.CommitAllAsync(Events);
        await writer.CommitAsync(App3, Read("e01", App3, T0));

        var found = await Queries.FindAsync("e01", default);
        var missing = await Queries.FindAsync("e99", default);

        Assert.Equal([App1.Key, App3.Key], found.Select(e => e.Target));
        AssertSameJson("""{"CreateApplicationRequest":{"Name":"Alpha"}}""", found[0].RequestParametersJson);
        Assert.Empty(missing);
    }

    [Fact]
    public async Task CountByDay_CountsEachUtcDay_InTheRange_ForTheAccounts()
    {
        await new StoreWriter(Store).CommitAllAsync(Events);
        var day10 = DateOnly.FromDateTime(T0);
        var day11 = day10.AddDays(1);

        Assert.Equal([(day10, 6L), (day11, 3L)], await Queries.CountByDayAsync(null, T0.Date, T0.Date.AddDays(2), default));
        Assert.Equal([(day10, 1L), (day11, 2L)], await Queries.CountByDayAsync([AccountB], T0.Date, T0.Date.AddDays(2), default));
        Assert.Equal([(day10, 2L)], await Queries.CountByDayAsync(null, T0.AddMinutes(2), T0.AddDays(1), default));
        Assert.Empty(await Queries.CountByDayAsync([], T0.Date, T0.Date.AddDays(2), default));
    }

    [Fact]
    public async Task Directory_HoldsOneListingPerApplication_MappedFromItsState()
    {
        await new StoreWriter(Store).CommitAllAsync(Events);

        var listings = await Directory.ListAsync(new ApplicationQuery(), null, 10, default);

        Assert.Equal(["app2", "app1", "app3"], listings.Select(l => l.ApplicationId));
        var app1 = listings[1];
        Assert.Equal((AccountA, "us-east-1", "Alpha", false, 4L, 0L), (app1.Account, app1.Region, app1.Name, app1.Deleted, app1.Events, app1.Errors));
        Assert.Equal(new PinpointAggregator.Abstractions.Contracts.Change(T0, Alice, "e01", "CreateApp"), app1.Created);
        Assert.Null(app1.DeletedBy);
        Assert.Equal((T0, T0.AddDays(1)), (app1.FirstEventAt!.Value, app1.LastEventAt!.Value));
        Assert.Equal(new Dictionary<string, long> { ["CreateApp"] = 1, ["GetApp"] = 1, ["UpdateSmsChannel"] = 1, ["UpdateCampaign"] = 1 }, app1.ByAction);
        Assert.Equal(new Dictionary<string, long> { [Alice] = 3, [Bob] = 1 }, app1.Callers);
        Assert.Empty(app1.ErrorCodes);
        var app2 = listings[0];
        Assert.Equal(("eu-west-1", (string?)null, 2L, 1L), (app2.Region, app2.Name, app2.Events, app2.Errors));
        Assert.Equal(new Dictionary<string, long> { ["BadRequestException"] = 1 }, app2.ErrorCodes);
        var app3 = listings[2];
        Assert.True(app3.Deleted);
        Assert.Equal(new PinpointAggregator.Abstractions.Contracts.Change(T0.AddDays(1), Alice, "e07", "DeleteApp"), app3.DeletedBy);
        Assert.Null(app3.Created);
    }

    [Theory]
    [InlineData("none", "app2,app1,app3")]
    [InlineData("accounts-b", "app3")]
    [InlineData("accounts-empty", "")]
    [InlineData("regions-us", "app1,app3")]
    [InlineData("deleted", "app3")]
    [InlineData("alive", "app2,app1")]
    [InlineData("name-lower", "app1")]
    [InlineData("name-upper", "app1")]
    [InlineData("name-percent-is-literal", "")]
    [InlineData("name-absent", "")]
    [InlineData("active-since", "app1,app3")]
    [InlineData("active-since-later", "")]
    [InlineData("has-errors", "app2")]
    [InlineData("combined", "app1")]
    public async Task Directory_EachFilter_ListsExactlyItsApplications(string filter, string expected)
    {
        await new StoreWriter(Store).CommitAllAsync(Events);
        var query = filter switch
        {
            "none" => new ApplicationQuery(),
            "accounts-b" => new ApplicationQuery { Accounts = [AccountB] },
            "accounts-empty" => new ApplicationQuery { Accounts = [] },
            "regions-us" => new ApplicationQuery { Regions = ["us-east-1"] },
            "deleted" => new ApplicationQuery { Deleted = true },
            "alive" => new ApplicationQuery { Deleted = false },
            "name-lower" => new ApplicationQuery { NameContains = "lph" },
            "name-upper" => new ApplicationQuery { NameContains = "ALPHA" },
            "name-percent-is-literal" => new ApplicationQuery { NameContains = "%" },
            "name-absent" => new ApplicationQuery { NameContains = "beta" },
            "active-since" => new ApplicationQuery { ActiveSince = T0.AddDays(1) },
            "active-since-later" => new ApplicationQuery { ActiveSince = T0.AddDays(1).AddSeconds(1) },
            "has-errors" => new ApplicationQuery { HasErrors = true },
            "combined" => new ApplicationQuery { Accounts = [AccountA], Deleted = false, ActiveSince = T0.AddDays(1) },
            _ => throw new ArgumentOutOfRangeException(nameof(filter)),
        };

        var listings = await Directory.ListAsync(query, null, 10, default);

        Assert.Equal(expected, string.Join(',', listings.Select(l => l.ApplicationId)));
    }

    [Fact]
    public async Task Directory_PagesOnTheKey_WithoutSkipsOrRepeats()
    {
        await new StoreWriter(Store).CommitAllAsync(Events);
        var pages = new List<string>();
        (string, string, string)? after = null;
        while (true)
        {
            var page = await Directory.ListAsync(new ApplicationQuery(), after, 1, default);
            if (page.Count == 0)
            {
                break;
            }

            pages.Add(Assert.Single(page).ApplicationId);
            after = (page[0].Account, page[0].Region, page[0].ApplicationId);
        }

        var fromBetween = await Directory.ListAsync(new ApplicationQuery(), (AccountA, "us-east-1", "app0"), 10, default);
        var filteredPage = await Directory.ListAsync(new ApplicationQuery { Regions = ["us-east-1"] }, (AccountA, "eu-west-1", "app2"), 1, default);

        Assert.Equal(["app2", "app1", "app3"], pages);
        Assert.Equal(["app1", "app3"], fromBetween.Select(l => l.ApplicationId));
        Assert.Equal(["app1"], filteredPage.Select(l => l.ApplicationId));
    }

    [Fact]
    public async Task Directory_IsWrittenWithTheState_AndARefusedCommitWritesNeitherListingNorEvents()
    {
        var stale = await StoreWriter.LoadAsync(Store, App1);
        var writer = new StoreWriter(Store);
        await writer.CommitAsync(App1, Events[0].Event);

        await Assert.ThrowsAsync<InconsistentStateException>(() => StoreWriter.ApplyAsync(stale, EventBatch.Of([Read("late", App1, T0.AddHours(1))])));

        var listing = Assert.Single(await Directory.ListAsync(new ApplicationQuery(), null, 10, default));
        Assert.Equal((1L, (DateTime?)T0, "Alpha"), (listing.Events, listing.LastEventAt, listing.Name));
        Assert.Equal(["e01"], (await Queries.SearchAsync(new EventQuery(), null, false, 10, false, default)).Select(e => e.EventId));
    }

    [Fact]
    public async Task Directory_AnAccountsOwnEvents_AddNoListing()
    {
        await new StoreWriter(Store).CommitAsync(AccountBLevel, Events[7].Event);

        Assert.Empty(await Directory.ListAsync(new ApplicationQuery(), null, 10, default));
    }

    [Fact]
    public async Task Feed_FromTheHead_ReturnsEachLaterEventOnce_InCommitOrder()
    {
        var writer = new StoreWriter(Store);
        await writer.CommitAsync(App1, Read("before", App1, T0));
        var head = await Queries.FeedHeadAsync(default);
        string[] later = ["f1", "f2", "f3", "f4", "f5"];
        foreach (var id in later)
        {
            await writer.CommitAsync(id == "f3" ? App3 : App1, Read(id, id == "f3" ? App3 : App1, T0.AddMinutes(1)));
        }

        // PostgreSQL's head may lie a little before the call (xmin is server-wide: another test's open transaction
        // holds it back), so "before" may come too (FeedHeadAsync says so): the read is limited to the later ones.
        var later1 = new EventQuery { From = T0.AddSeconds(30) };
        var (read, cursor) = await ReadFeedUntilAsync(later1, head, limit: 2, later.Length);
        var (nothingMore, _) = await ReadFeedUntilAsync(new EventQuery(), cursor, limit: 2, 0);

        Assert.Equal(later, read.Select(e => e.EventId));
        Assert.Empty(nothingMore);
    }

    [Fact]
    public async Task Feed_Filtered_ReturnsOnlyMatches_AndItsCursorPassesTheRest()
    {
        var writer = new StoreWriter(Store);
        var head = await Queries.FeedHeadAsync(default);
        await writer.CommitAllAsync(Events);
        var accountB = new EventQuery { Accounts = [AccountB] };

        var (matched, cursor) = await ReadFeedUntilAsync(accountB, head, limit: 10, 3);
        await writer.CommitAsync(App1, Read("other", App1, T0.AddHours(1)));

        // The cursor moves past rows that do not match, so a filtered watch does not scan them again: read
        // the filter until an unfiltered read from its cursor no longer finds the non-matching row.
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var page = await Queries.ReadFeedAsync(accountB, cursor, 10, false, default);
            Assert.Empty(page.Events);
            cursor = page.Next;
            var rest = await Queries.ReadFeedAsync(new EventQuery(), cursor, 10, false, default);
            if (rest.Events.Count == 0)
            {
                break;
            }

            Assert.Equal(["other"], rest.Events.Select(e => e.EventId));
            Assert.True(stopwatch.Elapsed < FeedDeadline, "the filtered feed's cursor never passed the row that does not match");
            await Task.Delay(50);
        }

        Assert.Equal(["e06", "e07", "e08"], matched.Select(e => e.EventId).Order(StringComparer.Ordinal));
        Assert.All(matched, e => Assert.Null(e.RequestParametersJson));
    }

    [Fact]
    public async Task Feed_AnAddendum_AppearsAgainAsItsNewVersion_AndRawJsonWhenAsked()
    {
        var writer = new StoreWriter(Store);
        var head = await Queries.FeedHeadAsync(default);
        var original = Read("r1", App1, T0) with { RequestParametersJson = """{"v":1}""" };
        await writer.CommitAsync(App1, original);
        var (first, cursor) = await ReadFeedUntilAsync(new EventQuery(), head, 10, 1, includeRaw: true);
        await writer.CommitAsync(App1, original with { EventId = "r1-addendum", RequestParametersJson = """{"v":2}""", Addendum = new("UPDATED_DATA", null, null, "r1") });

        var (second, _) = await ReadFeedUntilAsync(new EventQuery(), cursor, 10, 1, includeRaw: true);

        Assert.Equal("r1", Assert.Single(first).EventId);
        var replaced = Assert.Single(second);
        Assert.Equal(("r1-addendum", true), (replaced.EventId, replaced.IsAddendum));
        AssertSameJson("""{"v":2}""", replaced.RequestParametersJson);
    }

    [Fact]
    public async Task Feed_EachEvent_CarriesItsOwnResumePoint()
    {
        var writer = new StoreWriter(Store);
        var head = await Queries.FeedHeadAsync(default);
        string[] later = ["g1", "g2", "g3", "g4"];
        foreach (var id in later)
        {
            await writer.CommitAsync(App1, Read(id, App1, T0.AddMinutes(1)));
        }

        var (read, _) = await ReadFeedUntilAsync(new EventQuery(), head, limit: 10, later.Length);

        // A watch hands out the position after each event it sends: resuming from any of them reads exactly the rest.
        Assert.Equal(later, read.Select(e => e.EventId));
        for (var i = 0; i < read.Count; i++)
        {
            var position = read[i].FeedPosition;
            Assert.NotNull(position);
            var (rest, _) = await ReadFeedUntilAsync(new EventQuery(), position.Value, limit: 10, read.Count - i - 1);
            Assert.Equal(later[(i + 1)..], rest.Select(e => e.EventId));
        }
    }

    [Fact]
    public async Task Feed_WithALimitOfZero_DoesNotMove()
    {
        var head = await Queries.FeedHeadAsync(default);
        await new StoreWriter(Store).CommitAsync(App1, Read("r1", App1, T0));

        var page = await Queries.ReadFeedAsync(new EventQuery(), head, 0, false, default);

        Assert.Empty(page.Events);
        Assert.Equal(head, page.Next);
    }

    /// <summary>
    /// Reads the feed from <paramref name="cursor"/>, always continuing from the returned cursor, until
    /// <paramref name="count"/> events arrived (then once more, to see that nothing else does) or the deadline passes.
    /// </summary>
    protected async Task<(List<StoredEvent> Events, FeedCursor Cursor)> ReadFeedUntilAsync(EventQuery query, FeedCursor cursor, int limit, int count, bool includeRaw = false)
    {
        var read = new List<StoredEvent>();
        var stopwatch = Stopwatch.StartNew();
        while (read.Count < count && stopwatch.Elapsed < FeedDeadline)
        {
            var page = await Queries.ReadFeedAsync(query, cursor, limit, includeRaw, default);
            Assert.True(page.Events.Count <= limit);
            Assert.True(Compare(page.Next, cursor) >= 0, "the feed's cursor went back");
            read.AddRange(page.Events);
            cursor = page.Next;
            if (page.Events.Count == 0)
            {
                await Task.Delay(20);
            }
        }

        var last = await Queries.ReadFeedAsync(query, cursor, limit, includeRaw, default);
        read.AddRange(last.Events);
        return (read, last.Next);
    }

    protected static void AssertSameJson(string expected, string? actual)
    {
        Assert.NotNull(actual);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}, got {actual}");
    }

    private static int Compare(FeedCursor a, FeedCursor b) => a.Major != b.Major ? a.Major.CompareTo(b.Major) : a.Minor.CompareTo(b.Minor);

    private async Task<List<StoredEvent>> PageAllAsync(EventQuery query, bool descending, int pageSize)
    {
        var all = new List<StoredEvent>();
        EventPosition? after = null;
        for (var pages = 0; pages < 100; pages++)
        {
            var page = await Queries.SearchAsync(query, after, descending, pageSize, false, default);
            Assert.True(page.Count <= pageSize);
            all.AddRange(page);
            if (page.Count < pageSize)
            {
                return all;
            }

            after = page[^1].Position;
        }

        throw new InvalidOperationException("paging did not end");
    }
}
