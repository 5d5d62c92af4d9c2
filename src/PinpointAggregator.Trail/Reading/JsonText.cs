using System.Text;
using System.Text.Json;

namespace PinpointAggregator.Trail.Reading;

/// <summary>Turns the raw bytes of a JSON string value (between the quotes) into a .NET string.</summary>
internal static class JsonText
{
    public static string Decode(ReadOnlySpan<byte> raw, bool escaped) => escaped ? Unescape(raw) : Encoding.UTF8.GetString(raw);

    public static string Unescape(ReadOnlySpan<byte> raw)
    {
        Span<byte> quoted = raw.Length <= 254 ? stackalloc byte[raw.Length + 2] : new byte[raw.Length + 2];
        quoted[0] = (byte)'"';
        raw.CopyTo(quoted[1..]);
        quoted[^1] = (byte)'"';
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString()!;
    }
}
