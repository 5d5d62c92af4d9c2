using System.Text.Json;

namespace PinpointAggregator.Trail.Pinpoint;

/// <summary>
/// Look-ups in the small, already validated JSON objects of one record (<c>requestParameters</c>,
/// <c>responseElements</c>), without building a DOM.
/// </summary>
internal static class JsonLookup
{
    /// <summary>The string (or number, as text) value of a top-level property; null when absent.</summary>
    public static string? GetString(ReadOnlySpan<byte> json, ReadOnlySpan<byte> name)
    {
        if (json.IsEmpty)
        {
            return null;
        }

        var reader = new Utf8JsonReader(json);
        reader.Read();
        return MoveToProperty(ref reader, name) ? ScalarText(ref reader) : null;
    }

    /// <summary>
    /// From the start of an object, moves the reader to the value of its top-level property
    /// <paramref name="name"/>; false (reader past the object) when there is none.
    /// </summary>
    public static bool MoveToProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    /// <summary>
    /// The id a create call returned: <c>Id</c> in the flat shape CloudTrail logs, or <c>Id</c> inside the
    /// single <c>...Response</c> wrapper object some producers keep (SDK style, e.g. <c>CampaignResponse.Id</c>).
    /// </summary>
    public static string? GetCreatedId(ReadOnlySpan<byte> json)
    {
        if (GetString(json, "Id"u8) is { } flat)
        {
            return flat;
        }

        if (json.IsEmpty)
        {
            return null;
        }

        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var wrapper = reader.ValueSpan.EndsWith("Response"u8);
            reader.Read();
            if (wrapper && reader.TokenType == JsonTokenType.StartObject)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return GetString(json[start..(int)reader.BytesConsumed], "Id"u8);
            }

            reader.Skip();
        }

        return null;
    }

    private static string? ScalarText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        _ => null,
    };
}
