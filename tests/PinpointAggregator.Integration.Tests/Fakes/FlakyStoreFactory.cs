using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Integration.Tests.Fakes;

/// <summary>
/// Local-folder buckets whose GETs fail with a transient error (like S3's 503 SlowDown) a planned number
/// of times per key, to prove a flaky store delays a file but never skips it.
/// </summary>
internal sealed class FlakyStoreFactory(IOptions<IngestionOptions> options) : ITrailObjectStoreFactory
{
    /// <summary>Remaining failures per key, shared with the test (the silos run in the test process).</summary>
    public static ConcurrentDictionary<string, int> FailuresLeft { get; } = new(StringComparer.Ordinal);

    /// <summary>Listings that crash with an exception no store should throw, to prove schedules survive anything.</summary>
    public static int ListCrashesLeft;

    public ITrailObjectStore Open(string bucket, string? account) =>
        new FlakyStore(new LocalFolderObjectStore(options.Value.Buckets.Single(b => b.Name == bucket).LocalPath!));

    public string DescribeCredentials(string bucket, string? account) => "flaky local folder";

    private sealed class FlakyStore(ITrailObjectStore inner) : ITrailObjectStore
    {
        public Task<TrailObjectListing> ListAsync(TrailListRequest request, CancellationToken cancellationToken) =>
            Interlocked.Decrement(ref ListCrashesLeft) >= 0
                ? throw new InvalidOperationException("An unexpected failure inside the store.")
                : inner.ListAsync(request, cancellationToken);

        public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
        {
            lock (FailuresLeft)
            {
                if (FailuresLeft.TryGetValue(key, out var left) && left > 0)
                {
                    FailuresLeft[key] = left - 1;
                    throw new TrailStoreException(TrailStoreErrorKind.Transient, "SlowDown", "Please reduce your request rate.");
                }
            }

            return inner.OpenReadAsync(key, cancellationToken);
        }
    }
}
