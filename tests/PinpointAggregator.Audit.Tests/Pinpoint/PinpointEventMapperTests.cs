using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Audit.Pinpoint;
using PinpointAggregator.Trail.Reading;

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

    [Fact]
    public void SummaryMapper_LeavesOutWhatTheFoldNeverReads_AndCountsTheSameCaller()
    {
        const string Session = "{\"type\":\"AssumedRole\",\"principalId\":\"AROAEXAMPLE:alice-session-1\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/Ops/alice-session-1\","
            + "\"accountId\":\"111122223333\",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"arn\":\"arn:aws:iam::111122223333:role/Ops\"}}}";
        const string Extra = ",\"requestID\":\"r1\",\"userAgent\":\"aws-cli/2\",\"sourceIPAddress\":\"192.0.2.1\",\"errorCode\":\"AccessDenied\",\"errorMessage\":\"no\"";
        var session = TrailJson.PinpointRecord("e1", "DeleteApp", extra: Extra).Replace(
            "{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/alice\",\"accountId\":\"111122223333\"}", Session, StringComparison.Ordinal);
        var user = TrailJson.PinpointRecord("e2", "DeleteApp", extra: Extra);
        var document = TrailJson.Gzip(TrailJson.Document([session, user]));

        var full = TrailFiles.Read(document).Events;
        var summary = new TrailFileReader<AuditEvent>(PinpointEventMapper.ForSummaries).Read(new MemoryStream(document)).Events;

        Assert.Equal(["arn:aws:iam::111122223333:role/Ops", "arn:aws:iam::111122223333:user/alice"], summary.Select(e => e.Caller.DisplayName));
        Assert.Equal(full.Select(e => e.Caller.DisplayName), summary.Select(e => e.Caller.DisplayName));
        Assert.Equal(full.Select(e => EventStamp.Of(e)), summary.Select(e => EventStamp.Of(e)));
        Assert.Equal(full.Select(e => Change.Of(e)), summary.Select(e => Change.Of(e)));
        Assert.Equal("arn:aws:sts::111122223333:assumed-role/Ops/alice-session-1", full[0].Caller.Arn);
        Assert.Null(summary[0].Caller.Arn);
        Assert.Null(summary[0].Caller.PrincipalId);
        Assert.Equal("arn:aws:iam::111122223333:user/alice", summary[1].Caller.Arn);
        Assert.All(full, e => Assert.Equal(("r1", "aws-cli/2", "192.0.2.1", "no"), (e.RequestId, e.UserAgent, e.SourceIpAddress, e.ErrorMessage)));
        Assert.All(summary, e => Assert.Equal((null, null, null, null), (e.RequestId, e.UserAgent, e.SourceIpAddress, e.ErrorMessage)));
        Assert.All(summary, e => Assert.Equal("AccessDenied", e.ErrorCode));
    }

    [Theory]
    [InlineData("2024-06-01T10:00:00Z", "2024-06-01T10:00:00Z")]
    [InlineData("2024-06-01T12:00:00+02:00", "2024-06-01T10:00:00Z")]
    [InlineData("2024-06-01T10:00:00", "2024-06-01T10:00:00Z")] // no offset: read as UTC
    [InlineData("2024-06-01T10:00:00\\u005A", "2024-06-01T10:00:00Z")] // escaped: decoded first
    public void EventTime_IsReadAsUtc(string written, string expected)
    {
        var record = TrailJson.PinpointRecord("e1").Replace("2024-06-01T10:00:00Z", written, StringComparison.Ordinal);

        var e = Assert.Single(TrailFiles.ReadJson(TrailJson.Document([record])).Events);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), e.EventTime);
        Assert.Equal(TimeSpan.Zero, e.EventTime.Offset);
    }

    [Theory]
    [InlineData("\"eventTime\":\"2024-06-01T10:00:00Z\",", "", "has no eventTime")]
    [InlineData("\"eventTime\":\"2024-06-01T10:00:00Z\",", "\"eventTime\":\"yesterday\",", "has an eventTime 'yesterday' that is not a date and time")]
    [InlineData("\"eventTime\":\"2024-06-01T10:00:00Z\",", "\"eventTime\":17,", "has no eventTime")]
    public void MissingOrBadEventTime_RejectsTheFile_NamingTheValue(string field, string replacement, string reason)
    {
        var record = TrailJson.PinpointRecord("e1").Replace(field, replacement, StringComparison.Ordinal);

        var result = TrailFiles.ReadJson(TrailJson.Document([record]));

        Assert.Empty(result.Events);
        Assert.Equal(TrailFileErrorKind.InvalidRecord, result.Error!.Kind);
        Assert.Contains(reason, result.Error.Message, StringComparison.Ordinal);
    }
}
