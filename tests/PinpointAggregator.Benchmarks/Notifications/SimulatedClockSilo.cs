using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Grains;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Grains.Organization;
using PinpointAggregator.Host.Hosting;

namespace PinpointAggregator.Benchmarks.Notifications;

/// <summary>
/// One in-process silo (in-memory storage) whose every clock is <see cref="Clock"/>, a simulated one: the grains'
/// <c>TimeProvider</c> and Orleans' own timers and reminders alike, so advancing it runs the service's real
/// schedule (polls, back-off, reconciles, digest listings) for hours in seconds.
/// </summary>
internal sealed class SimulatedClockSilo(IHost host, FakeTimeProvider clock) : IAsyncDisposable
{
    public FakeTimeProvider Clock => clock;

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<SimulatedClockSilo> StartAsync(SimulatedTrail trail, DateTime startFrom, DateTime now, IReadOnlyDictionary<string, string?> settings)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(now, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.Zero };
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Error);

        // The simulated clock jumps a minute at a time, which Orleans' health monitor reports as a stalled thread pool.
        builder.Logging.AddFilter("Orleans.Runtime.MembershipService.LocalSiloHealthMonitor", LogLevel.None);
        var configuration = new Dictionary<string, string?>
        {
            ["Ingestion:Buckets:0:Name"] = "org-trail-bucket",
            ["Ingestion:Buckets:0:LocalPath"] = trail.Bucket,
            ["Ingestion:StartFrom"] = startFrom.ToString("O", CultureInfo.InvariantCulture),
            ["Integrity:PublicKeyFiles:0"] = trail.PublicKeyFile,
        };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);

        // Registered first: the ingestion services and Orleans only add a TimeProvider when none is there.
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddPinpointIngestion(builder.Configuration).AddTrailStores(builder.Configuration);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort: 11412, gatewayPort: 30412)
            .AddMemoryGrainStorage(StorageNames.Audit, memory => memory.GrainStorageSerializer = new GrainStateJsonSerializer())
            .UseInMemoryReminderService()
            .Configure<SiloMessagingOptions>(messaging =>
            {
                // Call timeouts run on the simulated clock too: a call still pending when the clock jumps must not time out.
                messaging.ResponseTimeout = TimeSpan.FromDays(30);
                messaging.SystemResponseTimeout = TimeSpan.FromDays(30);
            }));
        var host = builder.Build();
        await host.StartAsync();
        return new SimulatedClockSilo(host, clock);
    }

    public async Task<PrefixStatus[]> PrefixesAsync() => [.. (await OrganizationSnapshot.TakeAsync(Grains)).Prefixes];

    /// <summary>Polls the harness ran itself because the grain's timer did not fire on the simulated clock in time (see <see cref="AdvanceAsync"/>).</summary>
    public long PollsDriven { get; private set; }

    /// <summary>
    /// Moves the clock on by <paramref name="step"/> and returns once every prefix has run the poll that came due: a
    /// poll sets the prefix's next poll after now when it ends (status calls interleave with a running poll, so they
    /// alone cannot tell).
    /// </summary>
    /// <remarks>
    /// Orleans' grain timers run on the injected clock, but now and then one armed during a tick does not fire when
    /// the simulated clock passes its due time. The harness then runs the due poll itself (<c>PollNowAsync</c>, the
    /// same poll the timer runs) and counts it in <see cref="PollsDriven"/>; the schedule — when the next poll is due —
    /// stays the grain's own. A timer firing late after that would poll twice, which the caller sees in the polls
    /// counter.
    /// </remarks>
    public async Task<PrefixStatus[]> AdvanceAsync(TimeSpan step, IReadOnlyList<string> prefixes)
    {
        clock.Advance(step);
        var now = clock.GetUtcNow().UtcDateTime;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var statuses = await Task.WhenAll(prefixes.Select(p => Grains.GetGrain<ITrailPrefixGrain>(p).GetStatusAsync()));
            var due = statuses.Where(s => s.NextPollAt is { } next && next <= now).ToList();
            if (due.Count == 0)
            {
                return statuses;
            }

            if (waited.Elapsed > TimeSpan.FromMilliseconds(250))
            {
                PollsDriven += due.Count;
                await Task.WhenAll(due.Select(s => Grains.GetGrain<ITrailPrefixGrain>(s.Key).PollNowAsync()));
                waited.Restart();
                continue;
            }

            await Task.Delay(waited.Elapsed < TimeSpan.FromMilliseconds(20) ? 1 : 10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await host.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // A stop waiting on the simulated clock: the process ends anyway.
        }

        host.Dispose();
    }
}
