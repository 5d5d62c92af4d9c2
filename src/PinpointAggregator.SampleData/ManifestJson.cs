using System.Text.Json;
using System.Text.Json.Serialization;

namespace PinpointAggregator.SampleData;

/// <summary>JSON settings of <c>manifest.json</c>.</summary>
public static class ManifestJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static IReadOnlyList<SampleFile> Read(string folder) =>
        JsonSerializer.Deserialize<List<SampleFile>>(File.ReadAllText(Path.Combine(folder, SampleTrail.ManifestFileName)), Options) ?? [];
}
