using Microsoft.Extensions.Options;

namespace PinpointAggregator.Abstractions.Options;

/// <summary>Fails start-up with a message naming the <c>Ingestion:Notifications</c> option that is wrong.</summary>
public sealed class NotificationOptionsValidator : IValidateOptions<IngestionOptions>
{
    private const string Section = $"{IngestionOptions.SectionName}:Notifications";

    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var notifications = options.Notifications;
        var errors = new List<string>();
        for (var i = 0; i < notifications.Queues.Count; i++)
        {
            var queue = notifications.Queues[i];
            var at = $"{Section}:Queues:{i}";
            if (!Uri.TryCreate(queue.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || url.AbsolutePath.Trim('/').Length == 0)
            {
                errors.Add($"{at}:Url must be an absolute http(s) queue URL such as https://sqs.us-east-1.amazonaws.com/111122223333/trail-notifications; got '{queue.Url}'.");
            }

            if (queue.Region is { } region && !Trail.Keys.TrailNames.IsRegion(region))
            {
                errors.Add($"{at}:Region must be a region name such as us-east-1, or unset for the region in the URL; got '{region}'.");
            }

            if (queue.RoleArn is { } role && !role.StartsWith("arn:", StringComparison.Ordinal))
            {
                errors.Add($"{at}:RoleArn must be an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME), or unset for the service's own credentials; got '{role}'.");
            }

            if (queue.Name is { } display && (display.Length is 0 or > 80 || !display.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            {
                errors.Add($"{at}:Name must be 1 to 80 letters, digits, '-', '_' or '.' (it is a metric label), or unset for the URL's last segment; got '{display}'.");
            }
        }

        foreach (var duplicate in notifications.Queues.GroupBy(q => q.DisplayName, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"{Section}:Queues names must be unique (Name, else the URL's last segment); '{duplicate.Key}' is used {duplicate.Count()} times.");
        }

        foreach (var duplicate in notifications.Queues.GroupBy(q => q.Url, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"{Section}:Queues must not list a queue URL twice; '{duplicate.Key}' is listed {duplicate.Count()} times.");
        }

        if (notifications.WaitTime < TimeSpan.FromSeconds(1) || notifications.WaitTime > TimeSpan.FromSeconds(20) || notifications.WaitTime.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            errors.Add($"{Section}:WaitTime must be whole seconds from 1 to 20 (a long poll: 0 would receive in a tight loop, paying for every empty answer); got {notifications.WaitTime}.");
        }

        if (notifications.MaxMessages is < 1 or > 10)
        {
            errors.Add($"{Section}:MaxMessages must be 1 to 10 (SQS's range); got {notifications.MaxMessages}.");
        }

        if (notifications.VisibilityTimeout < TimeSpan.FromSeconds(2) || notifications.VisibilityTimeout > TimeSpan.FromHours(12) || notifications.VisibilityTimeout.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            errors.Add($"{Section}:VisibilityTimeout must be whole seconds from 2 seconds to 12 hours (SQS's range; it is extended every half of it); got {notifications.VisibilityTimeout}.");
        }

        if (notifications.QuietAfter <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:QuietAfter must be positive; got {notifications.QuietAfter}.");
        }

        if (notifications.BatchesInFlight is < 1 or > 64)
        {
            errors.Add($"{Section}:BatchesInFlight must be 1 to 64; got {notifications.BatchesInFlight}.");
        }

        if (notifications.ReceivePause < TimeSpan.Zero || notifications.ReceivePause > TimeSpan.FromSeconds(20))
        {
            errors.Add($"{Section}:ReceivePause must be 0 to 20 seconds; got {notifications.ReceivePause}.");
        }

        if (notifications.MessageRetention < TimeSpan.FromMinutes(1) || notifications.MessageRetention > TimeSpan.FromDays(14))
        {
            errors.Add($"{Section}:MessageRetention must be 1 minute to 14 days (SQS's range); got {notifications.MessageRetention}.");
        }

        if (notifications.MaxReceives < 1)
        {
            errors.Add($"{Section}:MaxReceives must be at least 1; got {notifications.MaxReceives}.");
        }

        if (notifications.MaxMessageBytes < 1)
        {
            errors.Add($"{Section}:MaxMessageBytes must be positive; got {notifications.MaxMessageBytes}.");
        }

        if (notifications.MaxKeysPerMessage < 1)
        {
            errors.Add($"{Section}:MaxKeysPerMessage must be at least 1; got {notifications.MaxKeysPerMessage}.");
        }

        if (notifications.DiscoveryInterval <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:DiscoveryInterval must be positive; got {notifications.DiscoveryInterval}.");
        }

        if (notifications.HintedDiscoveryGap <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:HintedDiscoveryGap must be positive; got {notifications.HintedDiscoveryGap}.");
        }

        if (notifications.DigestListInterval <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:DigestListInterval must be positive; got {notifications.DigestListInterval}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
