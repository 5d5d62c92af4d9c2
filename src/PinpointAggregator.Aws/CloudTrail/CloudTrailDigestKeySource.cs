using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Aws.CloudTrail;

/// <summary>
/// The service's digest public keys: the trusted keys from files first, then, when a <see cref="ListPublicKeysClient"/>
/// is given, CloudTrail's <c>ListPublicKeys</c> in the digest's region with the account's credentials. Thread-safe;
/// one per silo.
/// </summary>
/// <remarks>
/// <para>
/// A key is named by the MD5 of its bytes, the same in every region and account, so a key CloudTrail listed is kept by
/// fingerprint and never fetched again. A fingerprint CloudTrail did not list is remembered as unknown for
/// <c>unknownKeyRetry</c>; a forged fingerprint in a member account's digest therefore costs one listing, not one per
/// poll. Listings of one region are shared: lookups that arrive while one runs wait for it, and a listing finished less
/// than <see cref="RegionRelistInterval"/> ago answers for every fingerprint whose digest time it covers (a second
/// listing that soon covers every time since <see cref="EarliestKeyTime"/>), so forged fingerprints or times cost at
/// most two listings per region per interval. After a failed listing the region is not asked again for
/// <see cref="FailureBackoff"/>; its lookups throw the same <see cref="DigestKeySourceException"/> meanwhile.
/// </para>
/// <para>
/// A listing covers the digest's time: from <see cref="LookBack"/> before its end time (a key signs digests of the
/// hours it is valid for; a late or backfill digest is signed later, so the window runs to now).
/// </para>
/// </remarks>
public sealed partial class CloudTrailDigestKeySource : IDigestPublicKeySource
{
    /// <summary>No CloudTrail digest is older: log-file integrity validation began in 2015.</summary>
    public static readonly DateTimeOffset EarliestKeyTime = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A listing starts this long before the digest's end time.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(1);

    /// <summary>A region's listing answers for fingerprints looked up this soon after it.</summary>
    public static readonly TimeSpan RegionRelistInterval = TimeSpan.FromMinutes(1);

    /// <summary>After a failed listing, a region is not asked again for this long.</summary>
    public static readonly TimeSpan FailureBackoff = TimeSpan.FromMinutes(1);

    /// <summary>Most fingerprints remembered as unknown (forged ones are free to make); past it, the oldest are forgotten first.</summary>
    public const int MaxUnknownFingerprints = 10_000;

    /// <summary>Most keys kept from listings; CloudTrail has a handful per region.</summary>
    public const int MaxListedKeys = 10_000;

    private const int Md5HexLength = 32;

    private readonly DigestPublicKeySet _trusted;
    private readonly ListPublicKeysClient? _listPublicKeys;
    private readonly TimeSpan _unknownKeyRetry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, DigestPublicKey> _listed = new(StringComparer.Ordinal);

