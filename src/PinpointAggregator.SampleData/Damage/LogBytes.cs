namespace PinpointAggregator.SampleData.Damage;

/// <summary>Changes of a log's or a digest's bytes that the integrity damages need.</summary>
internal static class LogBytes
{
    /// <summary>
    /// The JSON with one byte changed: the case of the first ASCII letter of the first <c>userAgent</c> value. The
    /// file stays a valid log with the same events (the scan summary does not use user agents), only its hash differs.
    /// </summary>
    public static byte[] ChangeOneByte(byte[] json)
    {
        var changed = (byte[])json.Clone();
        var value = json.AsSpan().IndexOf("\"userAgent\":\""u8);
        if (value >= 0)
        {
            for (var i = value + 13; i < changed.Length && changed[i] != (byte)'"'; i++)
            {
                if (char.IsAsciiLetter((char)changed[i]))
                {
                    changed[i] ^= 0x20; // a <-> A
                    return changed;
                }
            }
        }

        throw new InvalidOperationException("the log has no userAgent with a letter to change");
    }

    /// <summary>A hex signature with its last digit changed: still hex, no longer the signature.</summary>
    public static string ChangeLastDigit(string hex) => hex[..^1] + (hex[^1] == '0' ? '1' : '0');
}
