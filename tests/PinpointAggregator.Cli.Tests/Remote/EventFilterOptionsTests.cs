using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Connection;
using PinpointAggregator.Cli.Remote;

namespace PinpointAggregator.Cli.Tests.Remote;

/// <summary>Every field of EventFilter from its option, repeated and comma lists alike.</summary>
public sealed class EventFilterOptionsTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_EveryOption_FillsItsField()
    {
        var filter = Read(
            "--account", "111111111111,222222222222", "--account", "333333333333", "--region", "us-east-1", "--app", "abc123",
            "--action", "CreateApp,DeleteApp", "--caller", "arn:aws:iam::111111111111:user/ana", "--from", "2024-06-01", "--to", "24h",
            "--errors-only", "--error-code", "AccessDenied", "--source-ip", "10.0.0.1", "--text", "campaign", "--writes-only");

        var expected = new EventFilter
        {
            Accounts = { "111111111111", "222222222222", "333333333333" },
            Regions = { "us-east-1" },
            Applications = { "abc123" },
            Actions = { "CreateApp", "DeleteApp" },
            Callers = { "arn:aws:iam::111111111111:user/ana" },
            StartTime = Timestamp.FromDateTime(new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc)),
            EndTime = Timestamp.FromDateTime(new DateTime(2024, 6, 9, 12, 0, 0, DateTimeKind.Utc)),
            ErrorsOnly = true,
            ErrorCodes = { "AccessDenied" },
            SourceIps = { "10.0.0.1" },
            Text = "campaign",
            ReadOnly = false,
        };
        Assert.Equal(expected, filter);
    }

    [Fact]
    public void Read_Nothing_IsTheEmptyFilter()
    {
        var filter = Read();

        Assert.Equal(new EventFilter(), filter);
        Assert.False(filter.HasReadOnly);
    }

    [Fact]
    public void Read_ReadOnly_SetsTheOptionalField()
    {
        var filter = Read("--read-only");

        Assert.True(filter.HasReadOnly && filter.ReadOnly);
    }

    [Fact]
    public void Read_ReadOnlyAndWritesOnly_IsAUsageError()
    {
        Assert.Equal("give --read-only or --writes-only, not both", Assert.Throws<UsageException>(() => Read("--read-only", "--writes-only")).Message);
    }

    [Fact]
    public void Read_BadTime_IsAUsageErrorNamingTheOption()
    {
        var e = Assert.Throws<UsageException>(() => Read("--to", "yesterday"));

        Assert.Equal("--to must be a UTC date or time such as 2024-06-01 or 2024-06-01T12:30:00Z, or a duration back from now such as 24h or 7d, not 'yesterday'", e.Message);
    }

    [Theory]
    [InlineData("2024-06-01", "2024-06-01T00:00:00Z")]
    [InlineData("2024-06-01T12:30", "2024-06-01T12:30:00Z")]
    [InlineData("2024-06-01T12:30:15Z", "2024-06-01T12:30:15Z")]
    [InlineData("2024-06-01T14:30:15+02:00", "2024-06-01T12:30:15Z")]
    [InlineData("2024-06-01T12:30:15.250Z", "2024-06-01T12:30:15.25Z")]
    [InlineData("90m", "2024-06-10T10:30:00Z")]
    [InlineData("7d", "2024-06-03T12:00:00Z")]
    public void TimeText_DatesTimesAndDurationsBack(string text, string expected)
    {
        Assert.Equal(expected, TimeText.Parse("--from", text, Now).ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", System.Globalization.CultureInfo.InvariantCulture).Replace(".Z", "Z", StringComparison.Ordinal));
    }

    private static EventFilter Read(params string[] args)
    {
        var options = new EventFilterOptions();
        var command = new RootCommand();
        options.AddTo(command);
        var parse = command.Parse(args);
        Assert.Empty(parse.Errors);
        return options.Read(parse, Now);
    }
}
