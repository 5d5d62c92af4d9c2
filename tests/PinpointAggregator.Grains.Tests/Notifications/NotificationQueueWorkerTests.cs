using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Grains.Notifications;
using PinpointAggregator.Trail.Notifications;
using static PinpointAggregator.Grains.Tests.Notifications.QueueMessages;

namespace PinpointAggregator.Grains.Tests.Notifications;

/// <summary>The worker against a scripted queue and scripted prefix grains, on a fake clock.</summary>
public sealed class NotificationQueueWorkerTests : IDisposable
{
    private static readonly DateTime Stamp = new(2024, 6, 1, 11, 55, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(60);

    private readonly ServiceProvider _provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, string Tags)> _measurements = [];
    private readonly FakeTimeProvider _time = new(SentAt.AddSeconds(5));
    private readonly FakeQueueClient _queue = new();
    private readonly List<(string Prefix, string[] Keys)> _reads = [];

    public NotificationQueueWorkerTests()
    {
        var factory = _provider.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        _listener.Start();
        Read = (prefix, files) => Task.FromResult<IReadOnlyList<NotifiedFileResult>>([.. files.Select(f => new NotifiedFileResult(f.Key, NotifiedFileOutcome.Read))]);
        Worker = new NotificationQueueWorker(_queue, new NotificationQueueWorkerServices(
            new NotificationOptions { VisibilityTimeout = Visibility, MaxReceives = 3 },
            o => o.Key.StartsWith('a') ? BatchKeyRoute.To("A", Stamp) : o.Key.StartsWith('b') ? BatchKeyRoute.To("B", Stamp) : BatchKeyRoute.Aside(NotificationSetAsideReasons.NotTrailKey),
            (prefix, files) =>
            {
                lock (_reads)
                {
                    _reads.Add((prefix, [.. files.Select(f => f.Key)]));
                }

                return Read(prefix, files);
            },
            new IngestionMetrics(factory),
            new NotificationMetrics(factory),
            _time,
            NullLogger.Instance,
            TimeSpan.FromMilliseconds(1),
            TimeSpan.FromMilliseconds(2)));
    }

    private NotificationQueueWorker Worker { get; }

    /// <summary>What the prefix grains answer; every key read by default.</summary>
    private Func<string, IReadOnlyList<NotifiedFile>, Task<IReadOnlyList<NotifiedFileResult>>> Read { get; set; }

    /// <summary>
    /// Regression: with one batch in flight per queue, a prefix grain busy with a backfill turn held every other
    /// prefix's notifications on the silo. The consumer runs <c>ConsumersPerQueue</c> receive loops on one worker.
    /// </summary>
    [Fact]
    public async Task ABatchWaitingOnABusyPrefix_DoesNotHoldUpAnotherBatch()
    {
        var busy = new TaskCompletionSource<IReadOnlyList<NotifiedFileResult>>(TaskCreationOptions.RunContinuationsAsynchronously);
        Read = (prefix, files) => prefix == "A" ? busy.Task : Task.FromResult<IReadOnlyList<NotifiedFileResult>>([.. files.Select(f => new NotifiedFileResult(f.Key, NotifiedFileOutcome.Read))]);
        _queue.Returns(CloudTrail("slow", 1, "a1"));
        _queue.Returns(CloudTrail("fast", 1, "b1"));

        var slow = Worker.ReceiveOnceAsync(CancellationToken.None);
        Assert.Equal(1, await Worker.ReceiveOnceAsync(CancellationToken.None));

        Assert.False(slow.IsCompleted);
        Assert.Contains("delete:fast", _queue.Calls);
        busy.SetResult([new NotifiedFileResult("a1", NotifiedFileOutcome.Read)]);
        Assert.Equal(1, await slow);
        Assert.Equal("delete:slow", _queue.Calls[^1]);
    }

