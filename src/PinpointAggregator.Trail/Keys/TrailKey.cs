using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PinpointAggregator.Trail.Keys;

/// <summary>
/// The S3 key of one CloudTrail log or digest file, parsed into its parts. <see cref="Format"/> and
/// <see cref="TryParse"/> are the only places that know the key layout.
/// </summary>
/// <remarks>
/// Log: <c>[prefix/]AWSLogs/[o-ORGID/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_UNIQUE.json.gz</c>.
/// Digest: <c>.../ACCOUNT/CloudTrail-Digest/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail-Digest_REGION_TRAIL_HOMEREGION_YYYYMMDDTHHmmssZ[_backfill].json.gz</c>.
/// </remarks>
public sealed record TrailKey
{
    private const string LogsSegment = "AWSLogs";
    private const string LogFolder = "CloudTrail";
    private const string DigestFolder = "CloudTrail-Digest";
    private const string Extension = ".json.gz";
    private const string BackfillSuffix = "_backfill";
    private const string LogTimeFormat = "yyyyMMdd'T'HHmm'Z'";
    private const string DigestTimeFormat = "yyyyMMdd'T'HHmmss'Z'";

    public required TrailRoot Root { get; init; }

    public required TrailFileKind Kind { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    /// <summary>The day folder (<c>YYYY/MM/DD</c>) the file is in.</summary>
    public required DateOnly Day { get; init; }

    /// <summary>The time in the file name (UTC): minutes for logs, seconds for digests.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The random suffix of a log file name; empty for digests.</summary>
    public string Unique { get; init; } = string.Empty;

    /// <summary>The trail name of a digest; empty for logs.</summary>
    public string TrailName { get; init; } = string.Empty;

    /// <summary>The trail's home region of a digest; empty for logs.</summary>
    public string HomeRegion { get; init; } = string.Empty;

    /// <summary>True for the extra digest CloudTrail writes for late files.</summary>
    public bool IsBackfill { get; init; }

    public string Format()
    {
        var folder = Kind == TrailFileKind.Log ? LogFolder : DigestFolder;
        var day = Day.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);
        var name = Kind == TrailFileKind.Log
            ? $"{LogFileStem(AccountId, Region, Timestamp)}_{Unique}{Extension}"
            : $"{AccountId}_{DigestFolder}_{Region}_{TrailName}_{HomeRegion}_{Timestamp.UtcDateTime.ToString(DigestTimeFormat, CultureInfo.InvariantCulture)}{(IsBackfill ? BackfillSuffix : string.Empty)}{Extension}";
        return $"{Root.AccountsPrefix}{AccountId}/{folder}/{Region}/{day}/{name}";
    }

    public override string ToString() => Format();

    /// <summary>A log file's name up to its unique part: <c>ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ</c>.</summary>
    internal static string LogFileStem(string accountId, string region, DateTimeOffset timestamp) =>
        $"{accountId}_{LogFolder}_{region}_{timestamp.UtcDateTime.ToString(LogTimeFormat, CultureInfo.InvariantCulture)}";

    /// <summary>Parses a key; on failure <paramref name="reason"/> says which part did not match.</summary>
    public static bool TryParse(string key, [NotNullWhen(true)] out TrailKey? result, [NotNullWhen(false)] out string? reason)
    {
        result = null;
        // The logs level is "AWSLogs/" at the start, or after the bucket prefix (the last one wins).
        var atStart = key.StartsWith(LogsSegment + "/", StringComparison.Ordinal);
        var logs = atStart ? 0 : key.LastIndexOf("/" + LogsSegment + "/", StringComparison.Ordinal) + 1;
        if (!atStart && logs == 0)
        {
            reason = "no AWSLogs/ segment";
            return false;
        }

        var prefix = logs == 0 ? string.Empty : key[..(logs - 1)];
        var parts = key[(logs + LogsSegment.Length + 1)..].Split('/');
        string? org = null;
        if (parts.Length == 8 && TrailNames.IsOrganizationId(parts[0]))
        {
            org = parts[0];
            parts = parts[1..];
        }

        if (parts.Length != 7)
        {
            reason = $"expected ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/FILE after AWSLogs/[o-id/], found {parts.Length} segments";
            return false;
        }

        var (account, folder, region, name) = (parts[0], parts[1], parts[2], parts[6]);
        if (!TrailNames.IsAccountId(account))
        {
            reason = $"'{account}' is not a 12-digit account id";
            return false;
        }

        if (!TrailNames.IsRegion(region))
        {
            reason = $"'{region}' is not a region name";
            return false;
        }

        if (!TryParseDay(parts[3], parts[4], parts[5], out var day))
        {
            reason = $"'{parts[3]}/{parts[4]}/{parts[5]}' is not a YYYY/MM/DD date";
            return false;
        }

        var root = new TrailRoot(prefix, org);
        return folder switch
        {
            LogFolder => TryParseLogName(root, account, region, day, name, out result, out reason),
            DigestFolder => TryParseDigestName(root, account, region, day, name, out result, out reason),
            _ => Fail($"'{folder}' is neither CloudTrail nor CloudTrail-Digest", out reason),
        };
    }

