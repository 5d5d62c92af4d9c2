using System.Text;
using System.Text.Json;
using PinpointAggregator.Trail.Digests;

namespace PinpointAggregator.Aws.CloudTrail;

/// <summary>
/// Reads one <c>ListPublicKeys</c> answer strictly: <c>{"PublicKeyList":[{"Value":base64 DER,"ValidityStartTime":epoch
/// seconds,"ValidityEndTime":epoch seconds,"Fingerprint":hex MD5}],"NextToken":string}</c>.
/// </summary>
/// <remarks>
/// An answer of the wrong shape (not one JSON object, a field of the wrong type, missing or duplicated, a size past
/// the bounds) throws <see cref="InvalidDataException"/>: nothing of it is used. A well-formed entry whose key cannot be
/// trusted (bytes that are not base64 or not an RSA key, a fingerprint that is not the MD5 of the bytes, a validity
/// that ends before it starts) is refused alone and reported in <see cref="ListPublicKeysPage.Refused"/>. Unknown fields
/// are skipped, as AWS may add some.
/// </remarks>
internal static class ListPublicKeysResponseParser
{
    /// <summary>More keys than any region has had; a page beyond it is not CloudTrail's.</summary>
    public const int MaxKeysPerPage = 1_000;

    /// <summary>Base64 characters of one key: an RSA-4096 SubjectPublicKeyInfo takes about 740.</summary>
    public const int MaxKeyChars = 16_384;

    public const int MaxFingerprintChars = 64;
    public const int MaxNextTokenChars = 4_096;

