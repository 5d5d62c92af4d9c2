using PinpointAggregator.Trail.Keys;
using PinpointAggregator.Trail.Local;

namespace PinpointAggregator.SampleData.Tests;

public sealed class SampleTrailGeneratorTests
{
    private static readonly SampleTrailOptions Small = new() { Accounts = 2, Regions = 2, FilesPerDay = 8, RecordsPerFile = 20, LateFileShare = 0.2 };

    public static TheoryData<bool> Damaged => [false, true];

    [Theory]
    [MemberData(nameof(Damaged))]
    public void SameSeed_WritesTheSameBytes(bool damaged)
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        var options = damaged ? Small with { BackfillDigests = true, Damage = Enum.GetValues<TrailDamage>() } : Small;

        SampleTrailGenerator.Generate(first.Path, options);
        SampleTrailGenerator.Generate(second.Path, options);

        var files = Directory.EnumerateFiles(first.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first.Path, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.EnumerateFiles(second.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second.Path, f)).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(first.Path, f)), File.ReadAllBytes(Path.Combine(second.Path, f))));
    }

    [Fact]
    public void OtherSeed_WritesAnotherOrganization()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();

        var a = SampleTrailGenerator.Generate(first.Path, Small);
        var b = SampleTrailGenerator.Generate(second.Path, Small with { Seed = 2 });

        Assert.NotEqual(a.OrganizationId, b.OrganizationId);
        Assert.Empty(a.AccountIds.Intersect(b.AccountIds));
    }

    [Fact]
    public void Manifest_ListsEveryFile_WithValidKeys_AndEveryKindOfDamage()
    {
        using var folder = new TempFolder();

        var trail = SampleTrailGenerator.Generate(folder.Path, Small);

        Assert.Equal(trail.Files, ManifestJson.Read(folder.Path));
        Assert.All(trail.Files, f => Assert.True(File.Exists(Path.Combine(folder.Path, f.Key)), f.Key));
        Assert.All(trail.Files, f => Assert.True(TrailKey.TryParse(f.Key, out var key, out var why) && key.Root.OrganizationId == trail.OrganizationId, why));
        Assert.Equal(Enum.GetValues<MalformedKind>(), trail.Files.Where(f => f.Malformed is not null).Select(f => f.Malformed!.Value).Order());
        Assert.Contains(trail.Files, f => f.Late);
        Assert.Contains(trail.Files, f => f.Digest);
        Assert.True(File.Exists(Path.Combine(folder.Path, SampleTrail.PublicKeyFileName)) && File.Exists(Path.Combine(folder.Path, SampleTrail.SignaturesFileName)));

        // Digests and the files beside the bucket tree are not log files: scan and the service never read them.
        Assert.Equal(trail.Files.Where(f => !f.Digest).Select(f => Path.Combine(folder.Path, f.Key)).Order(StringComparer.Ordinal), LocalTrailFiles.Find([folder.Path]));
    }

    [Fact]
    public void GroundTruth_HasApplicationsWithLifeCyclesErrorsAndAccountLevelEvents()
    {
        using var folder = new TempFolder();

        var truth = SampleTrailGenerator.Generate(folder.Path, Small with { Days = 2 }).GroundTruth;

        Assert.Equal(Small.Accounts * Small.Regions * Small.ApplicationsPerAccountRegion, truth.Applications.Count);
        Assert.Contains(truth.Applications.Values, a => a.Created);
        Assert.Contains(truth.Applications.Values, a => a.Deleted);
        Assert.Contains(truth.Applications.Values, a => a.Errors > 0);
        Assert.True(truth.NoApplicationId.ByEventName.ContainsKey("GetApps"));
        Assert.True(truth.Totals.DuplicateEvents > 0, "no duplicate deliveries were generated");
    }
}
