using System.Text.Json;
using System.Text.Json.Nodes;

namespace PinpointAggregator.Audit.Tests.Fold;

/// <summary>
/// JSON with object properties (and so dictionary keys) in ordinal order, so two states compare equal
/// whatever order their dictionaries were filled in. Arrays keep their order: it is part of the state.
/// </summary>
internal static class CanonicalJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Of<T>(T value) => Sorted(JsonSerializer.SerializeToNode(value))?.ToJsonString(Indented) ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