    [Fact]
    public async Task ABatchWhoseKeysAreRead_IsDeletedInOneRequest_EachPrefixAskedOnce()
    {
        _queue.Returns(CloudTrail("m1", 1, "a1", "b1"), CloudTrail("m2", 1, "a1", "a2"), CloudTrail("m3", 1, "b1"));

        Assert.Equal(3, await Worker.ReceiveOnceAsync(CancellationToken.None));

        Assert.Equal(["receive", "delete:m1,m2,m3"], _queue.Calls);
        Assert.Equal([("A", ["a1", "a2"]), ("B", ["b1"])], [.. _reads.OrderBy(r => r.Prefix, StringComparer.Ordinal).Select(r => (r.Prefix, r.Keys))]);
        var counters = Worker.Tally.Snapshot();
        Assert.Equal(3, counters.MessagesReceived);
        Assert.Equal(3, counters.MessagesDeleted);
        Assert.Equal(3, counters.KeysRouted);
        Assert.Equal(new Dictionary<string, long> { [RequestKinds.SqsReceive] = 1, [RequestKinds.SqsDelete] = 1 }, counters.Requests);
        Assert.Equal(TimeSpan.FromSeconds(5), counters.OldestMessageAge);
        Assert.Equal(TimeSpan.FromSeconds(5), counters.LatencyP99);
        Assert.Equal(3, Sum("pinpoint.notifications.messages_received"));
        Assert.Equal(3, Sum("pinpoint.notifications.messages_deleted"));
        Assert.Equal(1, Sum("pinpoint.store.requests", "kind=SqsReceive"));
        Assert.Equal(1, Sum("pinpoint.store.requests", "kind=SqsDelete"));
        Assert.Equal([5.0, 5.0, 5.0], Values("pinpoint.notifications.latency"));
    }

    [Fact]
    public async Task AnEmptyReceive_CountsOneRequest_AndDeletesNothing()
    {
        Assert.Equal(0, await Worker.ReceiveOnceAsync(CancellationToken.None));

        Assert.Equal(["receive"], _queue.Calls);
        Assert.Equal(new Dictionary<string, long> { [RequestKinds.SqsReceive] = 1 }, Worker.Tally.Snapshot().Requests);
        Assert.Null(Worker.Tally.Snapshot().OldestMessageAge);
    }

    [Fact]
    public async Task AGrainCallThatThrows_KeepsItsMessages_TheOthersAreDeleted()
    {
        Read = (prefix, files) => prefix == "B"
            ? throw new TimeoutException("the prefix grain did not answer")
            : Task.FromResult<IReadOnlyList<NotifiedFileResult>>([.. files.Select(f => new NotifiedFileResult(f.Key, NotifiedFileOutcome.Read))]);
        _queue.Returns(CloudTrail("a", 1, "a1"), CloudTrail("b", 1, "b1"), CloudTrail("ab", 1, "a2", "b2"));

        await Worker.ReceiveOnceAsync(CancellationToken.None);

        Assert.Equal(["receive", "delete:a"], _queue.Calls);
        Assert.Equal(1, Worker.Tally.Snapshot().MessagesDeleted);
    }

    [Fact]
    public async Task KeysStillWaitingAtTheLastReceive_DeleteTheMessage_AsTooManyReceives_WithoutALatency()
    {
        Read = (_, files) => Task.FromResult<IReadOnlyList<NotifiedFileResult>>([.. files.Select(f => new NotifiedFileResult(f.Key, NotifiedFileOutcome.Retrying))]);
        _queue.Returns(CloudTrail("early", 2, "a1"), CloudTrail("last", 3, "a1"));

        await Worker.ReceiveOnceAsync(CancellationToken.None);

        Assert.Equal(["receive", "delete:last"], _queue.Calls);
        var counters = Worker.Tally.Snapshot();
        Assert.Equal(new Dictionary<string, long> { [NotificationSetAsideReasons.TooManyReceives] = 1 }, counters.SetAsideByReason);
        Assert.Equal(1, counters.MessagesDeleted);
        Assert.Null(counters.LatencyP50);
        Assert.Equal(1, Sum("pinpoint.notifications.set_aside", "reason=TooManyReceives"));
        Assert.Empty(Values("pinpoint.notifications.latency"));
    }

    [Fact]
    public async Task MessagesWithNothingToRead_AreDeletedBeforeTheGrainsAreAsked()
    {
        List<string> callsWhenRead = [];
        Read = (_, files) =>
        {
            callsWhenRead = [.. _queue.Calls];
            return Task.FromResult<IReadOnlyList<NotifiedFileResult>>([.. files.Select(f => new NotifiedFileResult(f.Key, NotifiedFileOutcome.AlreadyDone))]);
        };
        _queue.Returns(Body("junk", 1, "not json"), CloudTrail("foreign", 1, "x1"), CloudTrail("good", 1, "a1"));

        await Worker.ReceiveOnceAsync(CancellationToken.None);

        Assert.Equal(["receive", "delete:junk,foreign"], callsWhenRead);
        Assert.Equal(["receive", "delete:junk,foreign", "delete:good"], _queue.Calls);
        var counters = Worker.Tally.Snapshot();
        Assert.Equal(new Dictionary<string, long> { [NotificationSetAsideReasons.NotJson] = 1, [NotificationSetAsideReasons.NotTrailKey] = 1 }, counters.SetAsideByReason);
        Assert.Equal(new Dictionary<string, long> { [RequestKinds.SqsReceive] = 1, [RequestKinds.SqsDelete] = 2 }, counters.Requests);

        // Only the message whose key was read has a latency.
        Assert.Equal([5.0], Values("pinpoint.notifications.latency"));
    }

