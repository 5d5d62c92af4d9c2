using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Trail.Reading;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Grains.Prefixes;

/// <summary>
/// Downloads, reads and maps one trail file off the grain's thread (all of it is CPU or I/O), retrying
/// transient failures with backoff and jitter. Never throws for a store or file problem.
/// </summary>
public sealed class TrailFileFetcher(TrailFileReader reader, IngestionOptions options, TimeProvider time, IngestionMetrics metrics)
{
    internal Task<FileOutcome> FetchAsync(ITrailObjectStore store, string key, DateTime stamp, CancellationToken cancellationToken) =>
        Task.Run(() => FetchWithRetriesAsync(store, key, stamp, cancellationToken), cancellationToken);

    private async Task<FileOutcome> FetchWithRetriesAsync(ITrailObjectStore store, string key, DateTime stamp, CancellationToken cancellationToken)
    {
        var gets = 0;
        string code = "Unknown", message = string.Empty;
        for (var attempt = 1; attempt <= options.TransientAttempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(Backoff.Delay(attempt - 1, options.RetryBaseDelay, options.MaxRetryDelay), time, cancellationToken).ConfigureAwait(false);
            }

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

            // Straight from the store into the reader: an I/O failure midway comes back as SourceReadFailed.
            TrailReadResult result;
            using (content)
            {
                result = reader.Read(content);
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
}
