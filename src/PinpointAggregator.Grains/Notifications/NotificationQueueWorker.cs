using Microsoft.Extensions.Logging;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Trail.Notifications;

namespace PinpointAggregator.Grains.Notifications;

/// <summary>
/// Consumes one queue on this silo: long-poll receive, <see cref="NotificationBatch"/> (parse, route, group), each prefix
/// grain asked once per batch (in parallel), the batch's messages kept hidden while the calls run, then a batched delete
/// of what is done. A failure talking to the queue backs off with jitter and never ends the loop.
/// </summary>
/// <remarks>
/// Orleans and SQS stay outside: the prefix grains are <see cref="NotificationQueueWorkerServices.Read"/>, the queue an
/// <see cref="INotificationQueueClient"/>. Every SQS request is counted by kind, in <c>pinpoint.store.requests</c> and in
/// the queue's counters. A message receive batch holds at most 10 messages (<see cref="NotificationOptions.MaxMessages"/>),
/// so each delete and each visibility change is one request.
/// </remarks>
public sealed partial class NotificationQueueWorker(INotificationQueueClient client, NotificationQueueWorkerServices services)
{
    /// <summary>SQS's limit on one batch request's entries.</summary>
    private const int BatchEntries = 10;

    private readonly NotificationOptions _options = services.Options;
    private readonly TimeProvider _time = services.Time;
    private readonly ILogger _logger = services.Logger;

    public string Name => client.Name;

    /// <summary>This silo's totals for the queue.</summary>
    public NotificationQueueTally Tally { get; } = new();

    /// <summary>Receives and handles batches until <paramref name="stopping"/>; never throws for the queue's or a grain's failure.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ReceiveOnceAsync(stopping).ConfigureAwait(false);
                failures = 0;
                continue;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                var delay = Backoff.Delay(failures, services.RetryBaseDelay, services.MaxRetryDelay);
                Failed(e, failures, delay);
                try
                {
                    await Task.Delay(delay, _time, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One receive and its batch, start to end. Returns how many messages came.</summary>
    public async Task<int> ReceiveOnceAsync(CancellationToken stopping)
    {
        Count(RequestKinds.SqsReceive, 1);
        var messages = await client.ReceiveAsync(_options.MaxMessages, _options.WaitTime, _options.VisibilityTimeout, stopping).ConfigureAwait(false);
        var receivedAt = _time.GetUtcNow().UtcDateTime;
        TimeSpan? oldest = messages.Count == 0 ? null : receivedAt - messages.Min(m => m.SentAt);
        Tally.Received(messages.Count, oldest, receivedAt);
        if (messages.Count == 0)
        {
            return 0;
        }

        services.Metrics.Received(Name, messages.Count);
        services.Metrics.OldestMessageAge(Name, oldest!.Value);
        await HandleAsync(messages, receivedAt).ConfigureAwait(false);
        return messages.Count;
    }

    /// <summary>
    /// Handles one receive batch. Not cancelled by the silo stopping: the grain calls are not cancellable, and deleting
    /// what they finished spares the next consumer the work (it would find the keys done, at no GET, all the same).
    /// </summary>
    private async Task HandleAsync(IReadOnlyList<QueueMessage> messages, DateTime receivedAt)
    {
        var batch = NotificationBatch.Plan(messages, _options, services.Route);
        foreach (var (message, error) in batch.Faults)
        {
            LogMessageFaulted(_logger, error, Name, message.MessageId, message.ReceiveCount);
        }

        CountSetAside(batch.SetAside);
        await DeleteAsync(batch.DeleteNow, latency: false).ConfigureAwait(false);
        var calls = batch.Calls;
        Tally.Routed(batch.KeysRouted);
        var answers = new Dictionary<string, IReadOnlyList<NotifiedFileResult>>(StringComparer.Ordinal);
        if (calls.Count > 0)
        {
            using var extension = new CancellationTokenSource();
            var extending = ExtendWhileReadingAsync(batch.Waiting, receivedAt, extension.Token);
            try
            {
                await ReadAllAsync(calls, answers).ConfigureAwait(false);
            }
            finally
            {
                await extension.CancelAsync().ConfigureAwait(false);
                await extending.ConfigureAwait(false);
            }
        }

        var outcome = batch.Complete(answers);
        CountSetAside(outcome.SetAside);
        foreach (var message in outcome.GivenUp)
        {
            LogGivenUp(_logger, Name, message.MessageId, message.ReceiveCount);
        }

        await DeleteAsync(outcome.Done, latency: true).ConfigureAwait(false);
        await DeleteAsync(outcome.GivenUp, latency: false).ConfigureAwait(false);
    }

    private async Task ReadAllAsync(IReadOnlyDictionary<string, IReadOnlyList<NotifiedFile>> calls, Dictionary<string, IReadOnlyList<NotifiedFileResult>> answers)
    {
        var failures = await BoundedFanOut.RunAsync(calls, BoundedFanOut.DefaultMaxInFlight, async call =>
        {
            var results = await services.Read(call.Key, call.Value).ConfigureAwait(false);
            lock (answers)
            {
                answers[call.Key] = results;
            }
        }).ConfigureAwait(false);
        foreach (var (call, error) in failures)
        {
            // Its messages are kept: they come back after the visibility timeout and the keys are asked for again.
            LogReadFailed(_logger, error, Name, call.Key, call.Value.Count, error.GetType().Name);
        }
    }

    /// <summary>
    /// Every half visibility timeout from the receive, hides the waiting messages for a whole one more, until stopped. The
    /// cadence is fixed from the receive, so a slow extension does not push the next one back.
    /// </summary>
    private async Task ExtendWhileReadingAsync(IReadOnlyList<QueueMessage> waiting, DateTime receivedAt, CancellationToken stop)
    {
        var half = _options.VisibilityTimeout / 2;
        var next = receivedAt + half;
        while (true)
        {
            var wait = next - _time.GetUtcNow().UtcDateTime;
            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, stop).ConfigureAwait(false);
                }

                Count(RequestKinds.SqsChangeVisibility, Requests(waiting.Count));
                await client.ExtendVisibilityAsync(waiting, _options.VisibilityTimeout, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The messages may come back to another consumer: it finds their keys done (no GET) or reads them once.
                LogExtendFailed(_logger, Name, waiting.Count, Describe(e));
                Tally.Failed(Describe(e));
            }

            // Behind schedule (a slow or failed extension): the next one half a timeout from now, not a burst to catch up.
            next += half;
            var now = _time.GetUtcNow().UtcDateTime;
            if (next < now)
            {
                next = now + half;
            }
        }
    }

