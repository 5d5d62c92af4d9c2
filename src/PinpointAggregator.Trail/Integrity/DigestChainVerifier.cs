using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Trail.Integrity;

/// <summary>
/// Verifies one chain of digests (<see cref="DigestChainId"/>), one digest at a time in the order of their end
/// times: each digest's signature, its stated location, its link to its predecessor (hash, signature, the
/// hours between them), and every log it lists. Pure: no I/O, no clock; the caller reads the files and
/// resolves the listed logs. Not thread-safe: one instance per chain.
/// </summary>
/// <remarks>The rules, and which finding each breach gives, are in <c>docs/integrity.md</c>.</remarks>
public sealed class DigestChainVerifier
{
    /// <summary>How many digests behind the newest the chain remembers (<see cref="DigestChainState.Recent"/>).</summary>
    public const int RecentLinks = 48;

    /// <summary>
    /// The most hours reported one by one between two digests; the rest of a longer run is one finding. A forged
    /// digest can claim any start time: one finding per hour up to year 9999 would be a denial of service.
    /// </summary>
    public const int MaxMissingHourFindings = RecentLinks;

    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly DigestSignatureVerifier _signatures;

    /// <summary>Newest first, at most <see cref="RecentLinks"/>.</summary>
    private readonly List<DigestLink> _recent;

    private DigestLink? _last;
    private DateTimeOffset? _validatedThrough;
    private long _digestsChecked;

