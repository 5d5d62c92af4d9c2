using System.Text.Json;

namespace PinpointAggregator.Trail.Reading;

/// <summary>
/// Look-ups in the small, already validated JSON objects of one record (<c>requestParameters</c>,
/// <c>responseElements</c>), without building a DOM.
/// </summary>
public static class JsonLookup
{
    /// <summary>The string (or number or boolean, as text) value of a top-level property; null when absent.</summary>
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
    /// The value of <paramref name="name"/> at the top level, or else inside the first object-valued
    /// top-level property whose name ends in <paramref name="wrapperSuffix"/> (empty: any object) — the
    /// REST body that some producers keep under its type name (<c>WriteEventStream</c>, <c>...Request</c>).
    /// </summary>
    public static string? GetFlatOrWrapped(ReadOnlySpan<byte> json, ReadOnlySpan<byte> name, ReadOnlySpan<byte> wrapperSuffix)
    {
        if (GetString(json, name) is { } flat)
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
            var wrapper = reader.ValueSpan.EndsWith(wrapperSuffix);
            reader.Read();
            if (wrapper && reader.TokenType == JsonTokenType.StartObject)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                if (GetString(json[start..(int)reader.BytesConsumed], name) is { } wrapped)
                {
                    return wrapped;
                }

                continue;
            }

            reader.Skip();
        }

        return null;
    }

    /// <summary>
    /// The current string token's value, from <see cref="Utf8StringPool.Shared"/>: the values looked up here
    /// (application and resource ids, names, callers) repeat across records.
    /// </summary>
    internal static string PooledString(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped || reader.HasValueSequence ? reader.GetString()! : Utf8StringPool.Shared.Get(reader.ValueSpan);

    private static string? ScalarText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => PooledString(ref reader),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => null,
    };
}
