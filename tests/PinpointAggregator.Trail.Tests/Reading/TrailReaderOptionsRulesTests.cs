using PinpointAggregator.Trail.Reading;

namespace PinpointAggregator.Trail.Tests.Reading;

/// <summary>The reader's own guard applies the same rules as start-up validation, in words a CLI user can act on.</summary>
public sealed class TrailReaderOptionsRulesTests
{
    [Fact]
    public void Reader_WithBrokenOptions_ThrowsEveryRuleAndNoParameterName()
    {
        var options = new TrailReaderOptions { EventSources = [], MaxRecordBytes = 10 };

        var e = Assert.Throws<ArgumentException>(() => new TrailFileReader<ProbeEvent>(ProbeEvent.Mapper, options));

        Assert.Equal(string.Join(" ", TrailReaderOptionsRules.Check(options)), e.Message);
        Assert.Equal(2, TrailReaderOptionsRules.Check(options).Count);
    }

    [Fact]
    public void Defaults_BreakNoRule()
    {
        Assert.Empty(TrailReaderOptionsRules.Check(new TrailReaderOptions()));
    }
}
