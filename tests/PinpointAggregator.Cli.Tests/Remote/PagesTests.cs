using PinpointAggregator.Cli.Remote;

namespace PinpointAggregator.Cli.Tests.Remote;

public sealed class PagesTests
{
    [Fact]
    public async Task Unlimited_FollowsEveryPage()
    {
        var calls = new List<(string, int)>();

        var result = await Pages.ReadAsync(new PageRequest(3, string.Empty, null), Serve(calls));

        Assert.Equal(Enumerable.Range(0, 10), result.Rows);
        Assert.Equal((string.Empty, false), (result.NextPageToken, result.Cut));
        Assert.Equal([("", 3), ("3", 3), ("6", 3), ("9", 3)], calls);
    }

    [Fact]
    public async Task LimitAtAPageEnd_StopsThereAndKeepsTheToken()
    {
        var calls = new List<(string, int)>();

        var result = await Pages.ReadAsync(new PageRequest(3, string.Empty, 6), Serve(calls));

        Assert.Equal(Enumerable.Range(0, 6), result.Rows);
        Assert.Equal(("6", false), (result.NextPageToken, result.Cut));
        Assert.Equal(2, calls.Count);
    }

    [Fact]
    public async Task LimitInsideAPage_CutsItAndGivesNoToken()
    {
        var result = await Pages.ReadAsync(new PageRequest(3, string.Empty, 4), Serve([]));

        Assert.Equal(Enumerable.Range(0, 4), result.Rows);
        Assert.Equal((string.Empty, true), (result.NextPageToken, result.Cut));
    }

    [Fact]
    public async Task PageToken_StartsThere()
    {
        var result = await Pages.ReadAsync(new PageRequest(3, "6", null), Serve([]));

        Assert.Equal([6, 7, 8, 9], result.Rows);
    }

    /// <summary>Ten rows, 0 to 9, served a page at a time; a page token is the index of the page's first row.</summary>
    private static Func<string, int, Task<(IReadOnlyList<int> Rows, string Next)>> Serve(List<(string, int)> calls) => (token, size) =>
    {
        calls.Add((token, size));
        var start = token.Length == 0 ? 0 : int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
        var rows = Enumerable.Range(start, Math.Min(size, 10 - start)).ToList();
        var next = start + size < 10 ? (start + size).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
        return Task.FromResult<(IReadOnlyList<int>, string)>((rows, next));
    };
}
