using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Grains.Integrity;

namespace PinpointAggregator.Testing.Integrity;

/// <summary>
/// Known findings the API and CLI tests add to a running service's finding store, under two accounts the
/// sample organization does not have (so the service's own findings never mix with them): account A has
/// five findings in two regions (four violations and a gap), account B two violations. Found in 2001, one
/// hour apart, in the order of <see cref="All"/>.
/// </summary>
public static class SeededFindings
{
    public const string AccountA = "111111111111";
    public const string AccountB = "222222222222";

    public static readonly DateTime FirstFoundAt = new(2001, 1, 1, 1, 0, 0, DateTimeKind.Utc);

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly HashSet<IIntegrityFindingStore> Seeded = [];

    /// <summary>In the order they are appended (so in ascending sequence).</summary>
    public static IReadOnlyList<IntegrityFindingRecord> All { get; } =
    [
        Make(0, AccountA, "us-east-1", "LogModified", true, "log-1.json.gz"),
        Make(1, AccountA, "us-east-1", "DigestMissing", true, null),
        Make(2, AccountA, "us-east-1", "Gap", false, null),
        Make(3, AccountA, "eu-west-1", "LogDeleted", true, "log-2.json.gz"),
        Make(4, AccountA, "eu-west-1", "DigestMissing", true, null),
        Make(5, AccountB, "us-east-1", "SignatureInvalid", true, null),
        Make(6, AccountB, "us-east-1", "LogNotInAnyDigest", true, "log-3.json.gz"),
    ];

    /// <summary>Appends <see cref="All"/> to <paramref name="store"/> once, however many tests ask.</summary>
    public static async Task EnsureAsync(IIntegrityFindingStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        await Gate.WaitAsync();
        try
        {
            if (Seeded.Add(store))
            {
                await store.AppendAsync(All, CancellationToken.None);
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    public static string PrefixOf(string account, string region) => $"audit-bucket/AWSLogs/{account}/CloudTrail/{region}/";

    private static IntegrityFindingRecord Make(int index, string account, string region, string kind, bool violation, string? log)
    {
        var prefix = PrefixOf(account, region);
        var hour = new DateTime(2000, 12, 31, index, 0, 0, DateTimeKind.Utc);
        var digest = $"{prefix.Replace("/CloudTrail/", "/CloudTrail-Digest/", StringComparison.Ordinal)}2000/12/31/{account}_CloudTrail-Digest_{region}_trail_{region}_20001231T{index + 1:D2}0000Z.json.gz";
        return new IntegrityFindingRecord(
            0, prefix, account, region, kind, violation, digest, log is null ? null : prefix + "2000/12/31/" + log, hour, hour.AddHours(1),
            $"seeded finding {index}", FirstFoundAt.AddHours(index));
    }
}
