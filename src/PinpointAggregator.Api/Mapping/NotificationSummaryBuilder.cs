using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Mapping;

/// <summary>
/// Adds up the notification status of some prefixes: how many are in each mode, the notified-file counts and
/// fallbacks, the newest notification and the oldest fallback still open.
/// </summary>
internal sealed class NotificationSummaryBuilder
{
    private readonly NotificationSummary _summary = new();
    private DateTime? _newestNotification;
    private DateTime? _oldestFallback;

    public void Add(PrefixNotificationStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        _summary.Prefixes++;
        switch (NotificationMapping.ToProto(status.Mode))
        {
            case V1.PrefixIngestionMode.Notified:
                _summary.PrefixesNotified++;
                break;
            case V1.PrefixIngestionMode.Fallback:
                _summary.PrefixesFallback++;
                if (status.FallbackSince is { } since)
                {
                    _oldestFallback = _oldestFallback is { } o && o <= since ? o : since;
                }

                break;
            default:
                _summary.PrefixesPolling++;
                break;
        }

        _summary.FilesNotified += status.FilesNotified;
        _summary.NotifiedAlreadyDone += status.NotifiedAlreadyDone;
        _summary.NotifiedLate += status.NotifiedLate;
        _summary.Fallbacks += status.Fallbacks;
        if (status.LastNotificationAt is { } last)
        {
            _newestNotification = _newestNotification is { } n && n >= last ? n : last;
        }
    }

    public NotificationSummary Build()
    {
        _summary.LastNotificationTime = ProtoTime.ToTimestamp(_newestNotification);
        _summary.OldestFallbackSince = ProtoTime.ToTimestamp(_oldestFallback);
        return _summary;
    }

    public static NotificationSummary Of(IEnumerable<PrefixNotificationStatus> prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        var builder = new NotificationSummaryBuilder();
        foreach (var prefix in prefixes)
        {
            builder.Add(prefix);
        }

        return builder.Build();
    }
}
