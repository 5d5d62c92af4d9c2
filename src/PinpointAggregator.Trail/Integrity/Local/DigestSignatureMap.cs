using System.Text.Json;

namespace PinpointAggregator.Trail.Integrity.Local;

/// <summary>
/// Reads a signature map for offline verification: one JSON object mapping each digest's S3 key to its
/// <c>x-amz-meta-signature</c> value (hex), e.g. gathered with <c>aws s3api head-object</c> when the copy was made.
/// With it, every digest's signature is checked, the newest included.
/// </summary>
/// <remarks>
/// Values are taken as given: one that is not a hex signature is reported by the verifier as
/// <c>SignatureInvalid</c>, not refused here. Keys may carry the bucket prefix or not; the verification matches
/// them from their <c>AWSLogs/</c> segment on.
/// </remarks>
public static class DigestSignatureMap
{
    /// <summary>The largest map read: about two million digests.</summary>
    public const long MaxFileBytes = 1L << 30;

    /// <summary>
    /// The map in the file at <paramref name="path"/>. Throws <see cref="DigestSignatureMapException"/> naming the
    /// file and what is wrong (not found, unreadable, not a JSON object of strings, a key given twice).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
            if (file.Length > MaxFileBytes)
            {
                throw Fail(path, $"it has {file.Length} bytes, more than the {MaxFileBytes} a signature map may have");
            }

            using var document = JsonDocument.Parse(file, new JsonDocumentOptions { MaxDepth = 4 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Fail(path, "it is not a JSON object mapping digest keys to signatures");
            }

            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String)
                {
                    throw Fail(path, $"the value for '{Shorten(entry.Name)}' is a {entry.Value.ValueKind}, not a string");
                }

                if (!map.TryAdd(entry.Name, entry.Value.GetString()!))
                {
                    throw Fail(path, $"the key '{Shorten(entry.Name)}' appears twice");
                }
            }

            return map;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Fail(path, "the file does not exist", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Fail(path, $"it cannot be read ({e.Message})", e);
        }
        catch (JsonException e)
        {
            throw Fail(path, $"it is not valid JSON ({e.Message})", e);
        }
    }

    private static string Shorten(string value) => value.Length <= 200 ? value : string.Concat(value.AsSpan(0, 200), "…");

    private static DigestSignatureMapException Fail(string path, string reason, Exception? inner = null) =>
        new($"signature map '{path}': {reason}.", inner);
}
