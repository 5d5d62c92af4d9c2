using System.Text.Json;
using System.Text.Json.Serialization;

namespace PinpointAggregator.SampleData;

/// <summary>
/// JSON of <c>manifest.json</c>: <c>{"files": [...], "expected_findings": [{"kind", "digest_key", "log_key"}, ...]}</c>,
/// snake_case names, enums by name.
/// </summary>
public static class ManifestJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The files of the manifest in <paramref name="folder"/>.</summary>
    public static IReadOnlyList<SampleFile> Read(string folder) => ReadManifest(folder).Files;

    /// <summary>The expected findings of the manifest in <paramref name="folder"/>.</summary>
    public static IReadOnlyList<ExpectedFinding> ReadExpectedFindings(string folder) => ReadManifest(folder).ExpectedFindings;

    public static SampleManifest ReadManifest(string folder) =>
        JsonSerializer.Deserialize<SampleManifest>(File.ReadAllText(Path.Combine(folder, SampleTrail.ManifestFileName)), Options)
        ?? throw new JsonException($"{SampleTrail.ManifestFileName} is empty");

    internal static string Serialize(SampleManifest manifest) => JsonSerializer.Serialize(manifest, Options);
}
