using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace PinpointAggregator.Grains.Tests.Prefixes.Notifications;

/// <summary>
/// One silo running real prefix grains on a folder bucket and the test's clock. Each test takes a prefix of its own
/// (<see cref="NewPrefix"/>); polls run only when the test asks (a poll interval of an hour of real time, and
/// reminders that never tick), so counted requests are exactly those of the polls and notifications a test made.
/// </summary>
public sealed class PrefixCluster : IAsyncLifetime
{
    /// <summary>The test collection sharing one cluster (and its clock, so its tests never run at once).</summary>
    public const string Collection = "prefix cluster";

    internal const string FolderSetting = "Test:Folder";
    internal const string ClockSetting = "Test:Clock";

    /// <summary>When every test starts: a Monday morning.</summary>
    public static readonly DateTime T0 = new(2024, 6, 10, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>The clocks of the clusters of this process, by id (silo configurators are made by type, so they look theirs up).</summary>
    internal static readonly ConcurrentDictionary<string, SettableClock> Clocks = new(StringComparer.Ordinal);

    /// <summary>Keys whose GETs are refused (AccessDenied), until the test removes them. Keys name their test's own account.</summary>
    internal static readonly ConcurrentDictionary<string, bool> DeniedKeys = new(StringComparer.Ordinal);

    private readonly string _clockId = Guid.NewGuid().ToString("N");
    private int _prefixes;
    private TestCluster? _cluster;

    internal string Folder { get; } = Directory.CreateTempSubdirectory("pa-notified-").FullName;

    internal SettableClock Clock { get; } = new(T0);

    public IGrainFactory Grains => _cluster!.Client;

    /// <summary>Longer than the poll interval (an hour, so that no timer fires during a test), so a notified prefix's next poll is its quiet deadline.</summary>
    public static TimeSpan QuietAfter => TimeSpan.FromHours(2);

    /// <summary>The first reconcile is due 12 to 24 hours after a prefix's first poll: never in a test that does not wait for it.</summary>
    public static TimeSpan ReconcileInterval => TimeSpan.FromHours(24);

    public async Task InitializeAsync()
    {
        Clocks[_clockId] = Clock;
        var builder = new TestClusterBuilder(1);
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [FolderSetting] = Folder,
            [ClockSetting] = _clockId,
            ["Ingestion:PollInterval"] = "01:00:00",
            ["Ingestion:MaxPollInterval"] = "02:00:00",
            ["Ingestion:Notifications:QuietAfter"] = QuietAfter.ToString("c", CultureInfo.InvariantCulture),
            ["Ingestion:ReconcileInterval"] = ReconcileInterval.ToString("c", CultureInfo.InvariantCulture),
        }));
        builder.AddSiloBuilderConfigurator<PrefixSiloConfigurator>();
        builder.AddClientBuilderConfigurator<PrefixClientConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        Clocks.TryRemove(_clockId, out _);
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>A prefix of an account no other test uses, with the clock at <see cref="T0"/>.</summary>
    internal TestPrefix NewPrefix()
    {
        Clock.Set(T0);
        var account = (100000000000L + Interlocked.Increment(ref _prefixes)).ToString(CultureInfo.InvariantCulture);
        return new TestPrefix(this, account);
    }
}