    private async Task DeleteAsync(IReadOnlyList<QueueMessage> messages, bool latency)
    {
        if (messages.Count == 0)
        {
            return;
        }

        Count(RequestKinds.SqsDelete, Requests(messages.Count));
        var failed = (await client.DeleteAsync(messages, CancellationToken.None).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var deleted = messages.Where(m => !failed.Contains(m.MessageId)).ToList();
        if (failed.Count > 0)
        {
            // A receipt handle that expired (the message went back to the queue): whoever has it now deletes it.
            LogDeleteFailed(_logger, Name, failed.Count);
        }

        var now = _time.GetUtcNow().UtcDateTime;
        services.Metrics.Deleted(Name, deleted.Count);
        var latencies = latency ? deleted.Select(m => now - m.SentAt).ToList() : [];
        foreach (var value in latencies)
        {
            services.Metrics.Latency(Name, value);
        }

        Tally.Deleted(deleted.Count, latencies);
    }

    private void CountSetAside(IReadOnlyDictionary<string, long> reasons)
    {
        foreach (var (reason, count) in reasons)
        {
            services.Metrics.SetAside(Name, reason, count);
            Tally.SetAside(reason, count);
        }
    }

    private void Count(string kind, int requests)
    {
        for (var i = 0; i < requests; i++)
        {
            services.Ingestion.Request(kind);
            Tally.Request(kind);
        }
    }

    private static int Requests(int messages) => (messages + BatchEntries - 1) / BatchEntries;

    private void Failed(Exception e, int failures, TimeSpan delay)
    {
        var error = Describe(e);
        Tally.Failed(error);
        if (e is NotificationQueueException)
        {
            // Its message is the whole story (queue, request, code) and safe to log; the SDK's inner text may not be.
            LogQueueFailed(_logger, Name, error, failures, delay);
        }
        else
        {
            LogConsumerFailed(_logger, e, Name, failures, delay);
        }
    }

    private static string Describe(Exception e) => e is NotificationQueueException queue ? queue.Message : e.GetType().Name;

    [LoggerMessage(800, LogLevel.Warning, "Notification queue {Queue}: {Error} (failure {Failures} in a row); trying again in {Delay}")]
    private static partial void LogQueueFailed(ILogger logger, string queue, string error, int failures, TimeSpan delay);

    [LoggerMessage(801, LogLevel.Error, "Notification queue {Queue}: the consumer failed (failure {Failures} in a row); trying again in {Delay}")]
    private static partial void LogConsumerFailed(ILogger logger, Exception exception, string queue, int failures, TimeSpan delay);

    [LoggerMessage(802, LogLevel.Warning, "Notification queue {Queue}: prefix {Prefix} did not answer for {Keys} notified keys ({Error}); their messages come back after the visibility timeout")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, string queue, string prefix, int keys, string error);

    [LoggerMessage(803, LogLevel.Warning, "Notification queue {Queue}: extending the visibility of {Messages} messages failed: {Error}")]
    private static partial void LogExtendFailed(ILogger logger, string queue, int messages, string error);

    [LoggerMessage(804, LogLevel.Information, "Notification queue {Queue}: {Failed} messages were not deleted (their receipt expired); they are read again, at no GET for done keys")]
    private static partial void LogDeleteFailed(ILogger logger, string queue, int failed);

    [LoggerMessage(805, LogLevel.Warning, "Notification queue {Queue}: message {MessageId} received {Receives} times with keys still waiting; deleted and set aside (its keys wait in their prefixes' retry state)")]
    private static partial void LogGivenUp(ILogger logger, string queue, string messageId, int receives);

    [LoggerMessage(806, LogLevel.Error, "Notification queue {Queue}: message {MessageId} (receive {Receives}) could not be handled; it is kept until its last receive")]
    private static partial void LogMessageFaulted(ILogger logger, Exception exception, string queue, string messageId, int receives);
}
