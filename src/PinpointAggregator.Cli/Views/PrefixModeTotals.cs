using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Cli.Views;

/// <summary>What the notification status of some prefixes adds up to, as the service adds up an account's (<c>Account.notifications</c>).</summary>
internal static class PrefixModeTotals
{
    public static NotificationSummary Of(IEnumerable<Prefix> prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        var summary = new NotificationSummary();
        foreach (var notifications in prefixes.Select(IngestionModeNames.Notifications))
        {
            summary.Prefixes++;
            switch (notifications.Mode)
            {
                case PrefixIngestionMode.Notified:
                    summary.PrefixesNotified++;
                    break;
                case PrefixIngestionMode.Fallback:
                    summary.PrefixesFallback++;
                    if (notifications.FallbackSince is { } since && (summary.OldestFallbackSince is null || since < summary.OldestFallbackSince))
                    {
                        summary.OldestFallbackSince = since;
                    }

                    break;
                default:
                    summary.PrefixesPolling++;
                    break;
            }

            summary.FilesNotified += notifications.FilesNotified;
            summary.NotifiedAlreadyDone += notifications.NotifiedAlreadyDone;
            summary.NotifiedLate += notifications.NotifiedLate;
            summary.Fallbacks += notifications.Fallbacks;
            if (notifications.LastNotificationTime is { } last && (summary.LastNotificationTime is null || last > summary.LastNotificationTime))
            {
                summary.LastNotificationTime = last;
            }
        }

        return summary;
    }
}
