using System.Security.Cryptography;
using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Trail.Integrity.Local;
using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Trail.Tests.Integrity;

/// <summary>
/// A local copy of an organization trail in a temp folder: two accounts' logs in two regions over a few hours,
/// with digests written and signed as CloudTrail would (<see cref="TrailDigestWriter"/>). Tests damage files on disk.
/// </summary>
internal sealed class TrailCopy : IDisposable
{
    public const string AccountA = "111111111111";
    public const string AccountB = "222222222222";
    public static readonly DateTimeOffset Start = new(2024, 6, 1, 22, 0, 0, TimeSpan.Zero); // crosses a day
    public static readonly TrailRoot Root = new(string.Empty, "o-abcd123456");

    private readonly RSA _signer = RSA.Create(2048);

    public TrailCopy(int hours = 5, int logsPerHour = 3)
    {
        Hours = hours;
        foreach (var (account, region) in Prefixes)
        {
            for (var h = 0; h < hours; h++)
            {
                for (var i = 0; i < logsPerHour; i++)
                {
                    WriteLog(account, region, Start.AddHours(h).AddMinutes(7 + (17 * i)), $"h{h}n{i}");
                }
            }
        }

        Signatures = TrailDigestWriter.Write(Folder, _signer);
    }

    public static IReadOnlyList<(string Account, string Region)> Prefixes { get; } = [(AccountA, "us-east-1"), (AccountB, "eu-west-1")];

    public string Folder { get; } = Directory.CreateTempSubdirectory("pa-copy-").FullName;

    public int Hours { get; }

    public IReadOnlyList<(string Key, string Signature)> Signatures { get; private set; }

    /// <summary>Writes a backfill digest chain for the logs <paramref name="include"/> accepts, and adds its signatures to <see cref="Signatures"/>.</summary>
    public IReadOnlyList<(string Key, string Signature)> WriteBackfill(Func<string, bool> include)
    {
        var backfill = TrailDigestWriter.Write(Folder, _signer, include, backfill: true);
        Signatures = [.. Signatures, .. backfill];
        return backfill;
    }

    public DigestPublicKeySet Keys => new([DigestPublicKey.FromDer(_signer.ExportRSAPublicKey())]);

    public IReadOnlyDictionary<string, string> SignatureMap => Signatures.ToDictionary(s => s.Key, s => s.Signature, StringComparer.Ordinal);

    public IntegrityReport Verify(bool withSignatures = true, TimeSpan? grace = null) =>
        new LocalTrailVerification(new LocalVerificationOptions
        {
            Keys = Keys,
            Signatures = withSignatures ? SignatureMap : null,
            UnlistedGrace = grace ?? TimeSpan.FromHours(1),
        }).Verify(Folder);

    /// <summary>Writes a log with one record; returns its key.</summary>
    public string WriteLog(string account, string region, DateTimeOffset time, string unique, string? content = null)
    {
        var key = new TrailKey
        {
            Root = Root, Kind = TrailFileKind.Log, AccountId = account, Region = region, Day = DateOnly.FromDateTime(time.UtcDateTime),
            Timestamp = new DateTimeOffset(time.Year, time.Month, time.Day, time.Hour, time.Minute, 0, TimeSpan.Zero), Unique = unique,
        }.Format();
        WriteBytes(key, TrailJson.Gzip(content ?? TrailJson.Document([TrailJson.PinpointRecord($"{account}-{region}-{unique}")])));
        return key;
    }

    /// <summary>The key of the log of <paramref name="account"/> written in hour <paramref name="hour"/> as number <paramref name="index"/>.</summary>
    public string LogKey(string account, int hour, int index) =>
        Directory.EnumerateFiles(Folder, $"*_h{hour}n{index}.json.gz", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Folder, p).Replace('\\', '/'))
            .Single(k => k.Contains($"/{account}/CloudTrail/", StringComparison.Ordinal));

    /// <summary>The key of the digest of <paramref name="account"/> for hour <paramref name="hour"/> (0 = the first).</summary>
    public string DigestKey(string account, int hour) =>
        Signatures.Select(s => s.Key).Where(k => k.Contains($"/{account}/CloudTrail-Digest/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ElementAt(hour);

    public string PathOf(string key) => Path.Combine(Folder, key);

    public byte[] ReadBytes(string key) => File.ReadAllBytes(PathOf(key));

    public void WriteBytes(string key, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(key))!);
        File.WriteAllBytes(PathOf(key), bytes);
    }

    public void Delete(string key) => File.Delete(PathOf(key));

    public void Move(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(to))!);
        File.Move(PathOf(from), PathOf(to));
    }

    public void Dispose()
    {
        _signer.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
