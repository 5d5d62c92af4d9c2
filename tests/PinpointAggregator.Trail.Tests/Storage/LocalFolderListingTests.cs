using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Trail.Tests.Storage;

public sealed class LocalFolderListingTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LocalFolderObjectStore _store;

    public LocalFolderListingTests()
    {
        _store = new LocalFolderObjectStore(_folder.Root);
        _folder.Add("p/b.json", "p/B.json", "p/a/x.json", "p/a.json", "p/a-b.json", "p/a_b.json", "p/A.json", "q/other.json");
    }

    public void Dispose() => _folder.Dispose();

    private Task<TrailObjectListing> List(TrailListRequest request) => _store.ListAsync(request, CancellationToken.None);

    [Fact]
    public async Task Keys_AreInOrdinalOrder()
    {
        var page = await List(new TrailListRequest("p/"));

        // Ordinal: '-' (0x2D) < '.' < '/' (0x2F) < upper case < '_' (0x5F) < lower case.
        Assert.Equal(["p/A.json", "p/B.json", "p/a-b.json", "p/a.json", "p/a/x.json", "p/a_b.json", "p/b.json"], page.Objects.Select(o => o.Key));
        Assert.Empty(page.CommonPrefixes);
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task EachObject_CarriesItsFileLength()
    {
        File.WriteAllBytes(Path.Combine(_folder.Root, "p", "b.json"), new byte[12345]);

        var page = await List(new TrailListRequest("p/"));

        // TempFolder writes each key as its own content, so every other size is the key's length.
        Assert.All(page.Objects.Where(o => o.Key != "p/b.json"), o => Assert.Equal(o.Key.Length, o.Size));
        Assert.Equal(new TrailObject("p/b.json", 12345), page.Objects.Single(o => o.Key == "p/b.json"));
    }

    [Fact]
    public async Task Prefix_NeedNotEndAtAFolder()
    {
        var page = await List(new TrailListRequest("p/a"));

        Assert.Equal(["p/a-b.json", "p/a.json", "p/a/x.json", "p/a_b.json"], page.Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task EmptyPrefix_ListsTheWholeFolder()
    {
        var page = await List(new TrailListRequest(string.Empty));

        Assert.Equal(8, page.Objects.Count);
        Assert.Equal("q/other.json", page.Objects[^1].Key);
    }

    [Fact]
    public async Task MissingFolder_IsAnEmptyListing()
    {
        var page = await List(new TrailListRequest("nothing/here/"));
        Assert.Equal((0, 0, (string?)null), (page.Objects.Count, page.CommonPrefixes.Count, page.ContinuationToken));
    }

    [Theory]
    [InlineData("p/a.json", new[] { "p/a/x.json", "p/a_b.json", "p/b.json" })]
    [InlineData("p/a.jsoo", new[] { "p/a/x.json", "p/a_b.json", "p/b.json" })]
    [InlineData("p/a", new[] { "p/a-b.json", "p/a.json", "p/a/x.json", "p/a_b.json", "p/b.json" })]
    [InlineData("p/b.json", new string[0])]
    [InlineData("o", new[] { "p/A.json", "p/B.json", "p/a-b.json", "p/a.json", "p/a/x.json", "p/a_b.json", "p/b.json" })]
    public async Task StartAfter_IsExclusive(string startAfter, string[] expected)
    {
        var page = await List(new TrailListRequest("p/", StartAfter: startAfter));

        Assert.Equal(expected, page.Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task ContinuationTokenAndStartAfter_TheLaterWins()
    {
        Assert.Equal(["p/b.json"], (await List(new TrailListRequest("p/", StartAfter: "p/a_b.json", ContinuationToken: "p/A.json"))).Objects.Select(o => o.Key));
        Assert.Equal(["p/b.json"], (await List(new TrailListRequest("p/", StartAfter: "p/A.json", ContinuationToken: "p/a_b.json"))).Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task Delimiter_GroupsDeeperKeysIntoCommonPrefixes()
    {
        _folder.Add(
            "AWSLogs/111122223333/CloudTrail/us-east-1/2024/06/01/f.json.gz",
            "AWSLogs/111122223333/CloudTrail/eu-west-1/2024/06/01/f.json.gz",
            "AWSLogs/222233334444/CloudTrail/us-east-1/2024/06/01/f.json.gz",
            "AWSLogs/o-abcd123456/333344445555/CloudTrail/us-east-1/2024/06/01/f.json.gz",
            "AWSLogs/readme.txt");

        var accounts = await List(new TrailListRequest("AWSLogs/", Delimiter: "/"));
        var regions = await List(new TrailListRequest("AWSLogs/111122223333/CloudTrail/", Delimiter: "/"));

        Assert.Equal(["AWSLogs/readme.txt"], accounts.Objects.Select(o => o.Key));
        Assert.Equal(["AWSLogs/111122223333/", "AWSLogs/222233334444/", "AWSLogs/o-abcd123456/"], accounts.CommonPrefixes);
        Assert.Empty(regions.Objects);
        Assert.Equal(["AWSLogs/111122223333/CloudTrail/eu-west-1/", "AWSLogs/111122223333/CloudTrail/us-east-1/"], regions.CommonPrefixes);
    }

    [Fact]
    public async Task Delimiter_WithAPrefixInsideAName_GroupsAfterThePrefix()
    {
        var page = await List(new TrailListRequest("p/a", Delimiter: "/"));

        Assert.Equal(["p/a-b.json", "p/a.json", "p/a_b.json"], page.Objects.Select(o => o.Key));
        Assert.Equal(["p/a/"], page.CommonPrefixes);
    }
}
