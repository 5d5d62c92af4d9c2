using PinpointAggregator.Api.V1;
using PinpointAggregator.Cli.Connection;
using PinpointAggregator.Cli.Views;

namespace PinpointAggregator.Cli.Tests.Output;

/// <summary><c>--kind</c> takes a kind as docs/integrity.md names it, in kebab or screaming case, or the enum's full name.</summary>
public sealed class IntegrityKindNamesTests
{
    [Theory]
    [InlineData("LogNotInAnyDigest")]
    [InlineData("log-not-in-any-digest")]
    [InlineData("LOG_NOT_IN_ANY_DIGEST")]
    [InlineData("INTEGRITY_FINDING_KIND_LOG_NOT_IN_ANY_DIGEST")]
    [InlineData("lognotinanydigest")]
    public void EachForm_IsTheKind(string text) =>
        Assert.Equal(IntegrityFindingKind.LogNotInAnyDigest, IntegrityKindNames.Parse("--kind", text));

    [Theory]
    [InlineData("")]
    [InlineData("Unspecified")]
    [InlineData("INTEGRITY_FINDING_KIND_UNSPECIFIED")]
    [InlineData("3")]
    [InlineData("LogModifiedd")]
    public void AnythingElse_IsAUsageErrorNamingTheOption(string text)
    {
        var e = Assert.Throws<UsageException>(() => IntegrityKindNames.Parse("--kind", text));
        Assert.StartsWith("--kind must be a finding kind (LogModified, ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryKind_PrintsAsItsNameAndReadsBack()
    {
        foreach (var kind in Enum.GetValues<IntegrityFindingKind>().Where(k => k != IntegrityFindingKind.Unspecified))
        {
            Assert.Equal(kind, IntegrityKindNames.Parse("--kind", IntegrityKindNames.Of(kind)));
        }

        Assert.Equal("Unknown", IntegrityKindNames.Of((IntegrityFindingKind)42));
    }
}
