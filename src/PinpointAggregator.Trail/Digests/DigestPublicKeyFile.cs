using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PinpointAggregator.Trail.Digests;

/// <summary>
/// Loads trusted digest public keys from a file, for air-gapped verification and the embedded sample: PEM
/// (<c>-----BEGIN PUBLIC KEY-----</c> or <c>RSA PUBLIC KEY</c>, several blocks allowed), raw DER, or the JSON
/// that <c>aws cloudtrail list-public-keys --output json</c> prints (<c>PublicKeyList[].Value</c>, base64 DER).
/// </summary>
/// <remarks>
/// A key's fingerprint is the MD5 of its DER bytes as written (<see cref="DigestPublicKey"/>), so a key must
/// be kept in the encoding <c>ListPublicKeys</c> returned; the loader names each key's fingerprint in errors
/// and in <see cref="Load"/>'s result so an operator can compare it with a digest's <c>digestPublicKeyFingerprint</c>.
/// A JSON entry's <c>Fingerprint</c>, when present, must be the one computed from its <c>Value</c>: a file whose
/// keys and fingerprints disagree was edited, and is refused.
/// </remarks>
public static class DigestPublicKeyFile
{
    /// <summary>The largest key file read: a list of every CloudTrail key of a region is a few kilobytes.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    private const string PublicKeyLabel = "PUBLIC KEY";
    private const string RsaPublicKeyLabel = "RSA PUBLIC KEY";

    /// <summary>
    /// Every key in the file at <paramref name="path"/>. Throws <see cref="DigestPublicKeyFileException"/>
    /// naming the file and what is wrong (not found, unreadable, no key in it, a block that is not an RSA key).
    /// </summary>
    public static IReadOnlyList<DigestPublicKey> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = ReadBounded(path);
        var content = WithoutByteOrderMark(bytes);
        if (FirstNonWhitespace(content) == (byte)'{')
        {
            return FromJson(path, content.ToArray());
        }

        if (content.Length > 0 && content[0] == 0x30)
        {
            return [FromDer(path, content.ToArray(), "the DER key")]; // a DER SEQUENCE
        }

        if (content.IndexOf("-----BEGIN "u8) >= 0)
        {
            return FromPem(path, content);
        }

        throw Fail(path, "it is neither PEM (-----BEGIN PUBLIC KEY-----), DER, nor the JSON of 'aws cloudtrail list-public-keys'");
    }

    private static byte[] ReadBounded(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (file.Length > MaxFileBytes)
            {
                throw Fail(path, $"it has {file.Length} bytes, more than the {MaxFileBytes} a key file may have");
            }

            var bytes = new byte[file.Length];
            file.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Fail(path, "the file does not exist", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Fail(path, $"it cannot be read ({e.Message})", e);
        }
    }

    private static ReadOnlySpan<byte> WithoutByteOrderMark(byte[] bytes) =>
        bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes.AsSpan(Encoding.UTF8.Preamble.Length) : bytes;

    private static byte FirstNonWhitespace(ReadOnlySpan<byte> content)
    {
        var start = content.IndexOfAnyExcept(" \t\r\n"u8);
        return start < 0 ? (byte)0 : content[start];
    }

    private static List<DigestPublicKey> FromPem(string path, ReadOnlySpan<byte> bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw Fail(path, "it starts like PEM but is not text", e);
        }

        var keys = new List<DigestPublicKey>();
        var rest = text.AsSpan();
        var block = 0;
        while (PemEncoding.TryFind(rest, out var fields))
        {
            block++;
            var label = rest[fields.Label].ToString();

            // Say which block and its label, never its content: a private key pasted by mistake stays unprinted.
            if (label is not (PublicKeyLabel or RsaPublicKeyLabel))
            {
                throw Fail(path, $"PEM block {block} is '{label}', not a PUBLIC KEY or RSA PUBLIC KEY");
            }

            var der = new byte[fields.DecodedDataLength];
            if (!Convert.TryFromBase64Chars(rest[fields.Base64Data], der, out var written) || written != der.Length)
            {
                throw Fail(path, $"PEM block {block} does not decode");
            }

            keys.Add(FromDer(path, der, $"PEM block {block}"));
            rest = rest[fields.Location.End..];
        }

        return keys.Count > 0 ? keys : throw Fail(path, "it holds no PEM block");
    }

    private static List<DigestPublicKey> FromJson(string path, byte[] bytes)
    {
        var keys = new List<DigestPublicKey>();
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("PublicKeyList", out var list)
                || list.ValueKind != JsonValueKind.Array)
            {
                throw Fail(path, "the JSON has no PublicKeyList array (the output of 'aws cloudtrail list-public-keys --output json')");
            }

            var index = 0;
            foreach (var entry in list.EnumerateArray())
            {
                var at = $"PublicKeyList[{index++}]";
                if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("Value", out var value) || value.ValueKind != JsonValueKind.String)
                {
                    throw Fail(path, $"{at} has no Value string");
                }

                if (!value.TryGetBytesFromBase64(out var der))
                {
                    throw Fail(path, $"{at}.Value is not base64");
                }

                var key = FromDer(path, der, at);
                if (entry.TryGetProperty("Fingerprint", out var stated) && stated.ValueKind != JsonValueKind.Null)
                {
                    if (stated.ValueKind != JsonValueKind.String
                        || !string.Equals(stated.GetString(), key.Fingerprint, StringComparison.OrdinalIgnoreCase))
                    {
                        var shown = stated.ValueKind == JsonValueKind.String ? Shorten(stated.GetString()!) : stated.ValueKind.ToString();
                        throw Fail(path, $"{at}.Fingerprint is '{shown}', but its Value's fingerprint (MD5 of the DER bytes) is {key.Fingerprint}");
                    }
                }

                keys.Add(key);
            }
        }
        catch (JsonException e)
        {
            throw Fail(path, $"it is not valid JSON ({e.Message})", e);
        }

        return keys.Count > 0 ? keys : throw Fail(path, "its PublicKeyList is empty");
    }

    private static DigestPublicKey FromDer(string path, byte[] der, string what)
    {
        try
        {
            return DigestPublicKey.FromDer(der);
        }
        catch (ArgumentException e)
        {
            throw Fail(path, $"{what} is not an RSA public key (DER RSAPublicKey or SubjectPublicKeyInfo)", e);
        }
    }

    private static string Shorten(string value) => value.Length <= 64 ? value : string.Concat(value.AsSpan(0, 64), "…");

    private static DigestPublicKeyFileException Fail(string path, string reason, Exception? inner = null) =>
        inner is null
            ? new DigestPublicKeyFileException($"public key file '{path}': {reason}.")
            : new DigestPublicKeyFileException($"public key file '{path}': {reason}.", inner);
}
