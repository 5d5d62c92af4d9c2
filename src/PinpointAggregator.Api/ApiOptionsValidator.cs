using Microsoft.Extensions.Options;

namespace PinpointAggregator.Api;

/// <summary>Fails start-up with a message naming the <c>Api</c> option that is wrong.</summary>
internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        AtLeastOne(errors, nameof(options.MaxPageSize), options.MaxPageSize);
        AtLeastOne(errors, nameof(options.DefaultPageSize), options.DefaultPageSize);
        if (options.DefaultPageSize > options.MaxPageSize)
        {
            errors.Add($"{ApiOptions.SectionName}:DefaultPageSize must not exceed MaxPageSize ({options.MaxPageSize}); got {options.DefaultPageSize}.");
        }

        AtLeastOne(errors, nameof(options.MaxTextSearchDays), options.MaxTextSearchDays);
        AtLeastOne(errors, nameof(options.MaxExportEvents), options.MaxExportEvents);
        AtLeastOne(errors, nameof(options.MaxRereadDays), options.MaxRereadDays);
        AtLeastOne(errors, nameof(options.MaxSummaryDays), options.MaxSummaryDays);
        AtLeastOne(errors, nameof(options.MaxWatches), options.MaxWatches);
        AtLeastOne(errors, nameof(options.MaxWatchesPerCaller), options.MaxWatchesPerCaller);
        Positive(errors, nameof(options.WatchPollInterval), options.WatchPollInterval);
        Positive(errors, nameof(options.WatchHeartbeatInterval), options.WatchHeartbeatInterval);
        Positive(errors, nameof(options.PageTokenLifetime), options.PageTokenLifetime);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void AtLeastOne(List<string> errors, string option, int value)
    {
        if (value < 1)
        {
            errors.Add($"{ApiOptions.SectionName}:{option} must be at least 1; got {value}.");
        }
    }

    private static void Positive(List<string> errors, string option, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{ApiOptions.SectionName}:{option} must be positive; got {value}.");
        }
    }
}
