using System.Text;

namespace PinpointAggregator.Storage.PostgreSql.EventStore;

/// <summary>
/// Makes untrusted text storable. PostgreSQL's text cannot hold U+0000 and its UTF-8 cannot hold a lone
/// surrogate; jsonb refuses the escapes <c>\u0000</c> and an unpaired <c>\uD800</c>–<c>\uDFFF</c>. A trail
/// record can carry all of them, and one such value must not fail its whole batch forever.
/// </summary>
public static class PostgresText
{
    /// <summary>The value with U+0000 and lone surrogates replaced by U+FFFD; the same instance when clean.</summary>
    public static string? Clean(string? value)
    {
        if (value is null || !NeedsCleaning(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else
            {
                builder.Append(c == '\0' || char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// JSON text with the escapes jsonb refuses (<c>\u0000</c>, unpaired surrogate escapes) turned into
    /// visible text (the backslash itself escaped), and the text cleaned as <see cref="Clean"/>. The input is
    /// valid JSON (the reader checked it); the output is valid JSON that reads the same but for those values.
    /// </summary>
    public static string? CleanJson(string? json)
    {
        json = Clean(json);
        if (json is null || !json.Contains("\\u", StringComparison.OrdinalIgnoreCase))
        {
            return json;
        }

        var builder = new StringBuilder(json.Length + 16);
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (c != '\\' || i + 1 >= json.Length)
            {
                builder.Append(c);
                continue;
            }

            var next = json[i + 1];
            if (next is not ('u' or 'U') || !TryHex(json, i + 2, out var code))
            {
                builder.Append(c).Append(next); // any other escape, including \\, passes as a pair
                i++;
                continue;
            }

            var paired = code is >= 0xD800 and <= 0xDBFF && json.Length >= i + 12 && json[i + 6] == '\\' && json[i + 7] is 'u' or 'U'
                && TryHex(json, i + 8, out var low) && low is >= 0xDC00 and <= 0xDFFF;
            if (paired)
            {
                builder.Append(json, i, 12);
                i += 11;
            }
            else if (code == 0 || code is >= 0xD800 and <= 0xDFFF)
            {
                builder.Append("\\\\").Append(json, i + 1, 5); // kept as the visible text \uXXXX
                i += 5;
            }
            else
            {
                builder.Append(json, i, 6);
                i += 5;
            }
        }

        return builder.ToString();
    }

    private static bool NeedsCleaning(string value)
    {
        foreach (var c in value)
        {
            if (c == '\0' || char.IsSurrogate(c))
            {
                // Surrogates are rare in trail text; a proper pair is checked (and kept) on the slow path.
                return true;
            }
        }

        return false;
    }

    private static bool TryHex(string text, int start, out int value)
    {
        value = 0;
        if (start + 4 > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + 4; i++)
        {
            var digit = HexDigit(text[i]);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
