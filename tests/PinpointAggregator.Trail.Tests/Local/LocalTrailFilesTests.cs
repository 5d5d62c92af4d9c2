using PinpointAggregator.Trail.Local;
using PinpointAggregator.Trail.Tests.Storage;

namespace PinpointAggregator.Trail.Tests.Local;

/// <summary>The scan reads the files the service would read: log keys in the bucket layout, and loose files.</summary>
public sealed class LocalTrailFilesTests
{
    private const string Log = "AWSLogs/o-abcdefghij/111122223333/CloudTrail/us-east-1/2024/06/01/111122223333_CloudTrail_us-east-1_20240601T1000Z_a.json.gz";
    private const string Digest = "AWSLogs/o-abcdefghij/111122223333/CloudTrail-Digest/us-east-1/2024/06/01/111122223333_CloudTrail-Digest_us-east-1_org_us-east-1_20240601T100000Z.json.gz";
    private const string FolderDateNotNameDate = "AWSLogs/o-abcdefghij/111122223333/CloudTrail/us-east-1/2099/12/31/111122223333_CloudTrail_us-east-1_20200101T0000Z_x.json.gz";
    private const string Loose = "exported/some-trail-file.json.gz";

    [Fact]
    public void Folder_YieldsLogKeysAndLooseFiles_NotDigestsOrKeysTheServiceWouldNotRead()
    {
        using var folder = new TempFolder();
        folder.Add(Log, Digest, FolderDateNotNameDate, Loose);

        var files = LocalTrailFiles.Find([folder.Root]);

        Assert.Equal([Path.Combine(folder.Root, Log), Path.Combine(folder.Root, Loose)], files);
    }
}
