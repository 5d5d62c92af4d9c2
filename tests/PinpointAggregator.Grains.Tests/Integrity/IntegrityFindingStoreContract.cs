using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Grains.Integrity;

namespace PinpointAggregator.Grains.Tests.Integrity;

/// <summary>
/// What every integrity finding store answers alike, run on the in-memory store here and on PostgreSQL in the
/// integration tests. Each test starts on an empty store.
/// </summary>
public abstract class IntegrityFindingStoreContract
{
    private const string AccountA = "111122223333";
    private const string AccountB = "444455556666";
    private static readonly DateTime T = new(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    protected abstract IIntegrityFindingStore Store { get; }

    /// <summary>f1..f6 in this order: two accounts, two regions, violations and a gap, found an hour apart.</summary>
    private static IntegrityFindingRecord[] Corpus() =>
    [
        Finding("f1", AccountA, "us-east-1", "LogModified", true, 0),
        Finding("f2", AccountA, "eu-west-1", "LogDeleted", true, 1),
        Finding("f3", AccountB, "us-east-1", "Gap", false, 2),
        Finding("f4", AccountB, "us-east-1", "DigestMissing", true, 3),
        Finding("f5", AccountA, "us-east-1", "LogModified", true, 4),
        Finding("f6", AccountB, "eu-west-1", "SignatureInvalid", true, 5),
    ];

    public static TheoryData<string> Queries => [.. QueryCases.Keys];

    private static Dictionary<string, (IntegrityFindingQuery Query, string[] NewestFirst)> QueryCases { get; } = new(StringComparer.Ordinal)
    {
        ["none"] = (new IntegrityFindingQuery(), ["f6", "f5", "f4", "f3", "f2", "f1"]),
        ["account-a"] = (new IntegrityFindingQuery(Accounts: [AccountA]), ["f5", "f2", "f1"]),
        ["no-accounts"] = (new IntegrityFindingQuery(Accounts: []), []),
        ["region"] = (new IntegrityFindingQuery(Region: "eu-west-1"), ["f6", "f2"]),
        ["kinds"] = (new IntegrityFindingQuery(Kinds: ["LogModified", "Gap"]), ["f5", "f3", "f1"]),
        ["violations"] = (new IntegrityFindingQuery(ViolationsOnly: true), ["f6", "f5", "f4", "f2", "f1"]),
        ["found-range"] = (new IntegrityFindingQuery(FoundFrom: T.AddHours(1), FoundUntil: T.AddHours(3)), ["f3", "f2"]),
        ["all-filters"] = (new IntegrityFindingQuery([AccountB], "us-east-1", ["Gap", "DigestMissing"], true, T, T.AddHours(10)), ["f4"]),
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task EachFilter_ListsTheMatchingFindings_NewestFirst_AndCountsThemByKind(string name)
    {
        var (query, expected) = QueryCases[name];
        await Store.AppendAsync(Corpus(), default);

        var listed = await Store.ListAsync(query, null, 100, default);
        var counts = await Store.CountByKindAsync(query, default);

        Assert.Equal(expected, listed.Select(f => f.Detail));
        Assert.Equal(
            Corpus().Where(f => expected.Contains(f.Detail)).GroupBy(f => f.Kind).Select(g => (g.Key, g.LongCount())).Order(),
            counts.Select(p => (p.Key, p.Value)).Order());
    }

    [Fact]
    public async Task Sequences_FollowTheOrderAppended_AndPagesGoOnBeforeTheLastSequence()
    {
        await Store.AppendAsync(Corpus()[..3], default);
        await Store.AppendAsync(Corpus()[3..], default);

        var first = await Store.ListAsync(new IntegrityFindingQuery(), null, 4, default);
        var second = await Store.ListAsync(new IntegrityFindingQuery(), first[^1].Sequence, 4, default);

        Assert.Equal(["f6", "f5", "f4", "f3"], first.Select(f => f.Detail));
        Assert.Equal(["f2", "f1"], second.Select(f => f.Detail));
        var all = first.Concat(second).Reverse().ToList();
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence), "sequences ascend in the order appended");
        Assert.Equal(Corpus().Select(f => f with { Sequence = 0 }), all.Select(f => f with { Sequence = 0 }));
    }

    [Fact]
    public async Task AppendingTheSameFindingsAgain_AddsNothing()
    {
        await Store.AppendAsync(Corpus(), default);
        var again = Corpus().Select(f => f with { Detail = f.Detail + " (replayed)", FoundAt = f.FoundAt.AddDays(1) }).ToArray();

        await Store.AppendAsync(again, default);
        await Store.AppendAsync([again[0], again[0]], default);

        Assert.Equal(["f6", "f5", "f4", "f3", "f2", "f1"], (await Store.ListAsync(new IntegrityFindingQuery(), null, 100, default)).Select(f => f.Detail));
    }

    [Fact]
    public async Task FindingsThatDifferInKindDigestLogOrTime_AreEachKept()
    {
        var one = Finding("x", AccountA, "us-east-1", "LogModified", true, 0);

        await Store.AppendAsync([one, one with { Kind = "LogDeleted" }, one with { DigestKey = "d2" }, one with { LogKey = null }, one with { From = T.AddHours(1) }, one with { Prefix = "p2" }], default);

        Assert.Equal(6, (await Store.ListAsync(new IntegrityFindingQuery(), null, 100, default)).Count);
    }

    [Fact]
    public async Task HostileText_IsStoredAndListed()
    {
        var hostile = Finding("detail \u0001 with ☃", AccountA, "us-east-1", "LogModified", true, 0) with { LogKey = "AWSLogs/x y/\u00e9.json.gz" };

        await Store.AppendAsync([hostile], default);

        Assert.Equal(hostile with { Sequence = 0 }, (await Store.ListAsync(new IntegrityFindingQuery(), null, 1, default)).Single() with { Sequence = 0 });
    }

    private static IntegrityFindingRecord Finding(string detail, string account, string region, string kind, bool violation, int hour) => new(
        0,
        $"bucket/AWSLogs/{account}/CloudTrail/{region}/",
        account,
        region,
        kind,
        violation,
        $"AWSLogs/{account}/CloudTrail-Digest/{region}/2024/06/01/digest-{detail}.json.gz",
        kind.StartsWith("Log", StringComparison.Ordinal) ? $"AWSLogs/{account}/CloudTrail/{region}/2024/06/01/log-{detail}.json.gz" : null,
        T.AddHours(-hour - 1),
        T.AddHours(-hour),
        detail,
        T.AddHours(hour).AddMinutes(30));
}
