using PinpointAggregator.ApiKeys;

namespace PinpointAggregator.Api.Tests.Security;

/// <summary>The token format and the stored hash that the service and the CLI share.</summary>
public sealed class ApiKeyTests
{
    [Fact]
    public void Generate_FormatsAsPrefixIdSecret_AndParsesBack()
    {
        var key = ApiKey.Generate();

        Assert.True(ApiKey.TryParse(key.Format(), out var parsed));
        Assert.Equal((key.Id, key.Secret), (parsed.Id, parsed.Secret));
        Assert.Matches("^pa_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$", key.Format());
    }

    [Fact]
    public void Generate_MakesADifferentKeyEveryTime()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => ApiKey.Generate()).ToList();

        Assert.Equal(100, keys.Select(k => k.Id).Distinct().Count());
        Assert.Equal(100, keys.Select(k => k.Secret).Distinct().Count());
    }

    [Fact]
    public void Generate_WithAnId_KeepsIt_AndRefusesABadOne()
    {
        Assert.Equal("ci-nightly", ApiKey.Generate("ci-nightly").Id);
        Assert.Throws<ArgumentException>(() => ApiKey.Generate("CI_nightly"));
    }

    [Fact]
    public void ToString_NeverShowsTheSecret()
    {
        var key = ApiKey.Generate("ops");

        Assert.Equal("pa_ops_***", key.ToString());
        Assert.DoesNotContain(key.Secret, $"{key}", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ops_secret")]
    [InlineData("pa_")]
    [InlineData("pa_ops")]
    [InlineData("pa_ops_")]
    [InlineData("pa__c2VjcmV0")]
    [InlineData("pa_Ops_c2VjcmV0")]
    [InlineData("pa_ops_c2Vj cmV0")]
    [InlineData("pa_ops_c2VjcmV0=")]
    [InlineData("pa_ops_c2Vj+cmV0")]
    public void TryParse_Malformed_IsFalse(string? token)
    {
        Assert.False(ApiKey.TryParse(token, out _));
    }

    [Fact]
    public void TryParse_SecretWithUnderscores_SplitsAtTheFirstOne()
    {
        Assert.True(ApiKey.TryParse("pa_ops_a_b-c", out var key));

        Assert.Equal(("ops", "a_b-c"), (key.Id, key.Secret));
    }

    [Fact]
    public void TryParse_OverlongIdOrSecret_IsFalse()
    {
        Assert.False(ApiKey.TryParse($"pa_{new string('a', ApiKey.MaxIdLength + 1)}_c2VjcmV0", out _));
        Assert.False(ApiKey.TryParse($"pa_ops_{new string('A', 129)}", out _));
    }

    [Fact]
    public void Hash_MatchesItsSecretOnly()
    {
        var key = ApiKey.Generate();
        var hash = ApiKeyHash.Create(key.Secret);

        Assert.True(hash.Matches(key.Secret));
        Assert.False(hash.Matches(ApiKey.Generate().Secret));
        Assert.False(hash.Matches(key.Secret[..^1]));
        Assert.False(hash.Matches(string.Empty));
    }

    [Fact]
    public void Hash_IsSalted_AndRoundTripsThroughItsText()
    {
        var secret = ApiKey.Generate().Secret;
        var first = ApiKeyHash.Create(secret).ToString();
        var second = ApiKeyHash.Create(secret).ToString();

        Assert.NotEqual(first, second);
        Assert.Matches(@"^hmac-sha256\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$", first);
        Assert.True(ApiKeyHash.TryParse(first, out var parsed));
        Assert.True(parsed.Matches(secret));
        Assert.Equal(first, parsed.ToString());
        Assert.DoesNotContain(secret, first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pa_ops_c2VjcmV0")]
    [InlineData("hmac-sha256$AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("sha256$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("hmac-sha256$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("hmac-sha256$AAAAAAAAAAAAAAAAAAAAAA$AAAA")]
    [InlineData("hmac-sha256$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$")]
    [InlineData("hmac-sha256$!!!!!!!!!!!!!!!!!!!!!!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void HashTryParse_Malformed_IsFalse(string? text)
    {
        Assert.False(ApiKeyHash.TryParse(text, out _));
    }

    [Theory]
    [InlineData("team-a", true)]
    [InlineData("EU.prod_2", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("a:b", false)]
    public void AccountGroupName_Rules(string name, bool valid)
    {
        Assert.Equal(valid, AccountGroupName.IsValid(name));
    }
}
