using Grpc.Core;
using Microsoft.Extensions.Options;
using PinpointAggregator.Api.Errors;
using PinpointAggregator.Api.Mapping;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Api.Queries;

/// <summary>
/// Streams every event of a result, page by page from the event store. A result larger than
/// <see cref="ApiOptions.MaxExportEvents"/> is refused before the first event is sent, so an export is
/// either whole or nothing; the check counts positions only (no raw JSON).
/// </summary>
internal sealed class EventExport(IEventQueries events, IOptions<ApiOptions> options)
{
    private const int PageSize = 1000;

    public async Task RunAsync(EventQuery query, bool descending, bool full, IServerStreamWriter<Event> stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var max = options.Value.MaxExportEvents;
        if (await CountAsync(query, descending, max + 1, cancellationToken) > max)
        {
            throw FieldViolations.Single("filter", $"matches more than {max} events (Api:MaxExportEvents): narrow it, for example by time range, or page through SearchEvents");
        }

        EventPosition? after = null;
        do
        {
            var (page, next) = await EventPages.ReadAsync(events, query, after, descending, PageSize, full, cancellationToken);
            foreach (var stored in page)
            {
                await stream.WriteAsync(stored.ToProto(full), cancellationToken);
            }

            after = next;
        }
        while (after is not null);
    }

    /// <summary>How many events match, counting at most <paramref name="atMost"/>.</summary>
    private async Task<int> CountAsync(EventQuery query, bool descending, int atMost, CancellationToken cancellationToken)
    {
        var count = 0;
        EventPosition? after = null;
        while (count < atMost)
        {
            var rows = await events.SearchAsync(query, after, descending, Math.Min(PageSize, atMost - count), includeRaw: false, cancellationToken);
            count += rows.Count;
            if (rows.Count == 0 || count >= atMost)
            {
                break;
            }

            after = rows[^1].Position;
        }

        return count;
    }
}
