using System.Diagnostics;
using System.Globalization;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Grains.Infrastructure;

namespace PinpointAggregator.Benchmarks.Notifications;

/// <summary>
/// What polling and notifications cost in S3 requests, measured on the service's own code: a silo whose clock is
/// simulated reads ACCOUNTS × REGIONS prefixes, each delivering a log every 5 minutes (and CloudTrail's hourly
/// digests), for a stretch of simulated hours after 9 days of history (so the reconcile lists its full horizon),
/// once polling and once with every delivered log notified to its prefix grain the way the queue consumer hands
/// it over (<c>ITrailPrefixGrain.ReadNotifiedAsync</c>). The prefix grains count their own requests by kind;
/// the process-wide <c>pinpoint.store.requests</c> adds discovery's. Prints requests per prefix-day (measured)
/// and the organization's day at 1,000 accounts × 17 regions (scaled), with S3's prices.
/// </summary>
/// <remarks>Usage: <c>PinpointAggregator.Benchmarks cost [ACCOUNTS] [REGIONS] [MEASURED_HOURS] [polling|notified|both]</c>.</remarks>
internal static class CostBenchmark
{
    private static readonly DateTime HistoryStart = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan History = TimeSpan.FromDays(9);
    private static readonly TimeSpan WarmUp = TimeSpan.FromHours(12);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    public static async Task RunAsync(string[] args)
    {
        var accounts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2;
        var regions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        var measured = TimeSpan.FromHours(args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 48);
        var modes = args.Length > 3 && args[3] != "both" ? [args[3]] : new[] { "polling", "notified" };

        var results = new List<CostReport>();
        foreach (var mode in modes)
        {
            results.Add(await MeasureAsync(mode == "notified", accounts, regions, measured));
        }

        CostReport.Print(results, accounts, regions, measured);
    }

    private static async Task<CostReport> MeasureAsync(bool notified, int accounts, int regions, TimeSpan measured)
    {
        var name = notified ? "notified" : "polling";
        var now = HistoryStart + History;
        var end = now + WarmUp + measured;
        var clock = Stopwatch.StartNew();
        var trail = SimulatedTrail.Write(Path.Combine(Path.GetTempPath(), "pinpoint-cost-" + name), accounts, regions, HistoryStart, end + TimeSpan.FromHours(2));
        trail.DeliverUntil(now);
        Console.Error.WriteLine($"{name}: trail written in {clock.Elapsed.TotalSeconds:F0} s");

        using var meter = new RequestMeter();
        await using var silo = await SimulatedClockSilo.StartAsync(trail, HistoryStart, now, new Dictionary<string, string?>());
        await silo.Grains.GetGrain<IOrganizationGrain>(IOrganizationGrain.DefaultKey).StartAsync();
        var prefixes = await CaughtUpAsync(silo, accounts * regions);
        Console.Error.WriteLine($"{name}: {prefixes.Count} prefixes caught up with 9 days of history after {clock.Elapsed.TotalSeconds:F0} s");

        Dictionary<string, long>? prefixBefore = null, meterBefore = null;
        long notifiedFiles = 0;
        var outcomes = new Dictionary<NotifiedFileOutcome, long>();
        PrefixStatus[] statuses = [];
        long doublePolls = 0;
        while (silo.Clock.GetUtcNow().UtcDateTime < end)
        {
            var at = silo.Clock.GetUtcNow().UtcDateTime;
            if (prefixBefore is null && at >= now + WarmUp)
            {
                (prefixBefore, meterBefore) = (Sum(await StatusesAsync(silo, prefixes)), meter.Snapshot());
            }

            var delivered = trail.DeliverUntil(at);
            if (notified && delivered.Count > 0)
            {
                foreach (var result in await NotifyAsync(silo, prefixes, delivered, at))
                {
                    outcomes[result.Outcome] = outcomes.GetValueOrDefault(result.Outcome) + 1;
                }

                notifiedFiles += prefixBefore is null ? 0 : delivered.Count;
            }

            var polls = statuses.Length == 0 ? null : statuses.ToDictionary(st => st.Key, st => st.Counters.Polls);
            statuses = await silo.AdvanceAsync(Step, prefixes);
            doublePolls += polls is null ? 0 : statuses.Sum(st => Math.Max(0, st.Counters.Polls - polls[st.Key] - 1));
        }

        foreach (var status in statuses)
        {
            Console.Error.WriteLine($"  {status.Key}: last poll {status.LastPollAt:O}, next {status.NextPollAt:O}, interval {status.Interval}, read through {status.ReadThrough:O}, files {status.Counters.FilesRead}, polls {status.Counters.Polls}, failures {status.ConsecutiveFailures}, error {status.LastError}");
        }

        var prefixAfter = Sum(statuses);
        var meterAfter = meter.Snapshot();
        var modesSeen = string.Join(", ", statuses.GroupBy(s => s.Notifications.Mode.ToString()).Select(g => $"{g.Key} ×{g.Count()}"));
        Console.Error.WriteLine($"{name}: simulated {WarmUp + measured} in {clock.Elapsed.TotalSeconds:F0} s; modes at the end: {modesSeen}; notified outcomes: {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))}; polls the harness ran for a timer that did not fire: {silo.PollsDriven}, steps with more than one poll in a prefix: {doublePolls}");
        return new CostReport(
            name,
            Delta(prefixBefore!, prefixAfter),
            Delta(meterBefore!, meterAfter),
            statuses.Sum(s => s.Counters.FilesRead),
            notifiedFiles,
            prefixes.Count);
    }

