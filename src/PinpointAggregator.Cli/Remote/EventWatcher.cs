using Grpc.Core;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Cli.Remote;

/// <summary>
/// Follows WatchEvents for as long as it is cancelled not: every message's cursor is kept, and when a stream
/// that had been accepted drops (or the service ends it), the watch calls again with the last cursor after a
/// short backoff (doubling from <paramref name="firstBackoff"/> up to <paramref name="longestBackoff"/>, reset
/// by any message). So nothing is missed and nothing shown twice. A first call that fails, or a refusal
/// (INVALID_ARGUMENT, UNAUTHENTICATED, ...), is not retried: it is the caller's to report.
/// </summary>
internal sealed class EventWatcher(EventService.EventServiceClient client, TimeSpan firstBackoff, TimeSpan longestBackoff)
{
    // Cancelled counts only when the watch itself was not cancelled: then the service or a proxy ended the call.
    private static readonly StatusCode[] Transient =
    [
        StatusCode.Cancelled, StatusCode.Unavailable, StatusCode.Internal, StatusCode.Unknown, StatusCode.Aborted, StatusCode.DeadlineExceeded, StatusCode.ResourceExhausted,
    ];

    /// <summary>The cursor of the last message received: where a later watch resumes.</summary>
    public string Cursor { get; private set; } = string.Empty;

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="request">The filter and view; its cursor is where the first call starts.</param>
    /// <param name="onEvent">Called with each event, in order, before its cursor is kept.</param>
    /// <param name="onReconnect">Called with why and how long before the watch calls again.</param>
    /// <param name="cancellationToken">Ends the watch (Ctrl-C).</param>
    /// <exception cref="RpcException">The first call failed, or the service refused the watch.</exception>
    public async Task RunAsync(WatchEventsRequest request, Action<Event> onEvent, Action<string, TimeSpan> onReconnect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(onEvent);
        ArgumentNullException.ThrowIfNull(onReconnect);
        Cursor = request.Cursor;
        var accepted = false;
        var backoff = firstBackoff;
        while (!cancellationToken.IsCancellationRequested)
        {
            string reason;
            try
            {
                var call = request.Clone();
                call.Cursor = Cursor;
                using var stream = client.WatchEvents(call, cancellationToken: cancellationToken);
                await stream.ResponseHeadersAsync;
                accepted = true;
                await foreach (var message in stream.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    if (message.Event is not null)
                    {
                        onEvent(message.Event);
                    }

                    if (message.Cursor.Length > 0)
                    {
                        Cursor = message.Cursor;
                    }

                    backoff = firstBackoff;
                }

                reason = "the service ended the stream";
            }
            catch (RpcException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (RpcException e) when (accepted && Transient.Contains(e.StatusCode))
            {
                reason = $"the stream dropped ({e.StatusCode}: {e.Status.Detail})";
            }

            onReconnect(reason, backoff);
            try
            {
                await Task.Delay(backoff, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, longestBackoff.Ticks));
        }
    }
}
