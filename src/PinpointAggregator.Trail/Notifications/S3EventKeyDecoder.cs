using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace PinpointAggregator.Trail.Notifications;

/// <summary>
/// Decodes an object key as S3 event notifications write it: <c>application/x-www-form-urlencoded</c>, so <c>+</c> is a
/// space and <c>%XX</c> a byte of the key's UTF-8 (a literal <c>+</c> arrives as <c>%2B</c>). Strict: a malformed
/// escape or bytes that are not UTF-8 fail, because S3 never writes them and a lenient decoder would name another key.
/// </summary>
internal static class S3EventKeyDecoder
{
    public static bool TryDecode(string encoded, out string key)
    {
        key = encoded;
        if (encoded.AsSpan().IndexOfAny('%', '+') < 0)
        {
            return true;
        }

        // Escapes only shrink the text, so the UTF-8 of the decoded key fits in three bytes per encoded character.
        var bytes = ArrayPool<byte>.Shared.Rent(encoded.Length * 3);
        try
        {
            var length = 0;
            for (var i = 0; i < encoded.Length; i++)
            {
                var c = encoded[i];
                if (c == '+')
                {
                    bytes[length++] = (byte)' ';
                }
                else if (c == '%')
                {
                    if (i + 2 >= encoded.Length || !char.IsAsciiHexDigit(encoded[i + 1]) || !char.IsAsciiHexDigit(encoded[i + 2]))
                    {
                        return false;
                    }

                    bytes[length++] = (byte)((HexValue(encoded[i + 1]) << 4) | HexValue(encoded[i + 2]));
                    i += 2;
                }
                else
                {
                    var status = Utf8.FromUtf16(encoded.AsSpan(i, char.IsHighSurrogate(c) && i + 1 < encoded.Length ? 2 : 1), bytes.AsSpan(length), out var read, out var written, replaceInvalidSequences: false);
                    if (status != OperationStatus.Done)
                    {
                        return false;
                    }

                    length += written;
                    i += read - 1;
                }
            }

            var decoded = bytes.AsSpan(0, length);
            if (!Utf8.IsValid(decoded))
            {
                return false;
            }

            key = Encoding.UTF8.GetString(decoded);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