    /// <summary>A chain resumed from <paramref name="state"/> (<see cref="DigestChainState.Empty"/> for a new one).</summary>
    public DigestChainVerifier(DigestSignatureVerifier signatures, DigestChainState state)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        ArgumentNullException.ThrowIfNull(state);
        _signatures = signatures;
        _last = state.Last;
        _recent = [.. state.Recent.Take(RecentLinks)];
        _validatedThrough = state.ValidatedThrough;
        _digestsChecked = state.DigestsChecked;
    }

    /// <summary>The chain's state after the digests checked so far: persist it to resume.</summary>
    public DigestChainState State => new(_last, [.. _recent], _validatedThrough, _digestsChecked);

    /// <summary>
    /// Checks one digest. <paramref name="listedLogs"/> holds the state of every log the digest lists, by key
    /// (<see cref="DigestLogFile.S3Object"/>); a listed key absent from it counts as
    /// <see cref="LogFileState.Missing"/>. Returns this digest's findings, and the late signature finding of its
    /// predecessor when the predecessor's signature was unknown until now.
    /// </summary>
    public IReadOnlyList<IntegrityFinding> Check(DigestObservation digest, IReadOnlyDictionary<string, LogFileState> listedLogs)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(listedLogs);
        var findings = new List<IntegrityFinding>();
        _digestsChecked++;
        if (digest.Read.Digest is not { } file)
        {
            CheckUnreadable(digest, findings);
            return findings;
        }

        var sha256 = digest.Read.UncompressedSha256!;
        if (EndsAfterItsName(digest.Key, file) is { } named)
        {
            // CloudTrail names a digest by its end time. One ending later than its own name was not written by
            // CloudTrail; taken into the chain it would become the newest digest and blind it (every real digest
            // after it would be "out of order"), since a caller bounds names by the clock but cannot bound content.
            findings.Add(Findings.DigestInvalid(
                digest.Key,
                file.DigestStartTime,
                file.DigestEndTime,
                $"it ends at {file.DigestEndTime:yyyy-MM-ddTHH:mm:ssZ}, after the time in its file name ({named:yyyy-MM-ddTHH:mm:ssZ}); it takes no part in the chain"));
            return findings;
        }


        // Equal end times are not "newer": a copy of the newest digest is checked on its own and moves nothing.
        var inOrder = _last is null || file.DigestEndTime > _last.End;
        if (!string.Equals(file.DigestS3Object, digest.Key, StringComparison.Ordinal)
            || (digest.Bucket is not null && !string.Equals(file.DigestS3Bucket, digest.Bucket, StringComparison.Ordinal)))
        {
            findings.Add(Findings.Moved(digest, file));
        }

        var link = CheckSignature(digest, file, sha256, inOrder, findings);
        if (inOrder)
        {
            CheckLink(digest.Key, file, findings);
            Advance(link, findings);
        }

        CheckLogs(digest.Key, file, listedLogs, findings);
        return findings;
    }

    /// <summary>How far a digest's end time may pass the time in its file name (CloudTrail's are equal, to the second).</summary>
    public static readonly TimeSpan NameTimeTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The time in the found key's name when the digest ends after it (by more than <see cref="NameTimeTolerance"/>); otherwise null.</summary>
    private static DateTimeOffset? EndsAfterItsName(string foundKey, DigestFile file) =>
        TrailKey.TryParse(foundKey, out var key, out _) && key.Kind == TrailFileKind.Digest && file.DigestEndTime > key.Timestamp + NameTimeTolerance
            ? key.Timestamp
            : null;

    /// <summary>
    /// Ends an offline run: every digest the chain still remembers whose signature was never known (the newest,
    /// or one no successor named) gives <see cref="IntegrityFindingKind.SignatureUnverifiable"/> (not a violation).
    /// </summary>
    public IReadOnlyList<IntegrityFinding> Finish()
    {
        var findings = new List<IntegrityFinding>();
        for (var i = _recent.Count - 1; i >= 0; i--)
        {
            _recent[i] = Settle(_recent[i], findings);
        }

        if (_last is not null)
        {
            _last = Settle(_last, findings);
        }

        return findings;

        static DigestLink Settle(DigestLink link, List<IntegrityFinding> findings)
        {
            if (link.PendingSigningString is null)
            {
                return link;
            }

            findings.Add(Findings.Unverifiable(link));
            return link with { PendingSigningString = null };
        }
    }

    /// <summary>
    /// A file that is not a digest: reported, and placed in the chain by the end time in its name, so that its
    /// successor finds the key it names (nothing of it can be compared) and the hours before it are still counted.
    /// </summary>
    private void CheckUnreadable(DigestObservation digest, List<IntegrityFinding> findings)
    {
        var reason = digest.Read.Error?.ToString() ?? "no digest";
        if (!TrailKey.TryParse(digest.Key, out var key, out _) || key.Kind != TrailFileKind.Digest)
        {
            // Callers pass digest keys; a key with no time cannot be placed in the chain.
            var at = _last?.End ?? DateTimeOffset.MinValue;
            findings.Add(Findings.DigestInvalid(digest.Key, at, at, reason));
            return;
        }

        var end = key.Timestamp;
        var link = new DigestLink(digest.Key, digest.Key, end - Hour, end, Sha256: null, Signature: null, PendingSigningString: null, Fingerprint: null);
        findings.Add(Findings.DigestInvalid(digest.Key, link.Start, link.End, reason));
        if (_last is null || end > _last.End)
        {
            if (_last is not null)
            {
                AddMissingHours(_last.End, link.Start, digest.Key, findings);
            }

            Advance(link, findings);
        }
    }

    /// <summary>Checks the digest's own signature; returns what the chain remembers of the digest.</summary>
    private DigestLink CheckSignature(DigestObservation digest, DigestFile file, string sha256, bool inOrder, List<IntegrityFinding> findings)
    {
        var signature = digest.SignatureHex?.ToLowerInvariant();
        string? verified = null, pending = null;

        // With no signature, the outcome says whether one could be checked (algorithm, key) at all.
        var outcome = _signatures.Verify(file, sha256, signature);
        switch (outcome)
        {
            case DigestSignatureOutcome.Valid:
                verified = signature;
                break;
            case DigestSignatureOutcome.UnknownKey:
                findings.Add(Findings.KeyUnknown(digest.Key, file));
                break;
            case DigestSignatureOutcome.MalformedSignature when signature is null:
                // Its successor's previousDigestSignature will tell; a digest checked out of order has no successor to come.
                pending = DigestSigningString.For(file, sha256);
                break;
            default:
                findings.Add(Findings.SignatureInvalid(digest.Key, file, outcome, "stored signature"));
                break;
        }

        var link = new DigestLink(digest.Key, file.DigestS3Object, file.DigestStartTime, file.DigestEndTime, sha256, verified, pending, file.DigestPublicKeyFingerprint);
        if (pending is not null && !inOrder)
        {
            findings.Add(Findings.Unverifiable(link));
            link = link with { PendingSigningString = null };
        }

        return link;
    }

    /// <summary>The digest's link to the chain: a gap, a missing predecessor (and hours), or the predecessor's hash and signature.</summary>
    private void CheckLink(string key, DigestFile file, List<IntegrityFinding> findings)
    {
        if (file.StartsChain)
        {
            if (_last is not null)
            {
                findings.Add(Findings.Gap(key, _last.End, file.DigestStartTime));
            }

            return;
        }

        var index = IndexOf(file.PreviousDigestS3Object!);
        if (index is null)
        {
            // The first digest the chain meets may name one from before: there is nothing to compare it with.
            if (_last is not null)
            {
                findings.Add(Findings.NamedMissing(key, file));
                AddMissingHours(_last.End, file.DigestStartTime - Hour, key, findings);
            }

            return;
        }

        var predecessor = Get(index.Value);
        if (predecessor.Sha256 is null)
        {
            return; // an unreadable digest: nothing of it can be compared
        }

        if (!string.Equals(file.PreviousDigestHashValue, predecessor.Sha256, StringComparison.Ordinal))
        {
            findings.Add(Findings.HashBroken(key, file, predecessor));
        }

        if (predecessor.Signature is not null)
        {
            if (!string.Equals(file.PreviousDigestSignature, predecessor.Signature, StringComparison.Ordinal))
            {
                findings.Add(Findings.SignatureBroken(key, file, predecessor));
            }
        }
        else if (predecessor.PendingSigningString is not null)
        {
            var outcome = _signatures.Verify(predecessor.PendingSigningString, predecessor.Fingerprint!, file.PreviousDigestSignature);
            if (outcome != DigestSignatureOutcome.Valid)
            {
                findings.Add(Findings.LateSignatureInvalid(predecessor, key, outcome));
            }

            Set(index.Value, predecessor with
            {
                Signature = outcome == DigestSignatureOutcome.Valid ? file.PreviousDigestSignature : null,
                PendingSigningString = null,
            });
        }
    }

    /// <summary>
    /// One <see cref="IntegrityFindingKind.DigestMissing"/> per whole hour (rounded) from <paramref name="from"/> to
    /// <paramref name="until"/> that no found or named digest covers; a run longer than
    /// <see cref="MaxMissingHourFindings"/> ends with one finding for the rest.
    /// </summary>
    private static void AddMissingHours(DateTimeOffset from, DateTimeOffset until, string successorKey, List<IntegrityFinding> findings)
    {
        // Digest periods are about an hour but not aligned to the hour (CloudTrail's example runs 14:01:31 to 15:01:31).
        var hours = (long)Math.Round((until - from) / Hour, MidpointRounding.AwayFromZero);
        for (var i = 0L; i < hours; i++)
        {
            var start = from + (i * Hour);
            if (i == MaxMissingHourFindings - 1 || i == hours - 1)
            {
                findings.Add(Findings.HourMissing(start, until, successorKey));
                return;
            }

            findings.Add(Findings.HourMissing(start, start + Hour, successorKey));
        }
    }

    /// <summary>Only for digests whose stated end is newer than the chain's newest: dropped ones beyond <see cref="RecentLinks"/> are settled.</summary>
    private void Advance(DigestLink link, List<IntegrityFinding> findings)
    {
        if (_last is not null)
        {
            _recent.Insert(0, _last);
            if (_recent.Count > RecentLinks)
            {
                var forgotten = _recent[^1];
                _recent.RemoveAt(_recent.Count - 1);
                if (forgotten.PendingSigningString is not null)
                {
                    findings.Add(Findings.Unverifiable(forgotten));
                }
            }
        }

        _last = link;
        _validatedThrough = link.End;
    }

    private static void CheckLogs(string digestKey, DigestFile file, IReadOnlyDictionary<string, LogFileState> listedLogs, List<IntegrityFinding> findings)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var log in file.LogFiles)
        {
            if (!seen.Add(log.S3Object))
            {
                continue; // listed twice: one finding is enough
            }

            var state = listedLogs.TryGetValue(log.S3Object, out var known) ? known : LogFileState.Missing;
            switch (state.Kind)
            {
                case LogFileStateKind.Missing:
                    findings.Add(Findings.LogDeleted(digestKey, log));
                    break;
                case LogFileStateKind.Unhashable:
                    findings.Add(Findings.LogUnhashable(digestKey, log, state.Reason));
                    break;
                case LogFileStateKind.Hashed when !string.Equals(state.Sha256, log.HashValue, StringComparison.OrdinalIgnoreCase):
                    findings.Add(Findings.LogModified(digestKey, log, state.Sha256!));
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The remembered digest whose stated key is <paramref name="statedKey"/>: -1 for the newest, else its index in the recent ones.</summary>
    private int? IndexOf(string statedKey)
    {
        if (_last is not null && string.Equals(_last.StatedKey, statedKey, StringComparison.Ordinal))
        {
            return -1;
        }

        var index = _recent.FindIndex(l => string.Equals(l.StatedKey, statedKey, StringComparison.Ordinal));
        return index < 0 ? null : index;
    }

    private DigestLink Get(int index) => index < 0 ? _last! : _recent[index];

    private void Set(int index, DigestLink link)
    {
        if (index < 0)
        {
            _last = link;
        }
        else
        {
            _recent[index] = link;
        }
    }
}
