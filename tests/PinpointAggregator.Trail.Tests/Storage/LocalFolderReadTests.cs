using System.Text;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Trail.Tests.Storage;

public sealed class LocalFolderReadTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LocalFolderObjectStore _store;

    public LocalFolderReadTests()
    {
        _store = new LocalFolderObjectStore(_folder.Root);
        _folder.Add("AWSLogs/111122223333/CloudTrail/us-east-1/2024/06/01/f.json.gz");
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ExistingKey_OpensAFileStreamForOneSequentialPass()
    {
        const string key = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/06/01/f.json.gz";

        await using var stream = await _store.OpenReadAsync(key, CancellationToken.None);

        // A file handle, not a copy in memory: the object is never buffered whole.
        Assert.IsType<FileStream>(stream);
        Assert.Equal(Encoding.UTF8.GetBytes(key), await ReadToEndAsync(stream));
    }

    [Fact]
    public async Task OpenWithMetadata_GivesTheFile_AndNoMetadata_AFolderKeepsNone()
    {
        const string key = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/06/01/f.json.gz";

        using var opened = await ((ITrailObjectStore)_store).OpenWithMetadataAsync(key, CancellationToken.None);

        Assert.Equal(Encoding.UTF8.GetBytes(key), await ReadToEndAsync(opened.Content));
        Assert.Empty(opened.Metadata);
    }

    [Theory]
    [InlineData("AWSLogs/111122223333/CloudTrail/us-east-1/2024/06/01/missing.json.gz")]
    [InlineData("AWSLogs/999999999999/CloudTrail/us-east-1/2024/06/01/f.json.gz")]
    public async Task MissingKey_IsNotFound(string key)
    {
        var e = await Assert.ThrowsAsync<TrailStoreException>(() => _store.OpenReadAsync(key, CancellationToken.None));

        Assert.Equal((TrailStoreErrorKind.NotFound, "NoSuchKey"), (e.Kind, e.Code));
        Assert.False(e.IsTransient);
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("AWSLogs/../../outside.txt")]
    [InlineData("../bucket-sibling/secret.txt")]
    public async Task KeyLeavingTheFolder_IsRejected_EvenWhenTheFileExists(string key)
    {
        File.WriteAllText(Path.Combine(_folder.Parent, "outside.txt"), "outside");
        Directory.CreateDirectory(Path.Combine(_folder.Parent, "bucket-sibling"));
        File.WriteAllText(Path.Combine(_folder.Parent, "bucket-sibling", "secret.txt"), "secret");

        var e = await Assert.ThrowsAsync<TrailStoreException>(() => _store.OpenReadAsync(key, CancellationToken.None));

        Assert.Equal((TrailStoreErrorKind.NotFound, "InvalidKey"), (e.Kind, e.Code));
    }

    [Fact]
    public async Task KeyWithDotDotThatStaysInside_IsRead()
    {
        await using var stream = await _store.OpenReadAsync("AWSLogs/x/../111122223333/CloudTrail/us-east-1/2024/06/01/f.json.gz", CancellationToken.None);

        Assert.NotEmpty(await ReadToEndAsync(stream));
    }

    private static async Task<byte[]> ReadToEndAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
