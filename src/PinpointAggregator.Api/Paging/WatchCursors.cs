using System.Text;
using PinpointAggregator.Api.Errors;
using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Api.Paging;

/// <summary>
/// Watch cursors: a feed position, signed. Not bound to the watch's filter: the feed position says which
/// stored events have been considered, whatever the filter, so a client may resume with another filter.
/// </summary>
internal sealed class WatchCursors(SignedTokens tokens)
{
    public const string Field = "cursor";

    private static readonly byte[] Context = Encoding.UTF8.GetBytes("pinpoint.aggregator.v1.WatchEvents/cursor");

    public Task<string> IssueAsync(FeedCursor cursor) => tokens.SignAsync(Context, PagePositions.Of(cursor));

    /// <summary>The position in <paramref name="cursor"/>, or null for none; a bad cursor adds a violation of <c>cursor</c>.</summary>
    public async Task<FeedCursor?> ReadAsync(string cursor, FieldViolations violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        var check = await tokens.VerifyAsync(cursor, Context, expires: false);
        if (check.Position is { Length: 2 * sizeof(long) } position)
        {
            return PagePositions.Feed(position);
        }

        violations.Add(Field, $"the cursor {check.Problem ?? "is not a cursor this service issued"}");
        return null;
    }
}
