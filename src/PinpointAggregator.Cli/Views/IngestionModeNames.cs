using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Cli.Views;

/// <summary>
/// A prefix's ingestion mode as a cell: <c>polling</c>, <c>notified</c>, or <c>FALLBACK</c> in capitals, so a prefix
/// whose notifications stopped while files kept arriving stands out in a column of lower-case modes.
/// </summary>
internal static class IngestionModeNames
{
    public const string Polling = "polling";
    public const string Notified = "notified";
    public const string Fallback = "FALLBACK";

    /// <summary>The mode's name; a prefix without notification status, or with a mode this CLI does not know, lists (polling).</summary>
    public static string Of(PrefixIngestionMode mode) => mode switch
    {
        PrefixIngestionMode.Notified => Notified,
        PrefixIngestionMode.Fallback => Fallback,
        _ => Polling,
    };

    public static string Of(Prefix prefix) => Of(Notifications(prefix).Mode);

    /// <summary>
    /// An account's prefixes' modes: the one mode when they share it, else each mode with its count, FALLBACK
    /// first (<c>FALLBACK=1 notified=15 polling=1</c>); empty for an account without prefixes.
    /// </summary>
    public static string Of(NotificationSummary? summary)
    {
        if (summary is null || summary.Prefixes == 0)
        {
            return string.Empty;
        }

        var counts = new[] { (Fallback, summary.PrefixesFallback), (Notified, summary.PrefixesNotified), (Polling, summary.PrefixesPolling) }
            .Where(c => c.Item2 > 0)
            .ToList();
        return counts.Count == 1 ? counts[0].Item1 : string.Join(' ', counts.Select(c => $"{c.Item1}={c.Item2}"));
    }

    /// <summary>The prefix's notification status; an empty one (polling) from a service that sends none.</summary>
    public static PrefixNotifications Notifications(Prefix prefix) => prefix.Notifications ?? new PrefixNotifications();
}
