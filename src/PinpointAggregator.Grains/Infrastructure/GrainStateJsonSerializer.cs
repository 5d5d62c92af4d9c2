using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace PinpointAggregator.Grains.Infrastructure;

/// <summary>
/// Grain state as plain System.Text.Json: property names, never .NET type names, so a stored state survives
/// renaming a class or an assembly and can be read by anything that reads JSON. The audit fold's state types
/// carry no Orleans attributes, so this is also what lets the grains persist them.
/// </summary>
public sealed class GrainStateJsonSerializer : IGrainStorageSerializer
{
    /// <summary>The options every state is written with: web-style names, enums as strings, nulls left out.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return JsonSerializer.Deserialize<T>(input.ToMemory().Span, Options)!;
    }
}