    /// <summary>Hands each delivered log to its prefix grain as the queue consumer does: one call per prefix, all at once.</summary>
    private static async Task<NotifiedFileResult[]> NotifyAsync(SimulatedClockSilo silo, IReadOnlyList<string> prefixes, List<(string Key, DateTime Stamp)> delivered, DateTime sentAt)
    {
        var calls = delivered
            .GroupBy(d => prefixes.Single(p => d.Key.StartsWith(p[(p.IndexOf('/', StringComparison.Ordinal) + 1)..], StringComparison.Ordinal)))
            .Select(g => silo.Grains.GetGrain<ITrailPrefixGrain>(g.Key).ReadNotifiedAsync([.. g.Select(d => new NotifiedFile(d.Key, d.Stamp, sentAt))]));
        return [.. (await Task.WhenAll(calls)).SelectMany(r => r)];
    }

    private static async Task<List<string>> CaughtUpAsync(SimulatedClockSilo silo, int expected)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(10))
        {
            var prefixes = await silo.PrefixesAsync();
            if (prefixes.Length == expected && prefixes.All(p => p.CaughtUp))
            {
                return [.. prefixes.Select(p => p.Key).Order(StringComparer.Ordinal)];
            }

            // Discovery and the backfill's turns run on timers due now; the clock stands still meanwhile.
            silo.Clock.Advance(TimeSpan.Zero);
            await Task.Delay(200);
        }

        throw new TimeoutException($"the prefixes did not catch up with their history: {string.Join("; ", (await silo.PrefixesAsync()).Select(p => $"{p.Key} caught up {p.CaughtUp}, read {p.Counters.FilesRead}, error {p.LastError}"))}");
    }

    private static async Task<PrefixStatus[]> StatusesAsync(SimulatedClockSilo silo, IReadOnlyList<string> prefixes) =>
        await Task.WhenAll(prefixes.Select(p => silo.Grains.GetGrain<ITrailPrefixGrain>(p).GetStatusAsync()));

    private static Dictionary<string, long> Sum(IEnumerable<PrefixStatus> statuses)
    {
        var sum = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (kind, count) in statuses.SelectMany(s => s.Counters.Requests))
        {
            sum[kind] = sum.GetValueOrDefault(kind) + count;
        }

        return sum;
    }

    private static Dictionary<string, long> Delta(Dictionary<string, long> before, Dictionary<string, long> after) =>
        after.ToDictionary(a => a.Key, a => a.Value - before.GetValueOrDefault(a.Key), StringComparer.Ordinal);
}
