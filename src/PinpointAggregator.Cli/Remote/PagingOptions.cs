using System.CommandLine;
using PinpointAggregator.Cli.Connection;

namespace PinpointAggregator.Cli.Remote;

/// <summary>
/// <c>--page-size</c>, <c>--page-token</c>, <c>--limit</c> and <c>--all</c> of a list command. Inventories
/// (applications, accounts) follow every page by default; event lists stop after <c>--limit</c> rows.
/// </summary>
internal sealed class PagingOptions
{
    private const int LargestPage = 1000;
    private readonly int? _defaultLimit;

    private PagingOptions(int? defaultLimit)
    {
        _defaultLimit = defaultLimit;
        PageSize = new("--page-size") { Description = "Rows per call, 1 to 1000 (default: the service's, or the limit)." };
        PageToken = new("--page-token") { Description = "Start from this next_page_token of an earlier call with the same filters." };
        Limit = new("--limit") { Description = defaultLimit is { } l ? $"At most this many rows (default {l})." : "At most this many rows (default: all)." };
        All = new("--all") { Description = "Follow next_page_token to the end of the result." };
    }

    public Option<int?> PageSize { get; }

    public Option<string?> PageToken { get; }

    public Option<int?> Limit { get; }

    public Option<bool> All { get; }

    /// <summary>Every page unless limited.</summary>
    public static PagingOptions AllByDefault() => new(null);

    /// <summary>At most <paramref name="limit"/> rows unless <c>--all</c> or another limit.</summary>
    public static PagingOptions LimitedTo(int limit) => new(limit);

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(PageSize);
        command.Options.Add(PageToken);
        command.Options.Add(Limit);
        command.Options.Add(All);
    }

    /// <exception cref="UsageException">Both <c>--all</c> and <c>--limit</c>, or a limit below 1.</exception>
    public PageRequest Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var all = parse.GetValue(All);
        var limit = parse.GetValue(Limit);
        if (all && limit is not null)
        {
            throw new UsageException("give --all or --limit, not both");
        }

        if (limit is < 1)
        {
            throw new UsageException("--limit must be at least 1");
        }

        limit = all ? null : limit ?? _defaultLimit;
        // The service checks the page size (and names the field when it is out of bounds); unset, a limited
        // list asks for its limit in one page and an unlimited one for the largest page.
        var pageSize = parse.GetValue(PageSize) ?? Math.Min(limit ?? LargestPage, LargestPage);
        return new PageRequest(pageSize, parse.GetValue(PageToken) ?? string.Empty, limit);
    }
}
