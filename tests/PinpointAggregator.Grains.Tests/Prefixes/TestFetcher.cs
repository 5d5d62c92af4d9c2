using System.Diagnostics.Metrics;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Grains.Prefixes;
using PinpointAggregator.Trail.Reading;
using PinpointAggregator.Audit.Pinpoint;

namespace PinpointAggregator.Grains.Tests.Prefixes;

/// <summary>A fetcher with quick retries (three attempts, milliseconds apart) and a given size limit.</summary>
internal static class TestFetcher
{
    public const string Key = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/06/01/111122223333_CloudTrail_us-east-1_20240601T0000Z_a.json.gz";

    public static readonly DateTime Stamp = new(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    public static TrailFileFetcher Create(IMeterFactory meters, long maxObjectBytes = IngestionOptions.DefaultMaxObjectBytes)
    {
        var options = new IngestionOptions
        {
            TransientAttempts = 3,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(2),
            MaxObjectBytes = maxObjectBytes,
        };
        return new TrailFileFetcher(AuditEventReader.Create(), options, TimeProvider.System, new IngestionMetrics(meters), new SiloReadBudget(2));
    }
}
