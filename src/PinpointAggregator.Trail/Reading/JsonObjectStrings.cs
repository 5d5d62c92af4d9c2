using System.Text;
using System.Text.Json;

namespace PinpointAggregator.Trail.Reading;

/// <summary>Reads named top-level string properties of one small JSON object in a single pass.</summary>
/// <remarks>
/// Runs for every kept record (the caller, the addendum), so names are matched on their UTF-8 bytes and only
/// the values asked for become strings.
/// </remarks>
internal sealed class JsonObjectStrings
{
    private readonly byte[][] _names;
    private readonly bool[] _pooled;

    /// <param name="names">The properties read, in the order <see cref="Read"/> returns them.</param>
    /// <param name="pooled">
    /// Those whose values repeat across records (a caller's account, a role), so their strings come from
    /// <see cref="Utf8StringPool.Shared"/>; not ids that differ per session or per event, which would only fill it.
    /// </param>
    public JsonObjectStrings(string[] names, params string[] pooled)
    {
        _names = [.. names.Select(Encoding.UTF8.GetBytes)];
        _pooled = [.. names.Select(pooled.Contains)];
    }

    public string?[] Read(ReadOnlySpan<byte> json)
    {
        var values = new string?[_names.Length];
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = IndexOf(ref reader);
            reader.Read();
            if (index >= 0 && reader.TokenType == JsonTokenType.String)
            {
                values[index] = _pooled[index] ? JsonLookup.PooledString(ref reader) : reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return values;
    }

    private int IndexOf(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (reader.ValueTextEquals(_names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