    // Guards the unknown fingerprints and the regions' listings; held only for bookkeeping, never across a request.
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Region, string Fingerprint), DateTimeOffset> _unknownUntil = [];
    private readonly Dictionary<string, RegionListings> _regions = new(StringComparer.Ordinal);

    /// <param name="trusted">Keys from files; always looked at first, and the only ones without <paramref name="listPublicKeys"/>.</param>
    /// <param name="listPublicKeys">Null: files only, no AWS request ever (air-gapped use, local folders).</param>
    /// <param name="unknownKeyRetry">How long a fingerprint CloudTrail did not list is answered as unknown without asking again.</param>
    /// <param name="time">The clock for the retry times.</param>
    /// <param name="logger">Where listings' outcomes go.</param>
    public CloudTrailDigestKeySource(DigestPublicKeySet trusted, ListPublicKeysClient? listPublicKeys, TimeSpan unknownKeyRetry, TimeProvider time, ILogger<CloudTrailDigestKeySource>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(trusted);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(unknownKeyRetry, TimeSpan.Zero);
        (_trusted, _listPublicKeys, _unknownKeyRetry, _time) = (trusted, listPublicKeys, unknownKeyRetry, time);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>True when unknown fingerprints are looked up with <c>ListPublicKeys</c>.</summary>
    public bool ListsPublicKeys => _listPublicKeys is not null;

    public async Task<DigestPublicKey?> FindAsync(string accountId, string region, string fingerprint, DateTimeOffset digestEndTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(fingerprint);

        // No key has a name that is not an MD5: nothing to ask anyone.
        if (fingerprint.Length != Md5HexLength || !fingerprint.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        fingerprint = fingerprint.ToLowerInvariant();
        if (_trusted.TryGet(fingerprint, out var trusted))
        {
            return trusted;
        }

        if (_listPublicKeys is null)
        {
            return null;
        }

        if (!TrailNames.IsAccountId(accountId) || !TrailNames.IsRegion(region))
        {
            throw new ArgumentException($"Not an account id and region: '{accountId}', '{region}'.");
        }

        var windowStart = WindowStart(digestEndTime, _time.GetUtcNow());
        while (true)
        {
            if (_listed.TryGetValue(fingerprint, out var listed))
            {
                return listed;
            }

            var listing = Next(accountId, region, fingerprint, windowStart);
            if (listing is null)
            {
                return null;
            }

            await listing.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (_listed.TryGetValue(fingerprint, out listed))
            {
                return listed;
            }

            if (listing.WindowStart <= windowStart)
            {
                RememberUnknown(region, fingerprint);
                return null;
            }

            // The listing that ran covered less time than this digest needs; the next one will cover it.
        }
    }

    /// <summary>
    /// The listing to wait for (one running, or one started now), or null when the fingerprint is known to be unknown
    /// (remembered, or a recent listing covering the window did not have it). Throws during a failure's back-off.
    /// </summary>
    private Listing? Next(string accountId, string region, string fingerprint, DateTimeOffset windowStart)
    {
        Listing started;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_unknownUntil.TryGetValue((region, fingerprint), out var until) && now < until)
            {
                return null;
            }

            if (!_regions.TryGetValue(region, out var state))
            {
                _regions[region] = state = new RegionListings();
            }

            if (state.Running is { } running)
            {
                return running;
            }

            if (state.LastFailure is { } failure && now < failure.At + FailureBackoff)
            {
                throw new DigestKeySourceException($"{failure.Message} (not asked again before {failure.At + FailureBackoff:O})");
            }

            var recent = state.LastSuccess is { } last && now < last.StartedAt + RegionRelistInterval ? last : null;
            if (recent is not null && recent.WindowStart <= windowStart)
            {
                RememberUnknownLocked(region, fingerprint, now);
                return null;
            }

            // Asked again this soon for a time the last listing did not cover: cover every time, once.
            started = new Listing(recent is null ? windowStart : EarliestKeyTime, now);
            state.Running = started;
        }

        _ = RunAsync(started, accountId, region);
        return started;
    }

    /// <summary>Lists the region's keys and records the outcome; never cancelled by one waiter (all share it).</summary>
    private async Task RunAsync(Listing listing, string accountId, string region)
    {
        try
        {
            var keys = await _listPublicKeys!.ListAsync(accountId, region, listing.WindowStart, listing.StartedAt, CancellationToken.None).ConfigureAwait(false);
            foreach (var key in keys)
            {
                if (_listed.Count < MaxListedKeys || _listed.ContainsKey(key.Key.Fingerprint))
                {
                    _listed.TryAdd(key.Key.Fingerprint, key.Key);
                }
            }

            LogListed(_logger, region, keys.Count, listing.WindowStart);
            Finish(region, listing, failure: null);
            listing.Done.TrySetResult();
        }
        catch (DigestKeySourceException e)
        {
            Finish(region, listing, e.Message);
            Fail(listing, e);
        }
        catch (Exception e)
        {
            // A bug, not a failed request; still, no waiter may hang on it.
            Finish(region, listing, $"ListPublicKeys in {region} failed unexpectedly ({e.GetType().Name})");
            Fail(listing, e);
        }
    }

    /// <summary>Every waiter gets the failure; marked observed, since all of them may have stopped waiting.</summary>
    private static void Fail(Listing listing, Exception failure)
    {
        listing.Done.TrySetException(failure);
        _ = listing.Done.Task.Exception;
    }

    private void Finish(string region, Listing listing, string? failure)
    {
        lock (_gate)
        {
            var state = _regions[region];
            state.Running = null;
            if (failure is null)
            {
                state.LastSuccess = listing;
                state.LastFailure = null;
            }
            else
            {
                state.LastFailure = new Failure(_time.GetUtcNow(), failure);
            }
        }
    }

    private void RememberUnknown(string region, string fingerprint)
    {
        lock (_gate)
        {
            RememberUnknownLocked(region, fingerprint, _time.GetUtcNow());
        }
    }

    private void RememberUnknownLocked(string region, string fingerprint, DateTimeOffset now)
    {
        if (_unknownUntil.Count >= MaxUnknownFingerprints)
        {
            foreach (var expired in _unknownUntil.Where(u => u.Value <= now).Select(u => u.Key).ToList())
            {
                _unknownUntil.Remove(expired);
            }

            // Still full of live entries (a flood of forged fingerprints): forget the ones due soonest.
            foreach (var oldest in _unknownUntil.OrderBy(u => u.Value).Take(_unknownUntil.Count - MaxUnknownFingerprints + 1).Select(u => u.Key).ToList())
            {
                _unknownUntil.Remove(oldest);
            }
        }

        var until = now + _unknownKeyRetry;
        _unknownUntil[(region, fingerprint)] = until;
        LogUnknown(_logger, fingerprint, region, until);
    }

    /// <summary><see cref="LookBack"/> before the digest's end, but never after now's, nor before <see cref="EarliestKeyTime"/>.</summary>
    private static DateTimeOffset WindowStart(DateTimeOffset digestEndTime, DateTimeOffset now)
    {
        var start = (digestEndTime < now ? digestEndTime : now) - LookBack;
        return start < EarliestKeyTime ? EarliestKeyTime : start;
    }

    [LoggerMessage(312, LogLevel.Information, "ListPublicKeys in {Region} listed {Count} keys valid since {WindowStart:O}")]
    private static partial void LogListed(ILogger logger, string region, int count, DateTimeOffset windowStart);

    [LoggerMessage(313, LogLevel.Information, "No CloudTrail public key in {Region} has the fingerprint {Fingerprint}; it is answered as unknown until {RetryAt:O}")]
    private static partial void LogUnknown(ILogger logger, string fingerprint, string region, DateTimeOffset retryAt);

    /// <summary>One region's listings: the one running, the last that succeeded, the last failure.</summary>
    private sealed class RegionListings
    {
        public Listing? Running { get; set; }

        public Listing? LastSuccess { get; set; }

        public Failure? LastFailure { get; set; }
    }

    /// <summary>A listing of keys valid from <see cref="WindowStart"/> to <see cref="StartedAt"/>, and its completion.</summary>
    private sealed class Listing(DateTimeOffset windowStart, DateTimeOffset startedAt)
    {
        public DateTimeOffset WindowStart { get; } = windowStart;

        public DateTimeOffset StartedAt { get; } = startedAt;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record Failure(DateTimeOffset At, string Message);
}
