using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests;

/// <summary>
/// A service of its own for tests that add files, pause prefixes or re-read (the shared one must keep exactly
/// the sample's ground truth), with limits small enough to reach: exports of at most 50 events, a heartbeat
/// every second.
/// </summary>
public sealed class IngestingServiceFixture : ServiceFixture
{
    public const int MaxExportEvents = 50;

    private static int _minutes;

    protected override IEnumerable<KeyValuePair<string, string?>> Configuration =>
    [
        new("Api:MaxExportEvents", MaxExportEvents.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Api:WatchHeartbeatInterval", "00:00:01"),
    ];

    /// <summary>The trail prefixes of the sample, in account and region order.</summary>
    public async Task<IReadOnlyList<TrailPrefixKey>> PrefixesAsync()
    {
        var accounts = await new OrganizationService.OrganizationServiceClient(Channel).ListAccountsAsync(new ListAccountsRequest());
        return [.. accounts.Accounts.SelectMany(a => a.Prefixes).Select(p => TrailPrefixKey.Parse(p.Location))];
    }

    /// <summary>An application of the sample read through <paramref name="prefix"/>.</summary>
    public string ApplicationOf(TrailPrefixKey prefix, int index = 0) =>
        GroundTruth.Applications.Where(a => a.Value.Account == prefix.Account && a.Value.Region == prefix.Region).Select(a => a.Key).Order(StringComparer.Ordinal).ElementAt(index);

    /// <summary>A delivery time after every file of the sample and every file added before, a minute apart.</summary>
    public static DateTime NextDelivery() => new DateTime(2024, 6, 2, 1, 0, 0, DateTimeKind.Utc).AddMinutes(Interlocked.Increment(ref _minutes));
}

/// <summary>Tests that change what the service has read share <see cref="IngestingServiceFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class IngestingService : ICollectionFixture<IngestingServiceFixture>
{
    public const string Name = "ingesting";
}
