using System.Globalization;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Trail.Tests.Storage;

public sealed class LocalFolderPagingTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LocalFolderObjectStore _store;

    public LocalFolderPagingTests() => _store = new LocalFolderObjectStore(_folder.Root);

    public void Dispose() => _folder.Dispose();

    private static string[] Numbered(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => prefix + i.ToString("D4", CultureInfo.InvariantCulture) + ".json")];

    [Fact]
    public async Task MoreThanAPage_IsListedInPagesOfAThousand_WithAContinuationToken()
    {
        var keys = Numbered("p/k", 1005);
        _folder.Add(keys);

        var first = await _store.ListAsync(new TrailListRequest("p/"), CancellationToken.None);
        var second = await _store.ListAsync(new TrailListRequest("p/", ContinuationToken: first.ContinuationToken), CancellationToken.None);

        Assert.Equal(LocalFolderObjectStore.PageSize, first.Objects.Count);
        Assert.Equal(keys[..1000], first.Objects.Select(o => o.Key));
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(keys[1000..], second.Objects.Select(o => o.Key));
        Assert.Null(second.ContinuationToken);
    }

    [Fact]
    public async Task ExactlyAPage_HasNoContinuationToken()
    {
        _folder.Add(Numbered("p/k", 1000));

        var page = await _store.ListAsync(new TrailListRequest("p/"), CancellationToken.None);

        Assert.Equal(1000, page.Objects.Count);
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task CommonPrefixAtAPageEnd_IsListedOnce()
    {
        // 999 keys, then a folder of three: the folder's prefix is the page's 1,000th entry.
        _folder.Add(Numbered("p/k", 999));
        _folder.Add("p/z/1.json", "p/z/2.json", "p/z/3.json");

        var keys = new List<string>();
        var prefixes = new List<string>();
        var request = new TrailListRequest("p/", Delimiter: "/");
        for (var pages = 0; pages < 10; pages++)
        {
            var page = await _store.ListAsync(request, CancellationToken.None);
            keys.AddRange(page.Objects.Select(o => o.Key));
            prefixes.AddRange(page.CommonPrefixes);
            if (page.ContinuationToken is null)
            {
                break;
            }

            request = request with { ContinuationToken = page.ContinuationToken };
        }

        Assert.Equal(999, keys.Count);
        Assert.Equal(["p/z/"], prefixes);
    }
}
