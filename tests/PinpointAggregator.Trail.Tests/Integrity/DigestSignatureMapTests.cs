using PinpointAggregator.Trail.Integrity.Local;

namespace PinpointAggregator.Trail.Tests.Integrity;

/// <summary>Signature map files: the map as written, and every refusal naming the file.</summary>
public sealed class DigestSignatureMapTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pa-sigmap-").FullName;

    [Fact]
    public void Map_IsReadAsWritten()
    {
        var map = DigestSignatureMap.Load(Write("{\"AWSLogs/a.json.gz\": \"ab01\", \"p/AWSLogs/b.json.gz\": \"not hex\"}"));

        Assert.Equal(new Dictionary<string, string> { ["AWSLogs/a.json.gz"] = "ab01", ["p/AWSLogs/b.json.gz"] = "not hex" }, map);
    }

    [Theory]
    [InlineData("[]", "not a JSON object")]
    [InlineData("{\"k\": 1}", "the value for 'k' is a Number, not a string")]
    [InlineData("{\"k\": \"a\", \"k\": \"b\"}", "the key 'k' appears twice")]
    [InlineData("{\"k\": ", "not valid JSON")]
    public void BadMap_IsRefused(string json, string reason)
    {
        var path = Write(json);

        var error = Assert.Throws<DigestSignatureMapException>(() => DigestSignatureMap.Load(path));

        Assert.StartsWith($"signature map '{path}': ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_IsRefused()
    {
        var error = Assert.Throws<DigestSignatureMapException>(() => DigestSignatureMap.Load(Path.Combine(_folder, "nope.json")));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }
}
