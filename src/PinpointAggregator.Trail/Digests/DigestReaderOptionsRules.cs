namespace PinpointAggregator.Trail.Digests;

/// <summary>
/// The one statement of which <see cref="DigestReaderOptions"/> can work, for start-up validation and the
/// reader's own guard alike. Each error names the option by its configuration path.
/// </summary>
public static class DigestReaderOptionsRules
{
    /// <summary>The smallest size cap: an empty hour's digest alone is about 1.5 KB.</summary>
    public const long MinDecompressedBytes = 64 * 1024;

    /// <summary>The largest size cap: 1 GiB, since the whole digest is held in one buffer.</summary>
    public const long MaxDecompressedBytesCeiling = 1L << 30;

    private const string Section = DigestReaderOptions.SectionName;

    /// <returns>Every broken rule, empty when the options can work.</returns>
    public static IReadOnlyList<string> Check(DigestReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.MaxDecompressedBytes < MinDecompressedBytes || options.MaxDecompressedBytes > MaxDecompressedBytesCeiling)
        {
            errors.Add($"{Section}:{nameof(options.MaxDecompressedBytes)} must be between {MinDecompressedBytes} and {MaxDecompressedBytesCeiling} bytes (was {options.MaxDecompressedBytes}).");
        }

        if (options.MaxLogFiles < 1)
        {
            errors.Add($"{Section}:{nameof(options.MaxLogFiles)} must be at least 1 (was {options.MaxLogFiles}).");
        }

        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> with every broken rule.</summary>
    public static void ThrowIfInvalid(DigestReaderOptions options)
    {
        if (Check(options) is { Count: > 0 } errors)
        {
            throw new ArgumentException(string.Join(" ", errors));
        }
    }
}
