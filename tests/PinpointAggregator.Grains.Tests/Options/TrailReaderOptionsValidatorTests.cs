using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Grains.Tests.Options;

/// <summary>Bad reader options stop start-up with a message naming the option, before any file is read.</summary>
public sealed class TrailReaderOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        Assert.True(new TrailReaderOptionsValidator().Validate(null, new TrailReaderOptions()).Succeeded);
    }

    [Fact]
    public void SmallestWorkingLimits_AreValid()
    {
        Assert.Empty(Failures(new TrailReaderOptions { EventSources = ["sms-voice.amazonaws.com"], MaxRecordBytes = 1024, MaxDecompressedBytes = 1024 }));
    }

    [Theory]
    [MemberData(nameof(BadEventSources))]
    public void EventSources_EmptyOrWithABlankEntry_FailsNamingIt(string[]? sources)
    {
        var failure = Assert.Single(Failures(new TrailReaderOptions { EventSources = sources! }));

        Assert.Equal("Trail:Reader:EventSources must name at least one event source, with no empty entries.", failure);
    }

    public static TheoryData<string[]?> BadEventSources() => new() { null, Array.Empty<string>(), new[] { "pinpoint.amazonaws.com", " " }, new[] { string.Empty } };

    [Fact]
    public void MaxRecordBytes_Below1024_FailsNamingIt()
    {
        var failure = Assert.Single(Failures(new TrailReaderOptions { MaxRecordBytes = 1023 }));

        Assert.Equal("Trail:Reader:MaxRecordBytes must be at least 1024 bytes (was 1023).", failure);
    }

    [Fact]
    public void MaxDecompressedBytes_BelowMaxRecordBytes_FailsNamingIt()
    {
        var failure = Assert.Single(Failures(new TrailReaderOptions { MaxRecordBytes = 4096, MaxDecompressedBytes = 4095 }));

        Assert.Equal("Trail:Reader:MaxDecompressedBytes must be at least MaxRecordBytes (was 4095).", failure);
    }

    [Fact]
    public void EveryBrokenRule_IsReported()
    {
        var failures = Failures(new TrailReaderOptions { EventSources = [], MaxRecordBytes = 10, MaxDecompressedBytes = 5 });

        Assert.Equal(
            ["Trail:Reader:EventSources", "Trail:Reader:MaxRecordBytes", "Trail:Reader:MaxDecompressedBytes"],
            failures.Select(f => f[..f.IndexOf(' ', StringComparison.Ordinal)]));
    }

    [Fact]
    public void AddPinpointIngestion_WithABadReaderOption_FailsOptionsValidationNamingIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Trail:Reader:MaxRecordBytes"] = "100" }).Build();
        using var services = new ServiceCollection().AddPinpointIngestion(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TrailReaderOptions>>().Value);

        Assert.Equal("Trail:Reader:MaxRecordBytes must be at least 1024 bytes (was 100).", Assert.Single(error.Failures));
    }

    private static IReadOnlyList<string> Failures(TrailReaderOptions options)
    {
        var result = new TrailReaderOptionsValidator().Validate(null, options);
        return result.Failed ? [.. result.Failures!] : [];
    }
}
