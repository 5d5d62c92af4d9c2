using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Grains.Tests.Infrastructure;

/// <summary>
/// Region folders are written by member accounts: a listing of them reads at most the pages it is allowed, and says
/// when it stopped (review finding: a million made-up folders cost a thousand LISTs every discovery round).
/// </summary>
public sealed class DelimiterListingTests(DelimiterListingTests.FloodedFolder folder) : IClassFixture<DelimiterListingTests.FloodedFolder>
{
    private const string Regions = "AWSLogs/111122223333/CloudTrail/";
    private readonly string _root = folder.Root;

    [Fact]
    public async Task Unbounded_ReadsEveryPage()
    {
        var lists = 0;

        var names = await DelimiterListing.ChildNamesAsync(new LocalFolderObjectStore(_root), Regions, () => lists++, CancellationToken.None);

        Assert.Equal(2501, names.Count);
        Assert.Equal(3, lists);
    }

    [Fact]
    public async Task Bounded_StopsAfterItsPages_AndSaysSo()
    {
        var lists = 0;

        var (names, truncated) = await DelimiterListing.ChildNamesAsync(new LocalFolderObjectStore(_root), Regions, maxPages: 2, () => lists++, CancellationToken.None);

        Assert.True(truncated);
        Assert.Equal(2, lists);
        Assert.Equal(2000, names.Count);
        Assert.DoesNotContain("us-east-1", names);
    }

    [Fact]
    public async Task Bounded_ThatReachesTheEnd_IsNotTruncated()
    {
        var (names, truncated) = await DelimiterListing.ChildNamesAsync(new LocalFolderObjectStore(_root), Regions, maxPages: 3, () => { }, CancellationToken.None);

        Assert.False(truncated);
        Assert.Contains("us-east-1", names);
    }

    [Fact]
    public async Task Any_FindsARegionPastTheFloodInOneList()
    {
        var lists = 0;
        var store = new LocalFolderObjectStore(_root);

        Assert.True(await DelimiterListing.AnyAsync(store, $"{Regions}us-east-1/", () => lists++, CancellationToken.None));
        Assert.False(await DelimiterListing.AnyAsync(store, $"{Regions}eu-west-1/", () => lists++, CancellationToken.None));
        Assert.Equal(2, lists);
    }

    /// <summary>2,500 made-up region folders that sort before the real region (three pages of S3's 1,000), made once.</summary>
    public sealed class FloodedFolder : IDisposable
    {
        public FloodedFolder()
        {
            for (var i = 0; i < 2500; i++)
            {
                Write($"{Regions}aa-fake-{i:D4}/x");
            }

            Write($"{Regions}us-east-1/2024/06/01/log.json.gz");
        }

        public string Root { get; } = Directory.CreateTempSubdirectory("pa-delimiter-").FullName;

        public void Dispose() => Directory.Delete(Root, recursive: true);

        private void Write(string key)
        {
            var path = Path.Combine(Root, key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, [1]);
        }
    }
}
