using System.Text.Json;

namespace PinpointAggregator.SampleData;

/// <summary>
/// <c>digest-signatures.json</c>: a JSON object from each digest's key (relative to the bucket root) to its hex
/// signature, the value S3 keeps in the object's <c>x-amz-meta-signature</c>; for uploading the sample with its
/// metadata, or for verifying a local copy as S3 would.
/// </summary>
public static class DigestSignatureMap
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static IReadOnlyDictionary<string, string> Read(string path) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? throw new JsonException($"'{path}' is empty");

    /// <summary>The map, keys in ordinal order so the same sample writes the same bytes.</summary>
    public static void Write(string path, IReadOnlyDictionary<string, string> signatures) =>
        File.WriteAllText(path, JsonSerializer.Serialize(new SortedDictionary<string, string>(signatures.ToDictionary(), StringComparer.Ordinal), Indented));
}
