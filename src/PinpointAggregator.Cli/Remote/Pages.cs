namespace PinpointAggregator.Cli.Remote;

/// <summary>Reads pages of a List or Search call, following next_page_token, up to a limit.</summary>
internal static class Pages
{
    /// <param name="request">Where to start, the page size and the limit.</param>
    /// <param name="fetch">One call: the page token and size in, the page's rows and next_page_token out.</param>
    /// <returns>The rows, and the token to go on with (empty at the end, and when the limit cut a page short, since no token starts mid-page).</returns>
    public static async Task<PagedRows<T>> ReadAsync<T>(PageRequest request, Func<string, int, Task<(IReadOnlyList<T> Rows, string Next)>> fetch)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(fetch);
        var rows = new List<T>();
        var token = request.PageToken;
        while (true)
        {
            var (page, next) = await fetch(token, request.PageSize);
            var room = request.Limit is { } limit ? limit - rows.Count : int.MaxValue;
            rows.AddRange(page.Take(room));
            if (page.Count > room)
            {
                return new PagedRows<T>(rows, string.Empty, Cut: true);
            }

            if (string.IsNullOrEmpty(next) || rows.Count == request.Limit)
            {
                return new PagedRows<T>(rows, next ?? string.Empty, Cut: false);
            }

            token = next;
        }
    }
}
