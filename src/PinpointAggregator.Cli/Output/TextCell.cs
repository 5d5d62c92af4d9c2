using System.Globalization;
using System.Text;

namespace PinpointAggregator.Cli.Output;

/// <summary>
/// Makes a value safe and short for one table cell. Cells hold text from member accounts' trails, so
/// control characters (an ANSI escape could rewrite the terminal) and invisible format characters (a
/// right-to-left override could make text read backwards) are shown escaped, never sent raw.
/// </summary>
internal static class TextCell
{
    public const char Ellipsis = '…';

    public static string Printable(string value)
    {
        if (!value.Any(Hidden))
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            _ = c switch
            {
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                _ when Hidden(c) => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        return text.ToString();
    }

    private static bool Hidden(char c) => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>At most <paramref name="width"/> characters; a longer value ends with an ellipsis. 0 means no limit.</summary>
    public static string Truncate(string value, int width) =>
        width <= 0 || value.Length <= width ? value : string.Concat(value.AsSpan(0, Math.Max(width - 1, 0)), Ellipsis.ToString());
}
