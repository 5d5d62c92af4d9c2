using Microsoft.Extensions.Options;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Abstractions.Options;

/// <summary>Fails start-up with a message naming the option that is wrong.</summary>
public sealed class IngestionOptionsValidator : IValidateOptions<IngestionOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        for (var i = 0; i < options.Buckets.Count; i++)
        {
            var bucket = options.Buckets[i];
            var at = $"{IngestionOptions.SectionName}:Buckets:{i}";
            if (string.IsNullOrWhiteSpace(bucket.Name) || bucket.Name.Contains('/', StringComparison.Ordinal))
            {
                errors.Add($"{at}:Name must be a bucket name without '/'; got '{bucket.Name}'.");
            }

            if (bucket.Prefix.EndsWith('/') || bucket.Prefix.StartsWith('/'))
            {
                errors.Add($"{at}:Prefix must not start or end with '/'; got '{bucket.Prefix}'.");
            }

            if (bucket.OrganizationId is { } org && !TrailNames.IsOrganizationId(org))
            {
                errors.Add($"{at}:OrganizationId must look like o-xxxxxxxxxx; got '{org}'.");
            }
        }

        foreach (var account in options.Accounts.Concat(options.ExcludedAccounts).Where(a => !TrailNames.IsAccountId(a)))
        {
            errors.Add($"{IngestionOptions.SectionName}:Accounts and ExcludedAccounts take 12-digit account ids; got '{account}'.");
        }

        foreach (var region in options.Regions.Where(r => !TrailNames.IsRegion(r)))
        {
            errors.Add($"{IngestionOptions.SectionName}:Regions takes region names such as us-east-1; got '{region}'.");
        }

        Positive(errors, nameof(options.PollInterval), options.PollInterval);
        Positive(errors, nameof(options.DiscoveryInterval), options.DiscoveryInterval);
        Positive(errors, nameof(options.RetryBaseDelay), options.RetryBaseDelay);
        Positive(errors, nameof(options.StuckFileAfter), options.StuckFileAfter);
        if (options.FutureKeySkew < TimeSpan.Zero)
        {
            errors.Add($"{IngestionOptions.SectionName}:FutureKeySkew must not be negative; got {options.FutureKeySkew}.");
        }

        if (options.MaxFutureDatedKeys < 0)
        {
            errors.Add($"{IngestionOptions.SectionName}:MaxFutureDatedKeys must not be negative; got {options.MaxFutureDatedKeys}.");
        }

        if (options.MaxRegionsPerAccount < 1)
        {
            errors.Add($"{IngestionOptions.SectionName}:MaxRegionsPerAccount must be at least 1; got {options.MaxRegionsPerAccount}.");
        }

        if (options.MaxRegionListPages < 1)
        {
            errors.Add($"{IngestionOptions.SectionName}:MaxRegionListPages must be at least 1; got {options.MaxRegionListPages}.");
        }

        if (options.DeliveryAttempts < 1)
        {
            errors.Add($"{IngestionOptions.SectionName}:DeliveryAttempts must be at least 1; got {options.DeliveryAttempts}.");
        }
        if (options.MaxPollInterval < options.PollInterval)
        {
            errors.Add($"{IngestionOptions.SectionName}:MaxPollInterval ({options.MaxPollInterval}) must be at least PollInterval ({options.PollInterval}).");
        }

        if (options.LateArrivalWindow < TimeSpan.Zero)
        {
            errors.Add($"{IngestionOptions.SectionName}:LateArrivalWindow must not be negative; got {options.LateArrivalWindow}.");
        }

        Positive(errors, nameof(options.ReconcileInterval), options.ReconcileInterval);
        if (options.ReconcileHorizon < TimeSpan.Zero || options.MissedReportBand < TimeSpan.Zero)
        {
            errors.Add($"{IngestionOptions.SectionName}:ReconcileHorizon and MissedReportBand must not be negative; got {options.ReconcileHorizon} and {options.MissedReportBand}.");
        }

        if (options.ReconcilePagesPerPoll < 1)
        {
            errors.Add($"{IngestionOptions.SectionName}:ReconcilePagesPerPoll must be at least 1; got {options.ReconcilePagesPerPoll}.");
        }

        if (options.ReminderPeriod < TimeSpan.FromMinutes(1))
        {
            errors.Add($"{IngestionOptions.SectionName}:ReminderPeriod must be at least 1 minute (Orleans' minimum); got {options.ReminderPeriod}.");
        }

        if (options.MaxObjectBytes <= 0)
        {
            errors.Add($"{IngestionOptions.SectionName}:MaxObjectBytes must be a positive number of bytes; got {options.MaxObjectBytes}.");
        }

        if (options.FileConcurrency is < 1 or > 64 || options.TransientAttempts < 1 || options.RecentEvents < 0 || options.QuarantineListLength < 0)
        {
            errors.Add($"{IngestionOptions.SectionName}: FileConcurrency must be 1-64, TransientAttempts at least 1, RecentEvents and QuarantineListLength not negative.");
        }

        if (options.SiloReadConcurrency < 1 || options.BatchesPerTurn < 1 || options.FilesPerBatch < 1)
        {
            errors.Add($"{IngestionOptions.SectionName}: SiloReadConcurrency, BatchesPerTurn and FilesPerBatch must be at least 1; got {options.SiloReadConcurrency}, {options.BatchesPerTurn} and {options.FilesPerBatch}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{IngestionOptions.SectionName}:{name} must be positive; got {value}.");
        }
    }
}
