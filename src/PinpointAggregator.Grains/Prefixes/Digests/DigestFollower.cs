using Microsoft.Extensions.Logging;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Trail.Integrity;
using PinpointAggregator.Trail.Keys;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Grains.Prefixes.Digests;

/// <summary>
/// A prefix's share of integrity validation, once per poll after its logs: lists its digest folder when a
/// listing is due (<see cref="DigestListing"/>, at most one LIST), GETs each digest once when the prefix has
/// read every log before it, checks it with its chain's <see cref="DigestChainVerifier"/>, and reports the
/// logs no digest lists (<see cref="UnlistedLogs"/>). Findings go to the finding store; counts, recent ones
/// and each chain's state stay in the prefix's state.
/// </summary>
/// <remarks>
/// Never holds back log ingestion: it runs after the logs, its work per poll is bounded
/// (<see cref="DigestsPerPoll"/> GETs, one page of listing), and whatever fails (a listing, a GET, the key
/// source, the finding store) is said in status and tried again next poll. A digest that cannot be checked
/// now (a GET failed, its key source failed, a listed log waits for a retry) holds back the later digests of
/// its chain, which are checked in order of their names; other chains go on.
/// </remarks>
internal sealed partial class DigestFollower(
    TrailPrefixKey prefix,
    TrailPrefixState prefixState,
    DigestFollowerServices services,
    string? digestBucket,
    ILogger logger)
{
    /// <summary>Digest GETs per poll at most: two days of one chain, so a backfill catches up quickly and forged digests cost a bounded share.</summary>
    public const int DigestsPerPoll = 48;

    /// <summary>Digests listed and waiting at most; the listing stops there and goes on once some are checked.</summary>
    public const int MaxWaiting = 1_000;

    /// <summary>Checked digest keys remembered at most (about a day of every chain needs a few hundred).</summary>
    public const int MaxChecked = 5_000;

    /// <summary>Logs reported as listed by no digest per poll at most; the rest are found on the next polls.</summary>
    public const int UnlistedPerPoll = 1_000;

    /// <summary>Recent findings kept in state for status.</summary>
    public const int RecentFindings = 20;

    /// <summary>Recent gaps kept in state: the unlisted-log check reaches only the last hours, so a few suffice.</summary>
    public const int RecentGaps = 50;

    /// <summary>GETs of digests at once.</summary>
    private const int FetchConcurrency = 4;

    /// <summary>Decompressed bytes of digests read but not checked yet (waiting for a key or a log) kept in memory, so a digest waiting is not downloaded again on every poll.</summary>
    private const long FetchedBytesKept = 16L * 1024 * 1024;

    /// <summary>A chain whose newest digest is this far behind the newest chain's has stopped (a trail deleted, validation off): it no longer holds back the unlisted-log check.</summary>
    private static readonly TimeSpan StoppedChainAge = TimeSpan.FromDays(1);

    /// <summary>Digests read and not checked yet, by key: this activation's memory only (a new one reads them again).</summary>
    private readonly Dictionary<string, FetchedDigest> _fetched = new(StringComparer.Ordinal);

    private PrefixIntegrityState State => prefixState.Integrity;

    private DateTime Now => services.Time.GetUtcNow().UtcDateTime;

    /// <summary>A new prefix verifies from its backfill start; one that read logs before this build, from now (its earlier logs have no hash).</summary>
    public void EnsureStarted()
    {
        State.From ??= prefixState.NewestKeyAt is null && prefixState.ReadThrough is null ? prefixState.BackfillFrom : Now;
    }

    /// <summary>One poll's digest work. Never throws for a store, key source or file problem (said in status instead).</summary>
    public async Task RunAsync(ITrailObjectStore store, CancellationToken cancellationToken)
    {
        if (!services.Options.Enabled)
        {
            return;
        }

        EnsureStarted();
        string? error = null;
        try
        {
            var listing = new DigestListing(prefix, State, services.Ingestion.MaxPollInterval, services.Ingestion.FutureKeySkew, MaxWaiting);
            if (listing.IsDue(Now))
            {
                error = await ListAsync(store, listing, cancellationToken);
            }

            error = await CheckDueAsync(store, cancellationToken) ?? error;
            await ReportUnlistedAsync(cancellationToken);
            listing.PruneChecked(MaxChecked);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A store (findings, done keys) away: nothing is lost, the digests stay waiting.
            error = $"{e.GetType().Name}: {e.Message}";
            LogFailed(logger, prefix.Format(), e.GetType().Name, e.Message);
        }

        State.LastError = error;
        services.Metrics.Prefix(prefix.Format(), prefix.Account, Lag(Now));
    }

    /// <summary>The prefix's integrity for its status.</summary>
    public PrefixIntegrityStatus Status(DateTime now)
    {
        var through = ValidatedThrough();
        return new PrefixIntegrityStatus
        {
            Enabled = services.Options.Enabled,
            ValidatedThrough = through,
            ValidatedThroughLag = through is { } t ? now - t : null,
            DigestsChecked = State.DigestsChecked,
            FindingsByKind = new Dictionary<string, long>(State.FindingsByKind, StringComparer.Ordinal),
            Violations = State.Violations,
            Recent = [.. State.Recent],
            DigestsWaiting = State.Waiting.Count,
            LastError = State.LastError ?? Bounded(),
        };
    }

    public TimeSpan? Lag(DateTime now) => ValidatedThrough() is { } through ? now - through : null;

    private string? Bounded() => State.Waiting.Count >= MaxWaiting
        ? $"{MaxWaiting} digests wait, the most that may: more than CloudTrail writes (forged ones?); the listing goes on as they are checked ({DigestsPerPoll} a poll)"
        : null;

    private async Task<string?> ListAsync(ITrailObjectStore store, DigestListing listing, CancellationToken cancellationToken)
    {
        CountRequest(RequestKinds.DigestList);
        try
        {
            var request = listing.Request();
            var page = await store.ListAsync(request, cancellationToken);
            listing.Add(request, page, Now);
            return null;
        }
        catch (TrailStoreException e)
        {
            // Listed again next poll (the listing stays due); the logs are not held back.
            LogListFailed(logger, prefix.Format(), e.Code, e.Message);
            return $"listing digests failed: {e.Code}: {e.Message}";
        }
    }

    /// <summary>GETs the due digests (bounded, a few at once) and checks them in the order of their names.</summary>
    private async Task<string?> CheckDueAsync(ITrailObjectStore store, CancellationToken cancellationToken)
    {
        var now = Now;
        var due = State.Waiting
            .Where(p => prefixState.ReadThrough >= p.Value.NameTime || now - p.Value.FoundAt >= services.Options.ListedLogWait)
            .OrderBy(p => p.Value.NameTime).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(DigestsPerPoll)
            .Select(p => p.Key)
            .ToList();
        if (due.Count == 0)
        {
            return null;
        }

        using var gate = new SemaphoreSlim(FetchConcurrency);
        var fresh = await Task.WhenAll(due.Where(key => !_fetched.ContainsKey(key)).Select(key => Task.Run(
            async () =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    return await FetchAsync(store, key, cancellationToken);
                }
                finally
                {
                    gate.Release();
                }
            },
            cancellationToken)));
        foreach (var digest in fresh)
        {
            CountRequest(RequestKinds.DigestGet);
            _fetched[digest.ObjectKey] = digest;
        }

        string? error = null;
        var held = new HashSet<DigestChainId>();
        var keys = new Dictionary<string, DigestPublicKey?>(StringComparer.Ordinal);
        foreach (var digest in due.Select(key => _fetched[key]))
        {
            var chain = DigestChainId.Of(digest.Key);
            if (held.Contains(chain))
            {
                continue;
            }

            var outcome = await CheckAsync(digest, chain, keys, cancellationToken);
            if (outcome is not null)
            {
                // Its chain's later digests wait too: checked before it, they would move the chain past it.
                held.Add(chain);
                error ??= outcome;
            }
        }

        KeepFetched();
        return error;
    }

    /// <summary>Keeps the digests read that still wait, up to <see cref="FetchedBytesKept"/>; a failed GET is tried again.</summary>
    private void KeepFetched()
    {
        var kept = 0L;
        foreach (var (key, digest) in _fetched.OrderBy(p => p.Key, StringComparer.Ordinal).ToList())
        {
            kept += digest.Read?.DecompressedBytes ?? 0;
            if (!State.Waiting.ContainsKey(key) || digest.Read is null || kept > FetchedBytesKept)
            {
                _fetched.Remove(key);
            }
        }
    }

    private async Task<FetchedDigest> FetchAsync(ITrailObjectStore store, string key, CancellationToken cancellationToken)
    {
        // Listed keys were parsed when listed; a stored one that no longer parses cannot name a chain.
        var parsed = TrailKey.TryParse(key, out var digestKey, out var reason) ? digestKey : throw new InvalidOperationException($"'{key}' is not a digest key: {reason}");
        try
        {
            using var content = await store.OpenWithMetadataAsync(key, cancellationToken).ConfigureAwait(false);
            var read = await services.Reader.ReadAsync(content.Content, cancellationToken).ConfigureAwait(false);
            if (read.Error is { IsTransient: true } transient)
            {
                return new FetchedDigest(key, parsed, null, null, false, $"reading {key} failed: {transient.Message}");
            }

            return new FetchedDigest(key, parsed, read, content.Metadata.GetValueOrDefault("signature"), false, null);
        }
        catch (TrailStoreException e) when (e.Kind == TrailStoreErrorKind.NotFound)
        {
            return new FetchedDigest(key, parsed, null, null, true, null);
        }
        catch (TrailStoreException e)
        {
            return new FetchedDigest(key, parsed, null, null, false, $"GET {key} failed: {e.Code}: {e.Message}");
        }
    }

    /// <summary>Checks one fetched digest; returns why it must wait, or null when it is done with.</summary>
    private async Task<string?> CheckAsync(FetchedDigest fetched, DigestChainId chainId, Dictionary<string, DigestPublicKey?> keys, CancellationToken cancellationToken)
    {
        var key = fetched.ObjectKey;
        var waiting = State.Waiting[key];
        if (fetched.Gone)
        {
            // Deleted since the listing: its successor names it (DigestMissing), or the hourly gap shows.
            State.Waiting.Remove(key);
            return null;
        }

        if (fetched.Read is not { } read)
        {
            return fetched.Error;
        }

        var digest = read.Digest;
        if (digest is not null && digest.DigestStartTime.UtcDateTime < State.From)
        {
            // It covers time before the prefix's first log: its listed logs were never read here.
            Done(key, waiting);
            return null;
        }

        var chain = ChainOf(chainId);
        var trusted = new List<DigestPublicKey>();
        if (digest is not null)
        {
            try
            {
                await AddKeyAsync(trusted, keys, digest.DigestPublicKeyFingerprint, digest.DigestEndTime, cancellationToken);
                if (chain.Last is { PendingSigningString: not null, Fingerprint: { } pending } last)
                {
                    await AddKeyAsync(trusted, keys, pending, new DateTimeOffset(last.End, TimeSpan.Zero), cancellationToken);
                }
            }
            catch (DigestKeySourceException e)
            {
                LogKeySourceFailed(logger, prefix.Format(), e.Message);
                return $"the public-key source cannot answer now ({e.Message}); digests wait";
            }
        }

        var listed = digest?.LogFiles.Select(l => l.S3Object).Distinct(StringComparer.Ordinal).ToList() ?? [];
        var recorded = listed.Count == 0
            ? new Dictionary<string, DoneKeys.DoneKeyHash>()
            : await services.DoneKeys.FindHashesAsync(prefix.Format(), listed, cancellationToken);
        var waitedLongEnough = Now - waiting.FoundAt >= services.Options.ListedLogWait;
        if (ListedLogStates.Resolve(listed, recorded, prefixState.Retry, waitedLongEnough) is not { } states)
        {
            return null; // a listed log waits for a retry: checked on a later poll (not an error)
        }

        var verifier = new DigestChainVerifier(new DigestSignatureVerifier(new DigestPublicKeySet(trusted)), chain.ToState());
        var findings = verifier.Check(new DigestObservation(digestBucket, key, read, fetched.Signature), states);
        await ReportAsync(findings, cancellationToken);
        if (listed.Count > 0)
        {
            await services.DoneKeys.MarkListedAsync(prefix.Format(), listed, cancellationToken);
        }

        chain.Update(verifier.State);
        if (!findings.Any(f => f.DigestKey == key && f.Kind is IntegrityFindingKind.DigestInvalid or IntegrityFindingKind.DigestMovedOrRenamed or IntegrityFindingKind.KeyUnknown or IntegrityFindingKind.SignatureInvalid))
        {
            chain.TrustedDigests++;
        }

        if (digest is not null && chain.FirstStart is null)
        {
            chain.FirstStart = digest.DigestStartTime.UtcDateTime;
        }

        Done(key, waiting);
        services.Metrics.DigestChecked();
        return null;
    }

    private async Task AddKeyAsync(List<DigestPublicKey> trusted, Dictionary<string, DigestPublicKey?> keys, string fingerprint, DateTimeOffset end, CancellationToken cancellationToken)
    {
        if (!keys.TryGetValue(fingerprint, out var key))
        {
            var source = services.Keys ?? throw new DigestKeySourceException("no public-key source is configured (Integrity:PublicKeyFiles, Integrity:ListPublicKeys)");
            keys[fingerprint] = key = await source.FindAsync(prefix.Account, prefix.Region, fingerprint, end, cancellationToken);
        }

        if (key is not null)
        {
            trusted.Add(key);
        }
    }

    private void Done(string key, WaitingDigest waiting)
    {
        State.Waiting.Remove(key);
        State.Checked[key] = waiting.NameTime;
        State.DigestsChecked++;
    }

    private DigestChainRecord ChainOf(DigestChainId id)
    {
        var name = id.ToString();
        if (!State.Chains.TryGetValue(name, out var chain))
        {
            State.Chains[name] = chain = DigestChainRecord.Of(id, DigestChainState.Empty);
        }

        return chain;
    }

    /// <summary>
    /// Logs no digest listed, among those the live chains cover: named at or after every live chain's first
    /// checked digest, and at least <c>Integrity:UnlistedGrace</c> before the oldest live chain's validated-through.
    /// </summary>
    private async Task ReportUnlistedAsync(CancellationToken cancellationToken)
    {
        var live = LiveChains();
        if (live.Count == 0)
        {
            return;
        }

        var covered = live.Min(c => c.ValidatedThrough!.Value);
        var from = live.Max(c => c.FirstStart ?? DateTime.MaxValue);
        var grace = services.Options.UnlistedGrace;
        if (State.From > from)
        {
            from = State.From.Value;
        }

        var until = covered - grace;
        if (until < from)
        {
            return;
        }

        // Name time + grace ≤ covered: the bound is inclusive, the store's is not.
        var candidates = await services.DoneKeys.FindUnlistedAsync(prefix.Format(), from, until.AddTicks(1), UnlistedPerPoll, cancellationToken);
        if (candidates.Count == 0)
        {
            return;
        }

        // Logs of a gap (validation or logging off) are listed by no digest, and that is the gap's finding already.
        var inGap = candidates.Where(c => State.Gaps.Any(g => g.Contains(c.NameTime))).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var findings = UnlistedLogs.Find(
            candidates.Where(c => !inGap.Contains(c.Key)).Select(c => (c.Key, new DateTimeOffset(c.NameTime, TimeSpan.Zero))),
            new HashSet<string>(StringComparer.Ordinal),
            new DateTimeOffset(covered, TimeSpan.Zero),
            grace);
        await ReportAsync(findings, cancellationToken);
        await services.DoneKeys.MarkListedAsync(prefix.Format(), [.. findings.Select(f => f.LogKey).OfType<string>(), .. inGap], cancellationToken);
    }

    /// <summary>
    /// The live (not backfill) chains with a validated-through and a trusted digest (<see cref="DigestChainRecord.TrustedDigests"/>),
    /// less those that stopped a day before the newest.
    /// </summary>
    private List<DigestChainRecord> LiveChains()
    {
        var live = State.Chains.Values.Where(c => !c.Backfill && c.ValidatedThrough is not null && c.TrustedDigests > 0).ToList();
        if (live.Count == 0)
        {
            return live;
        }

        var newest = live.Max(c => c.ValidatedThrough!.Value);
        return [.. live.Where(c => c.ValidatedThrough >= newest - StoppedChainAge)];
    }

    private DateTime? ValidatedThrough()
    {
        var live = LiveChains();
        return live.Count == 0 ? null : live.Min(c => c.ValidatedThrough);
    }

    /// <summary>Appends to the store first (idempotent: a replay after a crash adds nothing), then counts.</summary>
    private async Task ReportAsync(IReadOnlyList<IntegrityFinding> findings, CancellationToken cancellationToken)
    {
        if (findings.Count == 0)
        {
            return;
        }

        var now = Now;
        var records = findings.Select(f => FindingRecords.Of(prefix, f, now)).ToList();
        await services.Findings.AppendAsync(records, cancellationToken);
        foreach (var record in records)
        {
            State.FindingsByKind[record.Kind] = State.FindingsByKind.GetValueOrDefault(record.Kind) + 1;
            if (record.IsViolation)
            {
                State.Violations++;
                LogViolation(logger, prefix.Format(), record.Kind, record.DigestKey ?? record.LogKey ?? string.Empty, record.Detail);
            }

            if (record.Kind == nameof(IntegrityFindingKind.Gap))
            {
                State.Gaps.Add(new GapState { From = record.From, Until = record.Until });
                if (State.Gaps.Count > RecentGaps)
                {
                    State.Gaps.RemoveAt(0);
                }
            }

            State.Recent.Add(record);
            if (State.Recent.Count > RecentFindings)
            {
                State.Recent.RemoveAt(0);
            }

            services.Metrics.Finding(record.Kind);
        }
    }

    private void CountRequest(string kind)
    {
        prefixState.Counters.Requests[kind] = prefixState.Counters.Requests.GetValueOrDefault(kind) + 1;
        services.IngestionMetrics.Request(kind);
    }

    [LoggerMessage(20, LogLevel.Warning, "Integrity of {Prefix}: {Kind} at {Key}: {Detail}")]
    private static partial void LogViolation(ILogger logger, string prefix, string kind, string key, string detail);

    [LoggerMessage(21, LogLevel.Warning, "Listing the digests of {Prefix} failed with {Code}: {Message}; listed again next poll")]
    private static partial void LogListFailed(ILogger logger, string prefix, string code, string message);

    [LoggerMessage(22, LogLevel.Warning, "The public-key source cannot answer for {Prefix} now: {Message}; its digests wait")]
    private static partial void LogKeySourceFailed(ILogger logger, string prefix, string message);

    [LoggerMessage(23, LogLevel.Warning, "Digest work of {Prefix} failed with {Kind}: {Message}; tried again next poll")]
    private static partial void LogFailed(ILogger logger, string prefix, string kind, string message);
}
