using Google.Protobuf.WellKnownTypes;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Output;

namespace PinpointAggregator.Cli.Tests.Output;

public sealed class CellsTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(45, "45s")]
    [InlineData(725, "12m05s")]
    [InlineData(3 * 3600 + 120, "3h02m")]
    [InlineData(2 * 86400 + 4 * 3600, "2d04h")]
    [InlineData(-90, "-1m30s")]
    public void Duration_IsShort(int seconds, string expected)
    {
        Assert.Equal(expected, Cells.Duration(Duration.FromTimeSpan(TimeSpan.FromSeconds(seconds))));
    }

    [Theory]
    [InlineData(0, "0ms")]
    [InlineData(400, "400ms")]
    [InlineData(999, "999ms")]
    [InlineData(1000, "1s")]
    [InlineData(1520, "1.5s")]
    [InlineData(59_940, "59.9s")]
    [InlineData(725_000, "12m05s")]
    public void Latency_ShowsFractionsOfASecond_UnderAMinute(int milliseconds, string expected)
    {
        Assert.Equal(expected, Cells.Latency(Duration.FromTimeSpan(TimeSpan.FromMilliseconds(milliseconds))));
        Assert.Equal(string.Empty, Cells.Latency(null));
    }

    [Fact]
    public void Time_IsUtcToTheSecondAsCloudTrailWritesIt()
    {
        Assert.Equal("2024-06-01T07:08:09Z", Cells.Time(Timestamp.FromDateTime(new DateTime(2024, 6, 1, 7, 8, 9, 500, DateTimeKind.Utc))));
        Assert.Equal(string.Empty, Cells.Time(null));
    }

    [Fact]
    public void Change_IsTimeByCaller()
    {
        var change = new Change { Time = Timestamp.FromDateTime(new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc)), By = "arn:aws:iam::111111111111:user/ana" };

        Assert.Equal("2024-06-01T00:00:00Z by arn:aws:iam::111111111111:user/ana", Cells.Change(change));
        Assert.Equal(string.Empty, Cells.Change(null));
    }
}
