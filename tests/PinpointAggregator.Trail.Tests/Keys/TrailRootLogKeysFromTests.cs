using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.Trail.Tests.Keys;

public sealed class TrailRootLogKeysFromTests
{
    private const string Account = "111122223333";
    private const string Region = "us-east-1";

    private static readonly TrailRoot[] Roots = [TrailRoot.Default, new("audit/org", "o-abcd123456")];

    private static string LogKey(TrailRoot root, DateTimeOffset stamp, string unique = "0abc") => new TrailKey
    {
        Root = root,
        Kind = TrailFileKind.Log,
        AccountId = Account,
        Region = Region,
        Day = DateOnly.FromDateTime(stamp.UtcDateTime),
        Timestamp = stamp,
        Unique = unique,
    }.Format();

    [Theory]
    [InlineData("2024-06-01T10:05:00Z")] // mid-day
    [InlineData("2024-06-01T10:05:59Z")] // seconds are below the key's resolution
    [InlineData("2024-06-02T00:00:00Z")] // day boundary
    [InlineData("2024-07-01T00:00:00Z")] // month boundary
    [InlineData("2025-01-01T00:00:00Z")] // year boundary
    [InlineData("2024-03-01T00:00:00Z")] // after a leap day
    [InlineData("2024-06-02T01:30:00+02:00")] // an offset: the UTC day and minute count
    public void StartAfter_SortsBeforeKeysOfThatMinute_AndAfterKeysOfTheMinuteBefore(string time)
    {
        var t = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture);
        var minute = new DateTimeOffset(t.UtcDateTime.Date.AddHours(t.UtcDateTime.Hour).AddMinutes(t.UtcDateTime.Minute), TimeSpan.Zero);

        foreach (var root in Roots)
        {
            var startAfter = root.LogKeysFrom(Account, Region, t);

            Assert.StartsWith(root.RegionPrefix(Account, Region), startAfter, StringComparison.Ordinal);
            Assert.True(string.CompareOrdinal(startAfter, LogKey(root, minute)) < 0, $"{startAfter} !< key at {minute:O}");
            Assert.True(string.CompareOrdinal(startAfter, LogKey(root, minute, "_")) < 0, "unique '_'");
            Assert.True(string.CompareOrdinal(startAfter, LogKey(root, minute.AddMinutes(1))) < 0, "a minute later");
            Assert.True(string.CompareOrdinal(startAfter, LogKey(root, minute.AddMinutes(-1))) > 0, $"{startAfter} !> key at {minute.AddMinutes(-1):O}");
            Assert.True(string.CompareOrdinal(startAfter, LogKey(root, minute.AddMinutes(-1), "zzzz")) > 0, "unique 'zzzz'");
            Assert.True(string.CompareOrdinal(startAfter, LogKey(root, minute.AddDays(-1).AddMinutes(59))) > 0, "the day before");
        }
    }

    [Fact]
    public void StartAfter_AcrossAMonthEnd_MatchesCloudTrailsLayout()
    {
        var startAfter = TrailRoot.Default.LogKeysFrom(Account, Region, new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal("AWSLogs/111122223333/CloudTrail/us-east-1/2024/07/01/111122223333_CloudTrail_us-east-1_20240701T0000Z", startAfter);
        Assert.True(string.CompareOrdinal(startAfter, "AWSLogs/111122223333/CloudTrail/us-east-1/2024/06/30/111122223333_CloudTrail_us-east-1_20240630T2355Z_AbCd.json.gz") > 0);
        Assert.True(string.CompareOrdinal(startAfter, "AWSLogs/111122223333/CloudTrail/us-east-1/2024/07/01/111122223333_CloudTrail_us-east-1_20240701T0000Z_AbCd.json.gz") < 0);
    }
}
