using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Commands;
using PinpointAggregator.Cli.Tests.Fakes;

namespace PinpointAggregator.Cli.Tests.Commands;

/// <summary>
/// <c>notifications</c>, and the mode in <c>status</c> and <c>accounts</c>, over known prefixes in every mode and
/// known queue counts (a fake service): each output format exactly, and exit 3 exactly when a prefix is in FALLBACK.
/// </summary>
public sealed class NotificationsCommandTests
{
    private const string A = "111111111111";
    private const string B = "222222222222";

    private static readonly DateTime Noon = new(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private static Timestamp At(DateTime time) => Timestamp.FromDateTime(time);

    private static Prefix Prefix(string account, string region, PrefixNotifications? notifications) => new()
    {
        Name = $"accounts/{account}/regions/{region}/prefixes/x",
        Account = account,
        Region = region,
        Location = $"trail-bucket/AWSLogs/{account}/CloudTrail/{region}/",
        CaughtUp = true,
        Notifications = notifications,
    };

    private static readonly Prefix Notified = Prefix(A, "us-east-1", new PrefixNotifications
    {
        Mode = PrefixIngestionMode.Notified, LastNotificationTime = At(Noon), FilesNotified = 30, NotifiedAlreadyDone = 1, Fallbacks = 1,
    });

    private static readonly Prefix FellBack = Prefix(A, "eu-west-1", new PrefixNotifications
    {
        Mode = PrefixIngestionMode.Fallback,
        LastNotificationTime = At(Noon.AddMinutes(-102)),
        FilesNotified = 12,
        NotifiedLate = 2,
        FallbackSince = At(Noon.AddHours(-1)),
        FallbackReason = "no notification for 42m while 3 files arrived",
        Fallbacks = 2,
    });

    // From a service that sends no notification status: it polls.
    private static readonly Prefix Polling = Prefix(B, "us-east-1", null);

    private static Account Account(string account, params Prefix[] prefixes)
    {
        var modes = prefixes.Select(p => p.Notifications?.Mode ?? PrefixIngestionMode.Polling).ToList();
        return new Account
        {
            Name = "accounts/" + account,
            Account_ = account,
            Role = new RoleHealth { Healthy = true },
            Prefixes = { prefixes },
            Notifications = new NotificationSummary
            {
                Prefixes = prefixes.Length,
                PrefixesPolling = modes.Count(m => m == PrefixIngestionMode.Polling),
                PrefixesNotified = modes.Count(m => m == PrefixIngestionMode.Notified),
                PrefixesFallback = modes.Count(m => m == PrefixIngestionMode.Fallback),
                LastNotificationTime = prefixes.Select(p => p.Notifications?.LastNotificationTime).OfType<Timestamp>().Max(),
            },
        };
    }

    private static readonly NotificationQueue TrailEvents = new()
    {
        Name = "trail-events",
        Url = "https://sqs.eu-west-1.amazonaws.com/123456789012/trail-events",
        Total = new NotificationQueueCounters
        {
            MessagesReceived = 42,
            MessagesDeleted = 38,
            SetAsideByReason = { ["TestEvent"] = 3, ["ForeignBucket"] = 1 },
            KeysRouted = 55,
            Requests = { ["SqsReceive"] = 9, ["SqsDelete"] = 4 },
            OldestMessageAge = Duration.FromTimeSpan(TimeSpan.FromSeconds(3)),
            LatencyP50 = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(400)),
            LatencyP99 = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(1520)),
            LastReceiveTime = At(Noon.AddSeconds(5)),
        },
        Silos =
        {
            new NotificationQueueSilo { Silo = "silo-a", Counters = new NotificationQueueCounters { MessagesReceived = 2, LastError = "AccessDenied: not allowed" } },
            new NotificationQueueSilo { Silo = "silo-b", Counters = new NotificationQueueCounters { MessagesReceived = 40, MessagesDeleted = 38, SetAsideByReason = { ["ForeignBucket"] = 1, ["TestEvent"] = 3 } } },
        },
        Visible = 12,
        InFlight = 0,
        UpdatedTime = At(Noon.AddSeconds(6)),
    };

    // Configured, but no silo has reported it yet.
    private static readonly NotificationQueue Backup = new() { Name = "backup", Url = "https://sqs.us-east-1.amazonaws.com/123456789012/backup", Total = new NotificationQueueCounters() };

    private static Task<FakeServer> StartAsync(params Account[] accounts) =>
        FakeServer.StartAsync([new FakeOrganization(accounts, [TrailEvents, Backup])]);

    [Fact]
    public async Task Table_TotalsPerMode_TheQueues_ThePrefixesInFallback_ExitThree()
    {
        await using var server = await StartAsync(Account(A, Notified, FellBack), Account(B, Polling));

        var result = await CliRun.RunAsync("notifications", "--address", server.Address);

        Assert.Equal(ExitCodes.NotificationFallback, result.ExitCode);
        Assert.Equal(
            """
            prefixes               3
            polling                1
            notified               1
            FALLBACK               1
            files notified         42
            notified already done  1
            notified late          2
            fallbacks              3
            last notification      2024-06-01T12:00:00Z
            oldest fallback since  2024-06-01T11:00:00Z

            QUEUE         RECEIVED  DELETED  SET_ASIDE  SET_ASIDE_BY_REASON          OLDEST_MESSAGE_AGE  LATENCY_P99  VISIBLE  IN_FLIGHT  LAST_RECEIVE_TIME     LAST_ERROR
            trail-events        42       38          4  ForeignBucket=1 TestEvent=3                  3s         1.5s       12          0  2024-06-01T12:00:05Z
            backup               0        0          0

            ACCOUNT       REGION     FALLBACK_SINCE        LAST_NOTIFICATION_TIME  FALLBACK_REASON
            111111111111  eu-west-1  2024-06-01T11:00:00Z  2024-06-01T10:18:00Z    no notification for 42m while 3 files arrived

            """,
            result.Out);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Json_IsOneDocument_QueuesAsTheServiceSendsThem_PrefixTotals_AndTheFallbackPrefixes()
    {
        await using var server = await StartAsync(Account(A, Notified, FellBack), Account(B, Polling));

        var result = await CliRun.RunAsync("notifications", "--address", server.Address, "--output", "json");

        Assert.Equal(ExitCodes.NotificationFallback, result.ExitCode);
        var document = JsonNode.Parse(result.Out)!;
        var queues = JsonParser.Default.Parse<ListNotificationQueuesResponse>(new JsonObject { ["queues"] = document["queues"]!.DeepClone() }.ToJsonString());
        Assert.Equal([TrailEvents, Backup], queues.Queues);
        var totals = JsonParser.Default.Parse<NotificationSummary>(document["prefixes"]!.ToJsonString());
        Assert.Equal((3, 1, 1, 1, 42L, 3L), (totals.Prefixes, totals.PrefixesPolling, totals.PrefixesNotified, totals.PrefixesFallback, totals.FilesNotified, totals.Fallbacks));
        var fallback = JsonParser.Default.Parse<Prefix>(Assert.Single(document["fallback"]!.AsArray())!.ToJsonString());
        Assert.Equal((A, "eu-west-1", FellBack.Location, FellBack.Notifications), (fallback.Account, fallback.Region, fallback.Location, fallback.Notifications));
    }

    [Fact]
    public async Task Csv_IsTheQueueRows_WithEveryColumn_PerSiloWithSilos()
    {
        await using var server = await StartAsync(Account(A, Notified));

        var totals = await CliRun.RunAsync("notifications", "--address", server.Address, "--output", "csv");
        var silos = await CliRun.RunAsync("notifications", "--address", server.Address, "--output", "csv", "--silos");

        Assert.Equal(
            [
                "queue,received,deleted,set_aside,set_aside_by_reason,oldest_message_age,latency_p99,visible,in_flight,last_receive_time,last_error,latency_p50,keys_routed,requests,updated_time,url",
                "trail-events,42,38,4,ForeignBucket=1 TestEvent=3,3s,1.5s,12,0,2024-06-01T12:00:05Z,,400ms,55,SqsDelete=4 SqsReceive=9,2024-06-01T12:00:06Z,https://sqs.eu-west-1.amazonaws.com/123456789012/trail-events",
                "backup,0,0,0,,,,,,,,,0,,,https://sqs.us-east-1.amazonaws.com/123456789012/backup",
            ],
            totals.Lines);
        Assert.Equal(
            [
                "queue,silo,received,deleted,set_aside,set_aside_by_reason,oldest_message_age,latency_p99,visible,in_flight,last_receive_time,last_error,latency_p50,keys_routed,requests,updated_time,url",
                "trail-events,silo-a,2,0,0,,,,12,0,,AccessDenied: not allowed,,0,,2024-06-01T12:00:06Z,https://sqs.eu-west-1.amazonaws.com/123456789012/trail-events",
                "trail-events,silo-b,40,38,4,ForeignBucket=1 TestEvent=3,,,12,0,,,,0,,2024-06-01T12:00:06Z,https://sqs.eu-west-1.amazonaws.com/123456789012/trail-events",
            ],
            silos.Lines);
        // No prefix in FALLBACK: success, whatever the queues say.
        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (totals.ExitCode, silos.ExitCode));
    }

    [Fact]
    public async Task NoQueueConfigured_SaysSoOnStandardError_NoPrefixInFallback_ExitsZero()
    {
        await using var server = await FakeServer.StartAsync([new FakeOrganization([Account(B, Polling)], [])]);

        var table = await CliRun.RunAsync("notifications", "--address", server.Address);
        var json = await CliRun.RunAsync("notifications", "--address", server.Address, "--output", "json");

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (table.ExitCode, json.ExitCode));
        Assert.Equal("prefixes               1", table.Lines[0]);
        Assert.Equal("polling                1", table.Lines[1]);
        Assert.Equal(10, table.Lines.Length);
        Assert.Equal("notifications: no notification queue is configured (Ingestion:Notifications:Queues): every prefix polls\n", table.Error);
        Assert.Empty(JsonNode.Parse(json.Out)!["queues"]!.AsArray());
        Assert.Empty(JsonNode.Parse(json.Out)!["fallback"]!.AsArray());
    }

    [Fact]
    public async Task Status_ShowsEachPrefixsMode_FallbackInCapitals()
    {
        await using var server = await StartAsync(Account(A, Notified, FellBack), Account(B, Polling));

        var table = await CliRun.RunAsync("status", "--address", server.Address);
        var csv = await CliRun.RunAsync("status", "--address", server.Address, "--output", "csv");

        Assert.Equal(ExitCodes.Success, table.ExitCode);
        var mode = Array.IndexOf(table.Lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries), "MODE");
        Assert.Equal(["notified", "FALLBACK", "polling"], table.Lines.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[mode]));
        var header = csv.Lines[0].Split(',');
        var rows = csv.Lines.Skip(1).Select(l => l.Split(',')).ToList();
        string Cell(string[] row, string column) => row[Array.IndexOf(header, column)];
        Assert.Equal(
            [
                ("us-east-1", "notified", "2024-06-01T12:00:00Z", "30", "", ""),
                ("eu-west-1", "FALLBACK", "2024-06-01T10:18:00Z", "12", "2024-06-01T11:00:00Z", "no notification for 42m while 3 files arrived"),
                ("us-east-1", "polling", "", "0", "", ""),
            ],
            rows.Select(r => (Cell(r, "region"), Cell(r, "mode"), Cell(r, "last_notification_time"), Cell(r, "files_notified"), Cell(r, "fallback_since"), Cell(r, "fallback_reason"))));
    }

    [Fact]
    public async Task Accounts_ShowTheirPrefixesModes_OneModeAlone_MixedModesCounted_FallbackFirst()
    {
        await using var server = await StartAsync(Account(A, Notified, FellBack), Account(B, Polling));

        var csv = await CliRun.RunAsync("accounts", "--address", server.Address, "--output", "csv");
        var one = await CliRun.RunAsync("accounts", A, "--address", server.Address);
        var problems = await CliRun.RunAsync("accounts", "--address", server.Address, "--problems-only", "--output", "csv");

        var header = csv.Lines[0].Split(',');
        Assert.Equal(
            [(A, "FALLBACK=1 notified=1", "1", "1"), (B, "polling", "0", "0")],
            csv.Lines.Skip(1).Select(l => l.Split(',')).Select(r => (r[0], r[Array.IndexOf(header, "mode")], r[Array.IndexOf(header, "prefixes_notified")], r[Array.IndexOf(header, "prefixes_fallback")])));
        Assert.Contains("mode                  FALLBACK=1 notified=1", one.Lines);
        Assert.Contains("last notification     2024-06-01T12:00:00Z", one.Lines);
        Assert.Equal([A], problems.Lines.Skip(1).Select(l => l.Split(',')[0]));
    }
}
