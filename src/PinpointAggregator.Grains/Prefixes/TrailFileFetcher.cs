using System.Globalization;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Trail.Reading;
using PinpointAggregator.Trail.Storage;
using PinpointAggregator.Audit.Events;

namespace PinpointAggregator.Grains.Prefixes;

/// <summary>
/// Downloads, reads and maps one trail file off the grain's thread (all of it is CPU or I/O), retrying
/// transient failures with backoff and jitter. Never throws for a store or file problem.
/// </summary>
/// <remarks>
/// The object streams from the store into the reader; nothing holds it whole. Its compressed size is
/// bounded by <see cref="IngestionOptions.MaxObjectBytes"/> twice: a listed size above it is quarantined
/// without a GET, and a download that passes it is stopped and quarantined, because the member accounts
/// that write the bucket are not trusted and an object can change between the listing and the GET.
/// </remarks>
/// <para>Every attempt holds a slot of the silo's <see cref="SiloReadBudget"/> from the GET until the file is
/// read; the backoff between attempts holds none.</para>
public sealed class TrailFileFetcher(TrailFileReader<AuditEvent> reader, IngestionOptions options, TimeProvider time, IngestionMetrics metrics, SiloReadBudget budget)
{
    /// <summary>Fetches and reads one file; <paramref name="listedSize"/> is the size the listing gave, null
    /// when unknown (a file retried by key); <paramref name="live"/>: a caught-up prefix's read, served first.</summary>
    internal Task<FileOutcome> FetchAsync(ITrailObjectStore store, string key, DateTime stamp, long? listedSize, bool live, CancellationToken cancellationToken) =>
        Task.Run(() => FetchWithRetriesAsync(store, key, stamp, listedSize, live, cancellationToken), cancellationToken);

    private async Task<FileOutcome> FetchWithRetriesAsync(ITrailObjectStore store, string key, DateTime stamp, long? listedSize, bool live, CancellationToken cancellationToken)
    {
        if (listedSize > options.MaxObjectBytes)
        {
            return FileOutcome.Quarantine(
                key,
                stamp,
                gets: 0,
                FileOutcome.ObjectTooLarge,
                $"the object is {listedSize} bytes, more than Ingestion:MaxObjectBytes ({options.MaxObjectBytes} bytes); it was not downloaded");
        }

        var gets = 0;
        string code = "Unknown", message = string.Empty;
        for (var attempt = 1; attempt <= options.TransientAttempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(Backoff.Delay(attempt - 1, options.RetryBaseDelay, options.MaxRetryDelay), time, cancellationToken).ConfigureAwait(false);
            }

            using var slot = await budget.AcquireAsync(live, cancellationToken).ConfigureAwait(false);
            Stream content;
            try
            {
                gets++;
                metrics.Request(RequestKinds.Get);
                content = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
            }
            catch (TrailStoreException e) when (e.Kind is TrailStoreErrorKind.NotFound or TrailStoreErrorKind.Unreadable)
            {
                return FileOutcome.Quarantine(key, stamp, gets, e.Kind.ToString(), $"{e.Code}: {e.Message}");
            }
            catch (TrailStoreException e)
            {
                (code, message) = (e.Code, e.Message);
                if (e.IsTransient)
                {
                    continue;
                }

                return FileOutcome.RetryLater(key, stamp, gets, code, message);
            }

            // Straight from the store into the reader: an I/O failure midway comes back as SourceReadFailed,
            // and so does the guard stopping the download, which only the guard can tell apart.
            TrailReadResult<AuditEvent> result;
            using (var guarded = new SizeLimitedStream(content, options.MaxObjectBytes, cancellationToken))
            {
                // Asynchronous: a download waiting on the network holds no thread the silo could schedule on.
                result = await reader.ReadAsync(guarded, cancellationToken).ConfigureAwait(false);
                if (guarded.LimitExceeded)
                {
                    return FileOutcome.Quarantine(
                        key,
                        stamp,
                        gets,
                        FileOutcome.ObjectTooLarge,
                        $"the download passed Ingestion:MaxObjectBytes ({options.MaxObjectBytes} bytes) and was stopped ({Listed(listedSize)})");
                }
            }

            if (result.Error is { IsTransient: true } transient)
            {
                (code, message) = (transient.Kind.ToString(), transient.Message);
                continue;
            }

            return result.Error is { } error
                ? FileOutcome.Quarantine(key, stamp, gets, error.Kind.ToString(), error.Message, error.RecordsReadBeforeError)
                : FileOutcome.Success(key, stamp, gets, result);
        }

        return FileOutcome.RetryLater(key, stamp, gets, code, message);
    }

    private static string Listed(long? size) =>
        size is { } bytes ? string.Create(CultureInfo.InvariantCulture, $"it was listed at {bytes} bytes") : "its listed size was not known";
}