    /// <summary>Year 3000: later (or negative) epoch seconds are not a key's validity.</summary>
    private const double MaxEpochSeconds = 32_503_680_000;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow };

    public static ListPublicKeysPage Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            var page = ReadRoot(ref reader);

            // Utf8JsonReader stops after the root value; anything but whitespace after it makes the answer invalid.
            if (reader.Read())
            {
                throw Invalid("data after the JSON object");
            }

            return page;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the answer is not valid JSON: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // GetString refuses a string of invalid UTF-8 this way.
            throw new InvalidDataException($"the answer has a string that is not valid UTF-8: {e.Message}", e);
        }
    }

    private static ListPublicKeysPage ReadRoot(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw Invalid("the answer is not a JSON object");
        }

        var keys = new List<CloudTrailPublicKey>();
        var refused = new List<RefusedPublicKey>();
        string? nextToken = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (ReadProperty(ref reader, seen) is { } name)
        {
            switch (name)
            {
                case "PublicKeyList":
                    ReadKeyList(ref reader, keys, refused);
                    break;
                case "NextToken":
                    nextToken = ReadOptionalString(ref reader, name, MaxNextTokenChars);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        // An empty token would ask for the first page again.
        return new ListPublicKeysPage(keys, refused, string.IsNullOrEmpty(nextToken) ? null : nextToken);
    }

    private static void ReadKeyList(ref Utf8JsonReader reader, List<CloudTrailPublicKey> keys, List<RefusedPublicKey> refused)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Invalid("PublicKeyList is not an array");
        }

        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (++count > MaxKeysPerPage)
            {
                throw Invalid($"PublicKeyList has more than {MaxKeysPerPage} keys");
            }

            ReadKey(ref reader, keys, refused);
        }
    }

    private static void ReadKey(ref Utf8JsonReader reader, List<CloudTrailPublicKey> keys, List<RefusedPublicKey> refused)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Invalid("a PublicKeyList entry is not an object");
        }

        string? value = null, fingerprint = null;
        double? validFrom = null, validTo = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (ReadProperty(ref reader, seen) is { } name)
        {
            switch (name)
            {
                case "Value":
                    value = ReadString(ref reader, name, MaxKeyChars);
                    break;
                case "Fingerprint":
                    fingerprint = ReadString(ref reader, name, MaxFingerprintChars);
                    break;
                case "ValidityStartTime":
                    validFrom = ReadEpochSeconds(ref reader, name);
                    break;
                case "ValidityEndTime":
                    validTo = ReadEpochSeconds(ref reader, name);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (value is null || fingerprint is null || validFrom is null || validTo is null)
        {
            throw Invalid("a PublicKeyList entry lacks Value, Fingerprint, ValidityStartTime or ValidityEndTime");
        }

        var stated = IsHex(fingerprint) ? fingerprint.ToLowerInvariant() : "(not hex)";
        if (Trust(value, stated, validFrom.Value, validTo.Value, out var reason) is { } key)
        {
            keys.Add(key);
        }
        else
        {
            refused.Add(new RefusedPublicKey(stated, reason));
        }
    }

    private static CloudTrailPublicKey? Trust(string value, string statedFingerprint, double validFrom, double validTo, out string reason)
    {
        var der = new byte[value.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(value, der, out var length) || length == 0)
        {
            reason = "Value is not base64";
            return null;
        }

        DigestPublicKey key;
        try
        {
            key = DigestPublicKey.FromDer(der.AsSpan(0, length));
        }
        catch (ArgumentException e)
        {
            reason = $"Value is not an RSA public key: {e.Message}";
            return null;
        }

        if (!string.Equals(key.Fingerprint, statedFingerprint, StringComparison.Ordinal))
        {
            reason = $"the stated fingerprint is not the MD5 of the key's bytes ({key.Fingerprint})";
            return null;
        }

        if (validTo < validFrom)
        {
            reason = "ValidityEndTime is before ValidityStartTime";
            return null;
        }

        reason = string.Empty;
        return new CloudTrailPublicKey(key, FromEpochSeconds(validFrom), FromEpochSeconds(validTo));
    }

    /// <summary>The next property's name (its value is then the current token), or null at the object's end.</summary>
    private static string? ReadProperty(ref Utf8JsonReader reader, HashSet<string> seen)
    {
        if (!reader.Read())
        {
            throw Invalid("the answer ends inside an object");
        }

        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return null;
        }

        var name = reader.GetString()!;
        if (!seen.Add(name))
        {
            throw Invalid($"the field {Printable(name)} appears twice");
        }

        if (!reader.Read())
        {
            throw Invalid("the answer ends after a field name");
        }

        return name;
    }

    private static string ReadString(ref Utf8JsonReader reader, string name, int maxChars) =>
        ReadOptionalString(ref reader, name, maxChars) ?? throw Invalid($"{name} is null");

    private static string? ReadOptionalString(ref Utf8JsonReader reader, string name, int maxChars)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw Invalid($"{name} is not a string");
        }

        // Checked on the raw bytes before the string is made; escapes only make the text shorter.
        var raw = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (raw > maxChars * 6L)
        {
            throw Invalid($"{name} is longer than {maxChars} characters");
        }

        var text = reader.GetString()!;
        return text.Length <= maxChars ? text : throw Invalid($"{name} is longer than {maxChars} characters");
    }

    private static double ReadEpochSeconds(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var seconds) || !double.IsFinite(seconds))
        {
            throw Invalid($"{name} is not a number of epoch seconds");
        }

        return seconds is >= 0 and < MaxEpochSeconds ? seconds : throw Invalid($"{name} is not a time between 1970 and 3000");
    }

    private static DateTimeOffset FromEpochSeconds(double seconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000, MidpointRounding.AwayFromZero));

    private static bool IsHex(string value) => value.Length > 0 && value.All(char.IsAsciiHexDigit);

    /// <summary>A field name for a message: bounded and printable, since the answer's text is not trusted.</summary>
    private static string Printable(string name)
    {
        var cut = name.Length > 64 ? name[..64] + "…" : name;
        var builder = new StringBuilder(cut.Length + 2).Append('\'');
        foreach (var c in cut)
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return builder.Append('\'').ToString();
    }

    private static InvalidDataException Invalid(string reason) => new(reason);
}
