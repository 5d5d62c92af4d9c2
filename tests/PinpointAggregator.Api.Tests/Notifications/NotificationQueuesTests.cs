using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Api.Tests.Ecosystem;
using PinpointAggregator.Api.V1;
using QueueCounters = PinpointAggregator.Abstractions.Contracts.NotificationQueueCounters;

namespace PinpointAggregator.Api.Tests.Notifications;

/// <summary>
/// ListNotificationQueues with queues configured: every queue in configuration order with its name and URL, each
/// silo's report as the silo sent it to the queue's grain, the total the grain sums; the same as JSON; refused to a
/// caller scoped to accounts.
/// </summary>
[Collection(NotificationQueuesService.Name)]
public sealed class NotificationQueuesTests(NotificationQueuesFixture service) : IAsyncLifetime
{
    private const string SiloA = "test-silo-a";
    private const string SiloB = "test-silo-b";
    private static readonly DateTime Noon = new(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private static readonly QueueCounters ReportA = new()
    {
        MessagesReceived = 40,
        MessagesDeleted = 37,
        SetAsideByReason = new Dictionary<string, long> { ["ForeignBucket"] = 1, ["TestEvent"] = 2 },
        KeysRouted = 55,
        Requests = new Dictionary<string, long> { ["SqsReceive"] = 9, ["SqsDelete"] = 4 },
        OldestMessageAge = TimeSpan.FromSeconds(3),
        LatencyP50 = TimeSpan.FromMilliseconds(400),
        LatencyP99 = TimeSpan.FromMilliseconds(1500),
        LastReceiveAt = Noon,
    };

    private static readonly QueueCounters ReportB = new()
    {
        MessagesReceived = 2,
        MessagesDeleted = 1,
        SetAsideByReason = new Dictionary<string, long> { ["TooManyReceives"] = 1 },
        LastError = "AWS.SimpleQueueService.NonExistentQueue: the queue does not exist",
    };

    private readonly OrganizationService.OrganizationServiceClient _org = new(service.Channel);

    public async Task InitializeAsync()
    {
        var grain = service.Services.GetRequiredService<IGrainFactory>().GetGrain<INotificationQueueGrain>(NotificationQueuesFixture.TrailEvents);
        await grain.ReportAsync(SiloA, ReportA, 12, 1);
        await grain.ReportAsync(SiloB, ReportB, null, null);

        // Reports are one-way: wait until the grain has both.
        await Eventually.TrueAsync(async () =>
        {
            var silos = (await grain.GetStatusAsync()).Silos;
            return silos.ContainsKey(SiloA) && silos.ContainsKey(SiloB);
        }, "the queue's grain did not show the test silos' reports");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EveryConfiguredQueue_InOrder_WithEachSilosReportAsSent_AndTheirSum()
    {
        var response = await _org.ListNotificationQueuesAsync(new ListNotificationQueuesRequest());

        Assert.Equal(
            [(NotificationQueuesFixture.TrailEvents, NotificationQueuesFixture.TrailEventsUrl), (NotificationQueuesFixture.Backup, NotificationQueuesFixture.BackupUrl)],
            response.Queues.Select(q => (q.Name, q.Url)));
        var queue = response.Queues[0];
        var a = Assert.Single(queue.Silos, s => s.Silo == SiloA).Counters;
        Assert.Equal(
            (40L, 37L, 55L, Duration.FromTimeSpan(TimeSpan.FromSeconds(3)), Duration.FromTimeSpan(TimeSpan.FromMilliseconds(400)), Duration.FromTimeSpan(TimeSpan.FromMilliseconds(1500)), Timestamp.FromDateTime(Noon), string.Empty),
            (a.MessagesReceived, a.MessagesDeleted, a.KeysRouted, a.OldestMessageAge, a.LatencyP50, a.LatencyP99, a.LastReceiveTime, a.LastError));
        Assert.Equal([("ForeignBucket", 1L), ("TestEvent", 2L)], a.SetAsideByReason.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value)));
        Assert.Equal([("SqsDelete", 4L), ("SqsReceive", 9L)], a.Requests.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value)));
        var b = Assert.Single(queue.Silos, s => s.Silo == SiloB).Counters;
        Assert.Equal((2L, 1L, 0L, null, null, ReportB.LastError), (b.MessagesReceived, b.MessagesDeleted, b.KeysRouted, b.OldestMessageAge, b.LastReceiveTime, b.LastError));
        Assert.Equal([("TooManyReceives", 1L)], b.SetAsideByReason.Select(r => (r.Key, r.Value)));

        // The total is the grain's sum of the silos in the same answer (the service's own silo reports too, and
        // receives nothing: its queue is a port nothing listens on).
        Assert.Equal(queue.Silos.Sum(s => s.Counters.MessagesReceived), queue.Total.MessagesReceived);
        Assert.Equal(queue.Silos.Sum(s => s.Counters.MessagesDeleted), queue.Total.MessagesDeleted);
        Assert.Equal(42L, queue.Total.MessagesReceived);
        Assert.Equal(
            [("ForeignBucket", 1L), ("TestEvent", 2L), ("TooManyReceives", 1L)],
            queue.Total.SetAsideByReason.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value)));
        Assert.NotNull(queue.UpdatedTime);
        Assert.DoesNotContain(response.Queues[1].Silos, s => s.Silo is SiloA or SiloB);
    }

    [Fact]
    public async Task TheServicesOwnConsumer_ReportsEachQueue_FailingWithoutACredentialInTheError()
    {
        ListNotificationQueuesResponse response = null!;
        await Eventually.TrueAsync(async () =>
        {
            response = await _org.ListNotificationQueuesAsync(new ListNotificationQueuesRequest());
            return response.Queues.All(q => q.Silos.Any(s => s.Silo is not (SiloA or SiloB) && s.Counters.LastError.Length > 0));
        }, "the service's consumer did not report its failing queues");

        foreach (var queue in response.Queues)
        {
            var own = queue.Silos.Single(s => s.Silo is not (SiloA or SiloB)).Counters;
            Assert.Equal((0L, 0L), (own.MessagesReceived, own.MessagesDeleted));
            Assert.DoesNotContain(NotificationQueuesFixture.SecretKey, own.LastError, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AsJson_TheSameQueuesAndReports()
    {
        var grpc = await _org.ListNotificationQueuesAsync(new ListNotificationQueuesRequest());
        var (status, body) = await Curl.GetAsync(new Uri(service.HttpAddress, "/v1/notification-queues"), service.Bearer);

        Assert.Equal(200, status);
        var json = JsonParser.Default.Parse<ListNotificationQueuesResponse>(body);
        Assert.Equal(grpc.Queues.Select(q => (q.Name, q.Url)), json.Queues.Select(q => (q.Name, q.Url)));
        // The test silos' reports do not change between the calls (the service's own silo's may).
        Assert.Equal(TestSilos(grpc), TestSilos(json));
        Assert.Equal(2, TestSilos(json).Count);
    }

    [Fact]
    public async Task ACallerScopedToAccounts_IsRefused_AnUnscopedViewerIsServed()
    {
        var viewer = await _org.ListNotificationQueuesAsync(new ListNotificationQueuesRequest(), TestCaller.Viewer());
        var scoped = await Errors.CallFails(() => _org.ListNotificationQueuesAsync(new ListNotificationQueuesRequest(), TestCaller.ScopedViewer("123456789012")).ResponseAsync);

        Assert.Equal(2, viewer.Queues.Count);
        Assert.Equal(StatusCode.PermissionDenied, scoped.StatusCode);
    }

    private static List<NotificationQueueSilo> TestSilos(ListNotificationQueuesResponse response) =>
        [.. response.Queues.SelectMany(q => q.Silos).Where(s => s.Silo is SiloA or SiloB).OrderBy(s => s.Silo, StringComparer.Ordinal)];
}
