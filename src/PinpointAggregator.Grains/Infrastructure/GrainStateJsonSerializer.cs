using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Orleans.Storage;
using PinpointAggregator.Grains.Prefixes;

namespace PinpointAggregator.Grains.Infrastructure;

/// <summary>
/// Grain state as plain System.Text.Json: property names, never .NET type names, so a stored state survives
/// renaming a class or an assembly and can be read by anything that reads JSON. The audit fold's state types
/// carry no Orleans attributes, so this is also what lets the grains persist them.
/// </summary>
/// <remarks>
/// Every persisted state has a <c>version</c> naming its shape. A state stored by an older shape goes through
/// the type's <see cref="IStateUpgrader"/> before it is bound; one stored by a newer shape than this build
/// knows is refused, because reading it would silently drop what this build cannot represent and the next
/// write would destroy it.
/// </remarks>
public sealed class GrainStateJsonSerializer : IGrainStorageSerializer
{
    private readonly Dictionary<Type, IStateUpgrader> _upgraders;

    /// <summary>The serializer with the grains' own upgraders.</summary>
    public GrainStateJsonSerializer()
        : this([new TrailPrefixStateUpgrader()])
    {
    }

    public GrainStateJsonSerializer(IEnumerable<IStateUpgrader> upgraders)
    {
        ArgumentNullException.ThrowIfNull(upgraders);
        _upgraders = upgraders.ToDictionary(u => u.StateType);
    }

    /// <summary>
    /// The options every state is written with: web-style names, enums as strings, nulls left out. Read-only
    /// from the start, so their metadata (<see cref="JsonSerializerOptions.GetTypeInfo"/>) is usable before
    /// any state was serialized.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var json = input.ToMemory().Span;
        if (!_upgraders.TryGetValue(typeof(T), out var upgrader) || StoredStateVersion.Read(json) is not { } stored || stored == upgrader.CurrentVersion)
        {
            return JsonSerializer.Deserialize<T>(json, Options)!;
        }

        if (stored > upgrader.CurrentVersion)
        {
            throw new NotSupportedException(
                $"A stored {typeof(T).Name} has version {stored}, newer than this build's {upgrader.CurrentVersion}: it was written by a newer release. Run that release (or newer) against this storage.");
        }

        var state = JsonNode.Parse(json)!.AsObject();
        upgrader.Upgrade(state, stored);
        state["version"] = upgrader.CurrentVersion;
        return state.Deserialize<T>(Options)!;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
