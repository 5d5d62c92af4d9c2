using System.Text.Json;
using System.Text.Json.Serialization;

namespace PinpointAggregator.Audit.Summary;

/// <summary>Reads and writes <see cref="ScanSummary"/> in its documented snake_case JSON form.</summary>
public static class ScanSummaryJson
{
    public static string Serialize(ScanSummary summary) => JsonSerializer.Serialize(summary, ScanSummaryJsonContext.Default.ScanSummary);

    public static void Serialize(Stream output, ScanSummary summary) => JsonSerializer.Serialize(output, summary, ScanSummaryJsonContext.Default.ScanSummary);

    public static ScanSummary Deserialize(string json) =>
        JsonSerializer.Deserialize(json, ScanSummaryJsonContext.Default.ScanSummary)
        ?? throw new JsonException("the summary is null");
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate)]
[JsonSerializable(typeof(ScanSummary))]
internal sealed partial class ScanSummaryJsonContext : JsonSerializerContext;
