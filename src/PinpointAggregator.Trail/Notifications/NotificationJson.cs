using System.Text.Json;

namespace PinpointAggregator.Trail.Notifications;

/// <summary>
/// Bounded, exception-free reads of a notification's JSON: every message is written by AWS, but a forged or
/// broken one must get a set-aside reason, never an exception, whatever type stands where a string is expected.
/// </summary>
internal static class NotificationJson
{
    /// <summary>The deepest nesting read. AWS's shapes need 5 levels (<c>Records[].s3.object.key</c>); a deeper body is hostile.</summary>
    public const int MaxDepth = 16;

    /// <summary>Longest detail string: enough for a log line, never a whole hostile body.</summary>
    public const int MaxDetailChars = 200;

    /// <summary>Longest piece of a message quoted in a detail (a type name, a source).</summary>
    private const int MaxQuotedChars = 40;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth };

    /// <summary>Parses <paramref name="text"/>; on failure null, and <paramref name="detail"/> says where (never what).</summary>
    public static JsonDocument? TryParse(string text, out string? detail)
    {
        try
        {
            detail = null;
            return JsonDocument.Parse(text, Options);
        }
        catch (JsonException e)
        {
            // Position only: the exception's message may quote the offending text.
            detail = $"not JSON, or nested deeper than {MaxDepth} levels (line {e.LineNumber ?? 0}, byte {e.BytePositionInLine ?? 0})";
            return null;
        }
        catch (ArgumentException)
        {
            // Unpaired UTF-16 surrogates cannot be transcoded to UTF-8 JSON text.
            detail = "not valid Unicode text";
            return null;
        }
    }

    /// <summary>The property of an object, or false (also when <paramref name="element"/> is not an object).</summary>
    public static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value);
    }

    /// <summary>True when <paramref name="element"/> is an object with the property, whatever its value.</summary>
    public static bool Has(JsonElement element, string name) => TryGetProperty(element, name, out _);

    /// <summary>A string value; false for any other kind, and for escapes that make no valid UTF-16 (a lone <c>\uD800</c>).</summary>
    public static bool TryGetString(JsonElement element, out string value)
    {
        value = string.Empty;
        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            value = element.GetString() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A string property; false when missing or not a string.</summary>
    public static bool TryGetString(JsonElement element, string name, out string value)
    {
        value = string.Empty;
        return TryGetProperty(element, name, out var property) && TryGetString(property, out value);
    }

    /// <summary>The string at a path of object properties (<c>s3</c>, <c>bucket</c>, <c>name</c>); false when any step is missing or of another kind.</summary>
    public static bool TryGetString(JsonElement element, out string value, params ReadOnlySpan<string> path)
    {
        value = string.Empty;
        foreach (var name in path)
        {
            if (!TryGetProperty(element, name, out element))
            {
                return false;
            }
        }

        return TryGetString(element, out value);
    }

    /// <summary>A short, printable copy of a value for a detail: cut, and anything but printable ASCII shown as <c>?</c>.</summary>
    public static string Quote(string value)
    {
        var cut = value.Length > MaxQuotedChars ? value[..MaxQuotedChars] : value;
        var chars = cut.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray();
        return "'" + new string(chars) + (value.Length > MaxQuotedChars ? "…'" : "'");
    }

    /// <summary>What stood where a non-empty string or another value was expected, for a detail (never the value itself).</summary>
    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "an empty or invalid string",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "missing",
    };
}
