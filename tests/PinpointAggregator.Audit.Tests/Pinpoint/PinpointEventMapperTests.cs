namespace PinpointAggregator.Audit.Tests.Pinpoint;

/// <summary>What a record means is decided once, while reading: here, whether it writes, and its details.</summary>
public sealed class PinpointEventMapperTests
{
    [Theory]
    [InlineData("GetCampaign", "", false)]
    [InlineData("ListTemplates", "", false)]
    [InlineData("DescribeSomething", "", false)]
    [InlineData("UpdateCampaign", "", true)]
    [InlineData("GetCampaign", ",\"readOnly\":false", true)]
    [InlineData("UpdateCampaign", ",\"readOnly\":true", false)]
    public void IsWrite_ComesFromReadOnly_ElseFromTheActionName(string name, string readOnly, bool isWrite)
    {
        var e = Assert.Single(TrailFiles.ReadJson(TrailJson.Document([TrailJson.PinpointRecord("e1", name, extra: readOnly)])).Events);

        Assert.Equal(isWrite, e.IsWrite);
    }

    [Fact]
    public void BodyDetails_AreReadFromTheRecordsBytes()
    {
        var record = TrailJson.PinpointRecord("e1", "CreateApp", extra: ",\"responseElements\":{\"Arn\":\"arn\",\"Id\":\"app1\",\"Name\":\"orders\"}")
            .Replace("\"responseElements\":null,", string.Empty, StringComparison.Ordinal);

        var e = Assert.Single(TrailFiles.ReadJson(TrailJson.Document([record])).Events);

        Assert.Equal("orders", e.Details.Name);
    }
}