    private static bool TryParseLogName(TrailRoot root, string account, string region, DateOnly day, string name, out TrailKey? result, out string? reason)
    {
        result = null;
        var head = $"{account}_{LogFolder}_{region}_";
        if (!name.StartsWith(head, StringComparison.Ordinal) || !name.EndsWith(Extension, StringComparison.Ordinal))
        {
            return Fail($"file name '{name}' does not have the form {head}YYYYMMDDTHHmmZ_UNIQUE{Extension}", out reason);
        }

        var rest = name[head.Length..^Extension.Length];
        var underscore = rest.IndexOf('_', StringComparison.Ordinal);
        if (underscore < 0 || !TryParseTime(rest[..underscore], LogTimeFormat, out var time) || underscore == rest.Length - 1)
        {
            return Fail($"file name '{name}' has no YYYYMMDDTHHmmZ_UNIQUE part", out reason);
        }

        // The listing sorts keys by text (folder first) and the window by the name's time: a key whose two
        // disagree would sort into every listing yet fall out of the window at once, and be read on every poll.
        if (DateOnly.FromDateTime(time.UtcDateTime) != day)
        {
            return Fail($"file name '{name}' is dated {time.UtcDateTime:yyyy-MM-dd}, not {day:yyyy-MM-dd} as its folder", out reason);
        }

        result = new TrailKey { Root = root, Kind = TrailFileKind.Log, AccountId = account, Region = region, Day = day, Timestamp = time, Unique = rest[(underscore + 1)..] };
        reason = null;
        return true;
    }

    private static bool TryParseDigestName(TrailRoot root, string account, string region, DateOnly day, string name, out TrailKey? result, out string? reason)
    {
        result = null;
        var head = $"{account}_{DigestFolder}_{region}_";
        if (!name.StartsWith(head, StringComparison.Ordinal) || !name.EndsWith(Extension, StringComparison.Ordinal))
        {
            return Fail($"digest name '{name}' does not have the form {head}TRAIL_HOMEREGION_YYYYMMDDTHHmmssZ{Extension}", out reason);
        }

        var rest = name[head.Length..^Extension.Length];
        var backfill = rest.EndsWith(BackfillSuffix, StringComparison.Ordinal);
        if (backfill)
        {
            rest = rest[..^BackfillSuffix.Length];
        }

        // The trail name may itself contain underscores; the home region and time are the last two parts.
        var timeSep = rest.LastIndexOf('_');
        var regionSep = timeSep > 0 ? rest.LastIndexOf('_', timeSep - 1) : -1;
        if (regionSep <= 0 || !TryParseTime(rest[(timeSep + 1)..], DigestTimeFormat, out var time) || !TrailNames.IsRegion(rest.AsSpan(regionSep + 1, timeSep - regionSep - 1)))
        {
            return Fail($"digest name '{name}' has no TRAIL_HOMEREGION_YYYYMMDDTHHmmssZ part", out reason);
        }

        result = new TrailKey
        {
            Root = root, Kind = TrailFileKind.Digest, AccountId = account, Region = region, Day = day, Timestamp = time,
            TrailName = rest[..regionSep], HomeRegion = rest[(regionSep + 1)..timeSep], IsBackfill = backfill,
        };
        reason = null;
        return true;
    }

    private static bool TryParseDay(string year, string month, string day, out DateOnly result) =>
        DateOnly.TryParseExact($"{year}/{month}/{day}", "yyyy'/'MM'/'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out result);

    private static bool TryParseTime(string text, string format, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    private static bool Fail(string message, out string? reason)
    {
        reason = message;
        return false;
    }
}
