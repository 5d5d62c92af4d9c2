using PinpointAggregator.Trail.Integrity;

namespace PinpointAggregator.SampleData.Tests;

/// <summary>
/// The integrity engine (<see cref="DigestChainVerifier"/>, <see cref="UnlistedLogs"/>) over generated trails
/// reports exactly the findings the generator expects: none for an undamaged trail, and for each damage what
/// <c>docs/integrity.md</c> says.
/// </summary>
public sealed class SampleVerificationTests
{
    private static readonly SampleTrailOptions Small = new() { Seed = 12, Accounts = 2, Regions = 2, FilesPerDay = 8, RecordsPerFile = 20, LateFileShare = 0.2, MalformedFiles = 0 };

    public static TheoryData<TrailDamage> Damages => [.. Enum.GetValues<TrailDamage>()];

    [Fact]
    public void UndamagedTrail_WithBackfill_HasNoFinding()
    {
        using var folder = new TempFolder();
        var trail = SampleTrailGenerator.Generate(folder.Path, Small with { BackfillDigests = true });

        Assert.Empty(OfflineVerification.Verify(trail));
        Assert.Empty(trail.ExpectedFindings);
    }

    [Fact]
    public void MalformedLogs_AreModified_AsExpected()
    {
        using var folder = new TempFolder();
        var trail = SampleTrailGenerator.Generate(folder.Path, Small with { MalformedFiles = 5 });

        var findings = OfflineVerification.Verify(trail);

        Assert.Equal(5, trail.ExpectedFindings.Count);
        Assert.Equal(trail.ExpectedFindings, Shapes(findings));
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void EachDamage_GivesExactlyItsExpectedFindings(TrailDamage damage)
    {
        using var folder = new TempFolder();
        var trail = SampleTrailGenerator.Generate(folder.Path, Small with { Damage = [damage] });

        var findings = OfflineVerification.Verify(trail);

        Assert.NotEmpty(trail.ExpectedFindings);
        Assert.Equal(trail.ExpectedFindings, Shapes(findings));
    }

    [Fact]
    public void EveryDamageAtOnce_WithBackfillAndMalformedLogs_GivesExactlyTheExpectedFindings()
    {
        using var folder = new TempFolder();
        var trail = SampleTrailGenerator.Generate(folder.Path, Small with { BackfillDigests = true, MalformedFiles = 5, Damage = [.. Enum.GetValues<TrailDamage>()] });

        var findings = OfflineVerification.Verify(trail);

        Assert.Equal(trail.ExpectedFindings, Shapes(findings));
        Assert.Equal(ManifestJson.ReadExpectedFindings(folder.Path), Shapes(findings));
    }

    private static List<ExpectedFinding> Shapes(IEnumerable<IntegrityFinding> findings) => [.. findings.Select(ExpectedFinding.Of).Order(ExpectedFinding.Order)];
}
