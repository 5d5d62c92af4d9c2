namespace PinpointAggregator.SampleData;

/// <summary>Writes a file of the sample under its key (relative to the sample's folder, the bucket root).</summary>
internal static class SampleFolder
{
    public static void Write(string folder, string key, byte[] bytes)
    {
        var path = Path.Combine(folder, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
