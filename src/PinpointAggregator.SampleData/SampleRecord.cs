using System.Text.Json.Nodes;

namespace PinpointAggregator.SampleData;

/// <summary>A generated record: its serialized JSON and its facts.</summary>
internal sealed record SampleRecord(string Json, EventFacts Facts)
{
    public bool IsPinpoint => Facts.EventSource == SampleRecordShell.PinpointSource;

    public JsonObject ToNode() => (JsonObject)JsonNode.Parse(Json)!;
}
