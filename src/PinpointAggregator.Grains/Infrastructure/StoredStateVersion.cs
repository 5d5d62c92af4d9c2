using System.Text.Json;

namespace PinpointAggregator.Grains.Infrastructure;

/// <summary>Finds the top-level <c>version</c> of a stored state without materializing the document.</summary>
/// <remarks>
/// States can be large (an application's deduplication stamps); reading them as a JSON tree only to learn
/// that they are current would double the cost of every activation, so the version is scanned first.
/// </remarks>
internal static class StoredStateVersion
{
    private static ReadOnlySpan<byte> VersionName => "version"u8;

    /// <returns>The stored version, or null when the JSON is not an object or has no numeric top-level <c>version</c>.</returns>
    public static int? Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isVersion = reader.ValueTextEquals(VersionName);
            reader.Read();
            if (isVersion)
            {
                return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var version) ? version : null;
            }

            reader.Skip();
        }

        return null;
    }
}
