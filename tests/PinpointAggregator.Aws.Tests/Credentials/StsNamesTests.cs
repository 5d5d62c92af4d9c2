using PinpointAggregator.Aws.Credentials;

namespace PinpointAggregator.Aws.Tests.Credentials;

/// <summary>The session name sent to STS: the silo's name filled in and made to fit STS's rules.</summary>
public sealed class StsNamesTests
{
    [Theory]
    [InlineData("pinpoint-aggregator-{silo}", "Silo_3", "pinpoint-aggregator-Silo_3")]
    [InlineData("pinpoint-aggregator-{silo}", "silo 3/eu:west#1", "pinpoint-aggregator-silo-3-eu-west-1")]
    [InlineData("{silo}", "é", "--")]
    [InlineData("audit", "ignored", "audit")]
    public void SessionName_FillsInTheSilo_AndReplacesWhatStsRefuses(string template, string silo, string expected)
    {
        Assert.Equal(expected, StsNames.SessionName(new RoleOptions { SessionName = template, SiloName = silo }));
    }

    [Fact]
    public void SessionName_IsCutTo64Characters()
    {
        var name = StsNames.SessionName(new RoleOptions { SiloName = new string('s', 100) });

        Assert.Equal("pinpoint-aggregator-" + new string('s', 44), name);
    }

    [Fact]
    public void SessionName_WithoutASiloName_UsesTheMachineName_ForBothPlaceholders()
    {
        var name = StsNames.SessionName(new RoleOptions { SessionName = "{silo}.{host}" });

        var machine = StsNames.SessionName(new RoleOptions { SessionName = "{host}" });
        Assert.Equal((machine + "." + machine)[..Math.Min(64, (2 * machine.Length) + 1)], name);
        Assert.True(StsNames.IsValid(name), name);
    }
}