    [Fact]
    public async Task WhileTheGrainsRead_TheWaitingMessagesStayHidden_EveryHalfTimeout_AndNoLongerAfter()
    {
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Read = async (_, files) =>
        {
            reading.TrySetResult();
            await release.Task;
            return [.. files.Select(f => new NotifiedFileResult(f.Key, NotifiedFileOutcome.Read))];
        };
        _queue.Returns(Body("junk", 1, "not json"), CloudTrail("m1", 1, "a1"), CloudTrail("m2", 1, "b1"));

        var batch = Worker.ReceiveOnceAsync(CancellationToken.None);
        await reading.Task;
        _time.Advance(Visibility / 2);
        await _queue.ExtendedAsync();
        _time.Advance(Visibility / 2);
        await _queue.ExtendedAsync();
        release.SetResult();
        await batch;
        _time.Advance(Visibility * 5);

        Assert.Equal([(["m1", "m2"], Visibility), (["m1", "m2"], Visibility)], [.. _queue.Extensions.Select(e => (e.Ids.ToArray(), e.Visibility))]);
        Assert.Equal(["receive", "delete:junk", "extend:m1,m2", "extend:m1,m2", "delete:m1,m2"], _queue.Calls);
        Assert.Equal(2, Worker.Tally.Snapshot().Requests[RequestKinds.SqsChangeVisibility]);
    }

    [Fact]
    public async Task AMessageTheQueueWouldNotDelete_IsNotCountedAsDeleted()
    {
        _queue.Undeletable.Add("m2");
        _queue.Returns(CloudTrail("m1", 1, "a1"), CloudTrail("m2", 1, "a2"));

        await Worker.ReceiveOnceAsync(CancellationToken.None);

        Assert.Equal(1, Worker.Tally.Snapshot().MessagesDeleted);
        Assert.Equal(1, Sum("pinpoint.notifications.messages_deleted"));
    }

    [Fact]
    public async Task AFailingQueue_IsRetried_AndTheLoopGoesOn()
    {
        _queue.Throws(new NotificationQueueException("SQS ReceiveMessage on queue trail-notifications failed: AWS.SimpleQueueService.NonExistentQueue.") { Code = "AWS.SimpleQueueService.NonExistentQueue" });
        _queue.Throws(new HttpRequestException("connection refused"));
        _queue.Returns(CloudTrail("m1", 1, "a1"));
        _queue.LongPollsWhenEmpty = true;
        using var stop = new CancellationTokenSource();

        // The backoff runs on the fake clock: keep it moving until the message is deleted.
        var run = Worker.RunAsync(stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_queue.Calls.Contains("delete:m1") && DateTime.UtcNow < deadline)
        {
            _time.Advance(TimeSpan.FromMilliseconds(2));
            await Task.Delay(1);
        }

        await stop.CancelAsync();
        await run;

        Assert.Contains("delete:m1", _queue.Calls);
        // Two failed receives, the one that worked, its delete; then perhaps the long poll the stop ended.
        Assert.Equal(["receive", "receive", "receive", "delete:m1"], _queue.Calls.Take(4));
        var counters = Worker.Tally.Snapshot();
        Assert.Equal(1, counters.MessagesDeleted);

        // A receive after the failures succeeded: no error is shown any more.
        Assert.Null(counters.LastError);
    }

    [Fact]
    public void TheLastQueueFailure_IsShown_WithItsCodeOnly()
    {
        var tally = new NotificationQueueTally();
        tally.Failed("SQS ReceiveMessage on queue q failed: AccessDenied.");

        Assert.Equal("SQS ReceiveMessage on queue q failed: AccessDenied.", tally.Snapshot().LastError);

        tally.Received(0, null, SentAt);

        Assert.Null(tally.Snapshot().LastError);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _provider.Dispose();
        _queue.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = string.Join(',', tags.ToArray().Select(t => $"{t.Key}={t.Value}").Order(StringComparer.Ordinal));
        lock (_measurements)
        {
            _measurements.Add((instrument.Name, value, labels));
        }
    }

    private double Sum(string instrument, string? label = null)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument == instrument && (label is null || m.Tags.Split(',').Contains(label))).Sum(m => m.Value);
        }
    }

    private double[] Values(string instrument)
    {
        lock (_measurements)
        {
            return [.. _measurements.Where(m => m.Instrument == instrument).Select(m => m.Value)];
        }
    }
}
