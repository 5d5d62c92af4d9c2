using System.Text.Json;

namespace PinpointAggregator.Trail.Reading;

/// <summary>Reads named top-level string properties of one small JSON object in a single pass.</summary>
internal static class JsonObjectStrings
{
    public static string?[] Read(ReadOnlySpan<byte> json, string[] names)
    {
        var values = new string?[names.Length];
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = Array.IndexOf(names, reader.GetString());
            reader.Read();
            if (index >= 0 && reader.TokenType == JsonTokenType.String)
            {
                values[index] = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return values;
    }
}
