namespace PinpointAggregator.SampleData.Tests;

/// <summary>A throw-away folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("pa-test-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
