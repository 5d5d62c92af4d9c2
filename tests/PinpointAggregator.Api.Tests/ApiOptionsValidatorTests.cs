namespace PinpointAggregator.Api.Tests;

public sealed class ApiOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid() => Assert.True(new ApiOptionsValidator().Validate(null, new ApiOptions()).Succeeded);

    [Fact]
    public void EachBadSetting_IsNamed()
    {
        var result = new ApiOptionsValidator().Validate(null, new ApiOptions
        {
            MaxPageSize = 10,
            DefaultPageSize = 20,
            MaxTextSearchDays = 0,
            MaxExportEvents = -1,
            MaxRereadDays = 0,
            MaxSummaryDays = 0,
            WatchPollInterval = TimeSpan.Zero,
            WatchHeartbeatInterval = TimeSpan.FromSeconds(-1),
            PageTokenLifetime = TimeSpan.Zero,
        });

        Assert.True(result.Failed);
        foreach (var option in new[] { "DefaultPageSize", "MaxTextSearchDays", "MaxExportEvents", "MaxRereadDays", "MaxSummaryDays", "WatchPollInterval", "WatchHeartbeatInterval", "PageTokenLifetime" })
        {
            Assert.Contains(result.Failures!, f => f.StartsWith($"Api:{option} ", StringComparison.Ordinal));
        }

        Assert.Equal(8, result.Failures!.Count());
    }
}
