using System.Text;
using PinpointAggregator.Trail.Reading;
using PinpointAggregator.Audit.Pinpoint;

namespace PinpointAggregator.Audit.Tests.Reading;

public sealed class TrailFileReaderTests
{
    [Fact]
    public void Decoys_ThatMentionPinpoint_AreNotKept()
    {
        var json = TrailJson.Document([TrailJson.OtherRecord("k1"), TrailJson.PinpointRecord("p1"), TrailJson.OtherRecord("k2")]);

        var result = TrailFiles.ReadJson(json);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(3, result.RecordsRead);
        Assert.Equal("p1", Assert.Single(result.Events).EventId);
    }

    [Fact]
    public void EventSources_AreConfiguration_SmsVoiceCanBeAdded()
    {
        var json = TrailJson.Document([TrailJson.PinpointRecord("p1"), TrailJson.PinpointRecord("s1", "DescribePhoneNumbers", source: "sms-voice.amazonaws.com")]);

        var defaults = TrailFiles.ReadJson(json);
        var both = TrailFiles.ReadJson(json, new TrailReaderOptions { EventSources = ["pinpoint.amazonaws.com", "sms-voice.amazonaws.com"] });

        Assert.Equal(["p1"], defaults.Events.Select(e => e.EventId));
        Assert.Equal(["p1", "s1"], both.Events.Select(e => e.EventId));
    }

    [Fact]
    public void KeyOrder_DoesNotMatter()
    {
        const string Reordered = """{"Records":[{"recipientAccountId":"111122223333","eventID":"r1","requestParameters":{"application-id":"app9"},"eventName":"GetApp","eventTime":"2024-06-01T10:00:00Z","eventSource":"pinpoint.amazonaws.com","awsRegion":"eu-west-1"}]}""";

        var e = Assert.Single(TrailFiles.ReadJson(Reordered).Events);

        Assert.Equal(("r1", "GetApp", "app9", "eu-west-1"), (e.EventId, e.EventName, e.Target.ApplicationId, e.AwsRegion));
    }

    [Fact]
    public void EscapedStrings_AreUnescaped()
    {
        var json = TrailJson.Document([TrailJson.PinpointRecord("p1", extra: ",\"userAgent\":\"a\\\"b\\u00e9\",\"errorCode\":\"AccessDenied\"")]);

        var e = Assert.Single(TrailFiles.ReadJson(json).Events);

        Assert.Equal("a\"bé", e.UserAgent);
        Assert.Equal("AccessDenied", e.ErrorCode);
        Assert.True(e.Failed);
    }

    [Fact]
    public void AssumedRole_CallerHasSessionIssuerAndInvokedBy()
    {
        const string Identity = """{"type":"AssumedRole","principalId":"AROAX:bob","arn":"arn:aws:sts::111122223333:assumed-role/deploy/bob","accountId":"111122223333","invokedBy":"cloudformation.amazonaws.com","sessionContext":{"attributes":{"mfaAuthenticated":"false"},"sessionIssuer":{"type":"Role","principalId":"AROAX","arn":"arn:aws:iam::111122223333:role/deploy","userName":"deploy"}}}""";
        var json = $$"""{"Records":[{"userIdentity":{{Identity}},"eventTime":"2024-06-01T10:00:00Z","eventSource":"pinpoint.amazonaws.com","eventName":"GetApps","eventID":"x"}]}""";

        var caller = Assert.Single(TrailFiles.ReadJson(json).Events).Caller;

        Assert.Equal(new Trail.Events.CallerIdentity("AssumedRole", "arn:aws:sts::111122223333:assumed-role/deploy/bob", "111122223333", "AROAX:bob", null, "arn:aws:iam::111122223333:role/deploy", "cloudformation.amazonaws.com"), caller);
        Assert.Equal("arn:aws:iam::111122223333:role/deploy", caller.DisplayName);
    }

    [Fact]
    public void Addendum_IsRead_AndDeduplicatesUnderTheOriginalId()
    {
        var json = TrailJson.Document([TrailJson.PinpointRecord("new1", extra: ",\"addendum\":{\"reason\":\"UPDATED_DATA\",\"updatedFields\":\"userAgent\",\"originalRequestID\":\"rq\",\"originalEventID\":\"orig1\"}")]);

        var e = Assert.Single(TrailFiles.ReadJson(json).Events);

        Assert.Equal(new Trail.Events.EventAddendum("UPDATED_DATA", "userAgent", "rq", "orig1"), e.Addendum);
        Assert.Equal("orig1", e.DeduplicationId);
    }

    [Fact]
    public void ManyRecords_AcrossBufferBoundaries_AreAllReadOnce()
    {
        // ~3 MB: records straddle every 128 KiB buffer boundary and the buffer is compacted many times.
        var records = Enumerable.Range(0, 6000).Select(i => i % 3 == 0 ? TrailJson.PinpointRecord($"p{i}", extra: $",\"userAgent\":\"{new string('x', i % 700)}ü\"") : TrailJson.OtherRecord($"o{i}"));

        var result = TrailFiles.ReadJson(TrailJson.Document(records));

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(6000, result.RecordsRead);
        Assert.Equal(Enumerable.Range(0, 6000).Where(i => i % 3 == 0).Select(i => $"p{i}"), result.Events.Select(e => e.EventId));
        Assert.All(result.Events, e => Assert.EndsWith("ü", e.UserAgent, StringComparison.Ordinal));
    }

    [Fact]
    public void OtherTopLevelProperties_AreSkipped()
    {
        var json = "{\"Version\":{\"a\":[1,2,{\"b\":null}]},\"Records\":[" + TrailJson.PinpointRecord("p1") + "],\"Trailer\":\"x\"}";

        var result = TrailFiles.ReadJson(json);

        Assert.Equal("p1", Assert.Single(result.Events).EventId);
    }

    [Fact]
    public void EmptyRecords_IsAValidFileWithNoEvents()
    {
        var result = TrailFiles.ReadJson("{\"Records\":[]}");

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Empty(result.Events);
        Assert.Equal(14, result.DecompressedBytes);
    }

    [Fact]
    public void Stats_CountCompressedAndDecompressedBytes()
    {
        var json = TrailJson.Document([TrailJson.PinpointRecord("p1")]);
        var gz = TrailJson.Gzip(json);

        var result = TrailFiles.Read(gz);

        Assert.Equal(gz.Length, result.CompressedBytes);
        Assert.Equal(Encoding.UTF8.GetByteCount(json), result.DecompressedBytes);
    }

    [Fact]
    public void Options_Invalid_FailWithTheOptionName()
    {
        var e = Assert.Throws<ArgumentException>(() => AuditEventReader.Create(new TrailReaderOptions { EventSources = [] }));

        Assert.Contains("Trail:Reader:EventSources", e.Message, StringComparison.Ordinal);
    }
}
