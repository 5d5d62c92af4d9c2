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

    [Fact]
    public void HostileEventNames_NeitherGrowTheActionCacheNorTheState()
    {
        var names = Enumerable.Range(0, 300).Select(i => $"Get{new string('x', 5000)}{i}").Append("Get-App").Append("GetApp").ToList();

        var result = TrailFiles.ReadJson(TrailJson.Document(names.Select((name, i) => TrailJson.PinpointRecord($"e{i}", eventName: name))));

        Assert.Equal(302, result.Events.Count);
        Assert.DoesNotContain(names.SkipLast(1), PinpointAggregator.Audit.Pinpoint.PinpointTargetResolver.IsCached);
        Assert.True(PinpointAggregator.Audit.Pinpoint.PinpointTargetResolver.IsCached("GetApp"), "a real action name is still cached");
        Assert.All(result.Events.SkipLast(2), e => Assert.Equal(PinpointAggregator.Audit.Pinpoint.PinpointNames.MaxTextLength + 1, e.EventName.Length));
    }
}
