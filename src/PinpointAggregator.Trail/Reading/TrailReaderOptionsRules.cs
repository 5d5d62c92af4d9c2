namespace PinpointAggregator.Trail.Reading;

/// <summary>
/// The one statement of which <see cref="TrailReaderOptions"/> can work. Start-up validation in a silo and
/// the reader's own guard (for the CLI and tests, which construct it directly) both ask here, so the two can
/// never disagree. Each error names the option by its configuration path.
/// </summary>
public static class TrailReaderOptionsRules
{
    /// <summary>The smallest record cap: below it ordinary CloudTrail records would be rejected.</summary>
    public const int MinRecordBytes = 1024;

    private const string Section = TrailReaderOptions.SectionName;

    /// <returns>Every broken rule, empty when the options can work.</returns>
    public static IReadOnlyList<string> Check(TrailReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.EventSources is null || options.EventSources.Count == 0 || options.EventSources.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{Section}:{nameof(options.EventSources)} must name at least one event source, with no empty entries.");
        }

        if (options.MaxRecordBytes < MinRecordBytes)
        {
            errors.Add($"{Section}:{nameof(options.MaxRecordBytes)} must be at least {MinRecordBytes} bytes (was {options.MaxRecordBytes}).");
        }

        if (options.MaxDecompressedBytes < options.MaxRecordBytes)
        {
            errors.Add($"{Section}:{nameof(options.MaxDecompressedBytes)} must be at least {nameof(options.MaxRecordBytes)} (was {options.MaxDecompressedBytes}).");
        }

        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> with every broken rule.</summary>
    /// <remarks>
    /// No parameter name in the message: the CLI prints it to users, for whom the option's path is the name.
    /// </remarks>
    public static void ThrowIfInvalid(TrailReaderOptions options)
    {
        if (Check(options) is { Count: > 0 } errors)
        {
            throw new ArgumentException(string.Join(" ", errors));
        }
    }
}
