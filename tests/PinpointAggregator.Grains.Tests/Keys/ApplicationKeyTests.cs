using PinpointAggregator.Abstractions.Keys;

namespace PinpointAggregator.Grains.Tests.Keys;

public sealed class ApplicationKeyTests
{
    [Fact]
    public void Format_AndParse_RoundTrip()
    {
        var key = new ApplicationKey("111122223333", "us-east-1", "a1b2c3");

        Assert.Equal("111122223333/us-east-1/a1b2c3", key.Format());
        Assert.Equal(key.Format(), key.ToString());
        Assert.Equal(key, ApplicationKey.Parse(key.Format()));
    }

    [Fact]
    public void TryParse_SplitsTheThreeParts()
    {
        Assert.True(ApplicationKey.TryParse("111122223333/eu-west-1/app", out var key));
        Assert.Equal(("111122223333", "eu-west-1", "app"), (key.Account, key.Region, key.ApplicationId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("111122223333")]
    [InlineData("111122223333/us-east-1")]
    [InlineData("111122223333/us-east-1/app/extra")]
    [InlineData("111122223333//app")]
    [InlineData("/us-east-1/app")]
    [InlineData("111122223333/us-east-1/")]
    [InlineData("111122223333/us-east-1/junk-app-123")]
    [InlineData("1111222233/us-east-1/app")]
    [InlineData("111122223333/US-EAST-1/app")]
    public void Malformed_IsRejected(string? value)
    {
        Assert.False(ApplicationKey.TryParse(value, out var key));
        Assert.Equal(default, key);
        if (value is not null)
        {
            Assert.Throws<FormatException>(() => ApplicationKey.Parse(value));
        }
    }

    [Theory]
    [InlineData("111122223333", "us-east-1", "x/y")]
    [InlineData("111122223333", "us-east-1", "junk-app-123")]
    [InlineData("111122223333", "us-east-1", "")]
    [InlineData("111122223333", "us-east-1/x", "app")]
    [InlineData("1111/2222", "us-east-1", "app")]
    public void PartsThatCannotRoundTrip_CannotMakeAKey(string account, string region, string application)
    {
        Assert.False(ApplicationKey.IsValid(account, region, application));
        Assert.Throws<ArgumentException>(() => new ApplicationKey(account, region, application));
    }
}
