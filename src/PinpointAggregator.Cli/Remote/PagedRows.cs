namespace PinpointAggregator.Cli.Remote;

/// <summary>The rows a list command read and where the result goes on.</summary>
/// <param name="Rows">The rows, in the order the service gave them.</param>
/// <param name="NextPageToken">The token of the page after the last one read; empty when the result ended or a page was cut.</param>
/// <param name="Cut">The limit ended the rows inside a page, so more rows matched than are shown.</param>
internal sealed record PagedRows<T>(IReadOnlyList<T> Rows, string NextPageToken, bool Cut)
{
    /// <summary>Tells on standard error that the result goes on, and how to get the rest.</summary>
    public void NoteMore(ServiceInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (NextPageToken.Length > 0)
        {
            invocation.Note($"{Rows.Count} shown, more match; go on with --page-token {NextPageToken} (or --all)");
        }
        else if (Cut)
        {
            invocation.Note($"{Rows.Count} shown, more match; raise --limit or give --all");
        }
    }
}
