using System.Globalization;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.Infrastructure;

namespace PinpointAggregator.Benchmarks.Notifications;

/// <summary>One mode's measured requests and what they scale to for a whole organization, priced.</summary>
/// <param name="Mode">polling or notified.</param>
/// <param name="PrefixRequests">Requests the prefix grains counted over the measured stretch, by kind.</param>
/// <param name="AllRequests">Requests the whole silo counted (<c>pinpoint.store.requests</c>): the prefixes' and discovery's.</param>
/// <param name="FilesRead">Logs read by the prefixes since their start (history included).</param>
/// <param name="FilesNotified">Logs notified over the measured stretch.</param>
/// <param name="Prefixes">Prefixes measured.</param>
internal sealed record CostReport(string Mode, Dictionary<string, long> PrefixRequests, Dictionary<string, long> AllRequests, long FilesRead, long FilesNotified, int Prefixes)
{
    /// <summary>S3 Standard, us-east-1, as of 2026-12-03: LIST (and PUT, COPY, POST) per 1,000; GET per 1,000.</summary>
    public const decimal ListPer1000 = 0.005m;

    public const decimal GetPer1000 = 0.0004m;

    public const int OrganizationAccounts = 1000;
    public const int OrganizationPrefixes = 1000 * 17;

    public static void Print(IReadOnlyList<CostReport> reports, int accounts, int regions, TimeSpan measured)
    {
        var days = measured.TotalDays;
        Console.WriteLine($"measured: {accounts} accounts × {regions} regions, a log every 5 minutes per prefix, {measured.TotalHours:F0} simulated hours after 9 days of history; scaled: {OrganizationAccounts:N0} accounts × 17 regions");
        Console.WriteLine("| mode | request | measured per prefix-day | organization per day (scaled) | price per day |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var report in reports)
        {
            decimal total = 0;
            foreach (var kind in new[] { RequestKinds.List, RequestKinds.Get, RequestKinds.DigestList, RequestKinds.DigestGet })
            {
                var perPrefixDay = report.PrefixRequests.GetValueOrDefault(kind) / (report.Prefixes * days);
                var perDay = perPrefixDay * OrganizationPrefixes;
                var price = (decimal)perDay / 1000 * (kind is RequestKinds.List or RequestKinds.DigestList ? ListPer1000 : GetPer1000);
                total += price;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {report.Mode} | S3 {kind} (prefix) | {perPrefixDay:F1} | {perDay:N0} | ${price:F2} |"));
            }

            // Discovery is computed, not measured: its grains' timers are the ones least reliable on the simulated clock.
            // Every discovery interval (the defaults: 10 minutes polling, an hour with queues): one LIST of the bucket, one
            // of the organization, one per account. Rounds a notification brings forward come only with a new account or
            // region, which a steady organization does not have.
            var interval = report.Mode == "polling" ? new IngestionOptions().DiscoveryInterval : new NotificationOptions().DiscoveryInterval;
            var discoveryPerDay = (2.0 + OrganizationAccounts) * (TimeSpan.FromDays(1) / interval);
            var discoveryPrice = (decimal)discoveryPerDay / 1000 * ListPer1000;
            total += discoveryPrice;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {report.Mode} | S3 List (discovery: computed, 1 + 1 + 1 per account every {interval.TotalMinutes:F0} minutes) | — | {discoveryPerDay:N0} | ${discoveryPrice:F2} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {report.Mode} | **S3 total** | | | **${total:F2}** |"));
        }
    }
}
