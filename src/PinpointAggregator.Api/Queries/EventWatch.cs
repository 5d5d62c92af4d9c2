using Grpc.Core;
using Microsoft.Extensions.Options;
using PinpointAggregator.Api.Mapping;
using PinpointAggregator.Api.Paging;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Api.Queries;

/// <summary>
/// Follows the event store's feed for one watch: reads it every <see cref="ApiOptions.WatchPollInterval"/>,
/// sends each matching event with the signed cursor right after it, and a heartbeat carrying the current
/// cursor when nothing was sent for <see cref="ApiOptions.WatchHeartbeatInterval"/> (and once at the start,
/// so a client holds a resume point before the first event). Ends when the call is cancelled or its
/// deadline passes. The feed is the store's, so events stored by any silo arrive. Each watch polls the store,
/// so a silo serves at most <see cref="ApiOptions.MaxWatches"/>, and one caller at most
/// <see cref="ApiOptions.MaxWatchesPerCaller"/>; one more is RESOURCE_EXHAUSTED.
/// </summary>
internal sealed class EventWatch(IEventQueries events, WatchCursors cursors, IOptions<ApiOptions> options, TimeProvider time)
{
    /// <summary>Events read from the feed per round; a full round reads again at once.</summary>
    private const int BatchSize = 500;

    private readonly Dictionary<string, int> _byCaller = new(StringComparer.Ordinal);
    private int _running;

    /// <summary>Watches running on this silo now (tests check that a cancelled watch stops on the server).</summary>
    public int Running
    {
        get
        {
            lock (_byCaller)
            {
                return _running;
            }
        }
    }

    /// <param name="subject">Who watches (the token's subject), for the per-caller limit.</param>
    /// <param name="query">The watch's filter, scoped.</param>
    /// <param name="from">The client's cursor, or null to start at the feed's head (events stored from now on).</param>
    /// <param name="full">Whether events carry their raw JSON.</param>
    /// <param name="stream">The response stream.</param>
    /// <param name="cancellationToken">The call's: cancelled by the client, its deadline or the server's shutdown.</param>
    public async Task RunAsync(string subject, EventQuery query, FeedCursor? from, bool full, IServerStreamWriter<WatchEventsResponse> stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var settings = options.Value;
        Admit(subject, settings);
        try
        {
            var cursor = from ?? await events.FeedHeadAsync(cancellationToken);
            await stream.WriteAsync(new WatchEventsResponse { Cursor = await cursors.IssueAsync(cursor) }, cancellationToken);
            var lastSent = time.GetTimestamp();
            while (!cancellationToken.IsCancellationRequested)
            {
                var page = await events.ReadFeedAsync(query, cursor, BatchSize, full, cancellationToken);
                for (var i = 0; i < page.Events.Count; i++)
                {
                    var stored = page.Events[i];
                    var after = stored.FeedPosition ?? (i == page.Events.Count - 1 ? page.Next : throw MissingPosition());
                    await stream.WriteAsync(new WatchEventsResponse { Event = stored.ToProto(full), Cursor = await cursors.IssueAsync(after) }, cancellationToken);
                    lastSent = time.GetTimestamp();
                }

                cursor = page.Next;
                if (page.Events.Count >= BatchSize)
                {
                    continue;
                }

                if (time.GetElapsedTime(lastSent) >= settings.WatchHeartbeatInterval)
                {
                    await stream.WriteAsync(new WatchEventsResponse { Cursor = await cursors.IssueAsync(cursor) }, cancellationToken);
                    lastSent = time.GetTimestamp();
                }

                await Task.Delay(settings.WatchPollInterval, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away or its deadline passed: the watch ends; there is nobody to answer.
        }
        finally
        {
            Release(subject);
        }
    }

    private void Admit(string subject, ApiOptions settings)
    {
        lock (_byCaller)
        {
            var mine = _byCaller.GetValueOrDefault(subject);
            if (_running >= settings.MaxWatches || mine >= settings.MaxWatchesPerCaller)
            {
                throw new RpcException(new Status(StatusCode.ResourceExhausted, _running >= settings.MaxWatches
                    ? $"This silo serves {settings.MaxWatches} watches already (Api:MaxWatches); try again later or on another silo."
                    : $"This caller holds {settings.MaxWatchesPerCaller} watches on this silo already (Api:MaxWatchesPerCaller); end one first."));
            }

            _byCaller[subject] = mine + 1;
            _running++;
        }
    }

    private void Release(string subject)
    {
        lock (_byCaller)
        {
            _running--;
            if (--_byCaller[subject] == 0)
            {
                _byCaller.Remove(subject);
            }
        }
    }

    private static InvalidOperationException MissingPosition() =>
        new("The event store's feed returned an event without its feed position (StoredEvent.FeedPosition); a watch cannot hand out a resume point for it.");
}
