using PinpointAggregator.Trail.Integrity;

namespace PinpointAggregator.Trail.Tests.Integrity;

/// <summary>Logs that no digest lists are reported once the digests cover their time plus the grace, not before.</summary>
public sealed class UnlistedLogsTests
{
    private static readonly DateTimeOffset T = new(2024, 6, 1, 10, 15, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    [Fact]
    public void UnlistedLog_OutsideTheGrace_IsLogNotInAnyDigest()
    {
        var finding = Assert.Single(UnlistedLogs.Find([("b.json.gz", T)], new HashSet<string>(), T + Grace, Grace));

        Assert.Equal((IntegrityFindingKind.LogNotInAnyDigest, (string?)null, "b.json.gz", T, T), (finding.Kind, finding.DigestKey, finding.LogKey, finding.From, finding.Until));
        Assert.True(finding.IsViolation);
        Assert.Contains("2024-06-01T11:15:00Z", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void UnlistedLog_InsideTheGrace_IsNotReportedYet()
    {
        Assert.Empty(UnlistedLogs.Find([("b.json.gz", T)], new HashSet<string>(), T + Grace - TimeSpan.FromSeconds(1), Grace));
    }

    [Fact]
    public void ListedLogs_AreNeverReported()
    {
        Assert.Empty(UnlistedLogs.Find([("a.json.gz", T), ("b.json.gz", T)], new HashSet<string> { "a.json.gz", "b.json.gz" }, T.AddDays(1), Grace));
    }

    [Fact]
    public void Findings_AreInKeyOrder_EachKeyOnce()
    {
        var findings = UnlistedLogs.Find([("c", T), ("a", T), ("c", T), ("b", T)], new HashSet<string> { "b" }, T.AddDays(1), Grace);

        Assert.Equal(["a", "c"], findings.Select(f => f.LogKey!).ToArray());
    }
}
