using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using static PinpointAggregator.Grains.Tests.Prefixes.Notifications.PrefixCluster;

namespace PinpointAggregator.Grains.Tests.Prefixes.Notifications;

/// <summary>
/// <see cref="ITrailPrefixGrain.ReadNotifiedAsync"/> on a real prefix grain: what each notified key costs in GETs
/// and LISTs (the prefix's own counters) and what it answers.
/// </summary>
[Collection(PrefixCluster.Collection)]
public sealed class ReadNotifiedTests(PrefixCluster cluster)
{
    [Fact]
    public async Task ANotifiedKey_IsReadOnceAndApplied_AndASecondNotification_CostsNoGet()
    {
        var prefix = cluster.NewPrefix();
        prefix.Put(T0.AddMinutes(-30), unique: "old");
        await prefix.StartAsync(T0.AddHours(-1));
        var before = await prefix.RequestsAsync();

        var key = prefix.Put(T0.AddMinutes(5));
        prefix.Clock.Advance(TimeSpan.FromMinutes(6));
        var first = await prefix.NotifyAsync(key);
        prefix.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await prefix.NotifyAsync(key);

        Assert.Equal([new NotifiedFileResult(key, NotifiedFileOutcome.Read)], first);
        Assert.Equal([new NotifiedFileResult(key, NotifiedFileOutcome.AlreadyDone)], second);
        Assert.Equal((1L, 1L), before);
        Assert.Equal((1L, 2L), await prefix.RequestsAsync());
        var status = await prefix.StatusAsync();
        Assert.Equal((2L, 2L), (status.Counters.FilesRead, (await cluster.Grains.GetGrain<IApplicationGrain>($"{prefix.Account}/us-east-1/app1").GetAuditAsync()).Activity.Events));
        Assert.Equal(
            new PrefixNotificationStatus { Mode = PrefixIngestionMode.Notified, LastNotificationAt = T0.AddMinutes(7), FilesNotified = 2, NotifiedAlreadyDone = 1 },
            status.Notifications);
        Assert.Equal(key, status.NewestKey);

        // Nothing waits: the notified files are read through the second call's start.
        Assert.Equal(T0.AddMinutes(7), status.ReadThrough);
    }

    [Fact]
    public async Task AKeyBehindTheWindow_DoneInTheDoneKeyStore_IsAlreadyDone_WithoutAGet()
    {
        var prefix = cluster.NewPrefix();
        var old = prefix.Put(T0.AddHours(-5), unique: "old");
        prefix.Put(T0, unique: "new");
        await prefix.StartAsync(T0.AddHours(-6));

        var answer = await prefix.NotifyAsync(old);

        Assert.Equal([new NotifiedFileResult(old, NotifiedFileOutcome.AlreadyDone)], answer);
        Assert.Equal((1L, 2L), await prefix.RequestsAsync());
        Assert.Equal(1, (await prefix.StatusAsync()).Notifications.NotifiedAlreadyDone);
    }

    [Fact]
    public async Task AKeyOlderThanTheHorizon_IsRead_AndReportedLate()
    {
        var prefix = cluster.NewPrefix();
        prefix.Put(T0);
        await prefix.StartAsync(T0.AddHours(-1));
        var late = prefix.Put(T0.AddDays(-8), application: "app2", unique: "late");
        var onTime = prefix.Put(T0.AddDays(-6), application: "app2", unique: "ontime");

        var answer = await prefix.NotifyAsync(late, onTime);

        Assert.Equal([new NotifiedFileResult(late, NotifiedFileOutcome.Read, Late: true), new NotifiedFileResult(onTime, NotifiedFileOutcome.Read)], answer);
        Assert.Equal((1L, 3L), await prefix.RequestsAsync());
        var status = await prefix.StatusAsync();
        Assert.Equal((2L, 1L, 0L), (status.Notifications.FilesNotified, status.Notifications.NotifiedLate, status.Counters.FilesMissed));
        Assert.Equal(2, (await cluster.Grains.GetGrain<IApplicationGrain>($"{prefix.Account}/us-east-1/app2").GetAuditAsync()).Activity.Events);
    }

    [Fact]
    public async Task DuplicatesInOneCall_AreAnsweredOnceEach_AndReadOnce()
    {
        var prefix = cluster.NewPrefix();
        await prefix.StartAsync(T0.AddHours(-1));
        var a = prefix.Put(T0.AddMinutes(1), unique: "a");
        var b = prefix.Put(T0.AddMinutes(2), unique: "b");

        var answer = await prefix.NotifyAsync(a, b, a, a);

        Assert.Equal([new NotifiedFileResult(a, NotifiedFileOutcome.Read), new NotifiedFileResult(b, NotifiedFileOutcome.Read)], answer);
        Assert.Equal((1L, 2L), await prefix.RequestsAsync());
        Assert.Equal(2, (await prefix.StatusAsync()).Notifications.FilesNotified);
    }

    [Fact]
    public async Task AKeyWhoseReadFails_WaitsForARetry_AndANotificationReadsItNow()
    {
        var prefix = cluster.NewPrefix();
        await prefix.StartAsync(T0.AddHours(-1));
        var key = prefix.Put(T0.AddMinutes(1));
        DeniedKeys[key] = true;

        var failed = await prefix.NotifyAsync(key);
        var waiting = await prefix.StatusAsync();
        DeniedKeys.TryRemove(key, out _);
        prefix.Clock.Advance(TimeSpan.FromSeconds(1));
        var read = await prefix.NotifyAsync(key);
        var status = await prefix.StatusAsync();

        Assert.Equal([new NotifiedFileResult(key, NotifiedFileOutcome.Retrying)], failed);
        Assert.False(failed[0].Settled);
        Assert.Equal((1, T0), (waiting.PendingRetries, waiting.ReadThrough));
        Assert.Equal([new NotifiedFileResult(key, NotifiedFileOutcome.Read)], read);
        Assert.Equal((0, 1L, T0.AddSeconds(1)), (status.PendingRetries, status.Counters.FilesRead, status.ReadThrough));
        Assert.Equal((1L, 2L), await prefix.RequestsAsync());
    }

    [Fact]
    public async Task APrefixNeverStarted_AnswersNotStarted_AndChangesNothing()
    {
        var prefix = cluster.NewPrefix();
        var key = prefix.Put(T0);

        var answer = await prefix.NotifyAsync(key);

        Assert.Equal([new NotifiedFileResult(key, NotifiedFileOutcome.NotStarted)], answer);
        Assert.True(answer[0].Settled);
        var status = await prefix.StatusAsync();
        Assert.Equal((new PrefixNotificationStatus(), 0), (status.Notifications, status.Counters.Requests.Count));
    }

    [Fact]
    public async Task APausedPrefix_AnswersPaused_AndItsListingReadsTheKeyOnceResumed()
    {
        var prefix = cluster.NewPrefix();
        prefix.Put(T0.AddMinutes(-10), unique: "before");
        await prefix.StartAsync(T0.AddHours(-1));
        await prefix.Grain.PauseAsync("maintenance");
        var key = prefix.Put(T0.AddMinutes(5));
        prefix.Clock.Advance(TimeSpan.FromMinutes(6));

        var paused = await prefix.NotifyAsync(key);
        var whilePaused = await prefix.RequestsAsync();
        await prefix.Grain.ResumeAsync();
        var resumed = await prefix.EventuallyAsync(s => s.Counters.FilesRead == 2, "the resumed prefix's poll read the notified key");
        var again = await prefix.NotifyAsync(key);

        Assert.Equal([new NotifiedFileResult(key, NotifiedFileOutcome.Paused)], paused);
        Assert.False(paused[0].Settled);
        Assert.Equal((1L, 1L), whilePaused);
        Assert.Equal(PrefixIngestionMode.Polling, resumed.Notifications.Mode);
        Assert.Equal([new NotifiedFileResult(key, NotifiedFileOutcome.AlreadyDone)], again);
        Assert.Equal((2L, 2L), await prefix.RequestsAsync());
    }

    [Theory]
    [InlineData("AWSLogs/o-abcdefghij/999999999999/CloudTrail/us-east-1/2024/06/10/999999999999_CloudTrail_us-east-1_20240610T1000Z_x.json.gz", "another account")]
    [InlineData("AWSLogs/o-abcdefghij/{account}/CloudTrail/eu-west-1/2024/06/10/{account}_CloudTrail_eu-west-1_20240610T1000Z_x.json.gz", "another region")]
    [InlineData("AWSLogs/o-bbbbbbbbbb/{account}/CloudTrail/us-east-1/2024/06/10/{account}_CloudTrail_us-east-1_20240610T1000Z_x.json.gz", "another organization")]
    [InlineData("AWSLogs/{account}/CloudTrail/us-east-1/2024/06/10/{account}_CloudTrail_us-east-1_20240610T1000Z_x.json.gz", "the plain layout")]
    [InlineData("other/AWSLogs/o-abcdefghij/{account}/CloudTrail/us-east-1/2024/06/10/{account}_CloudTrail_us-east-1_20240610T1000Z_x.json.gz", "a bucket prefix")]
    [InlineData("AWSLogs/o-abcdefghij/{account}/CloudTrail-Digest/us-east-1/2024/06/10/{account}_CloudTrail-Digest_us-east-1_trail_us-east-1_20240610T100000Z.json.gz", "a digest")]
    [InlineData("AWSLogs/o-abcdefghij/{account}/CloudTrail/us-east-1/2024/06/10/notes.txt", "not a trail key")]
    [InlineData("", "empty")]
    public async Task AKeyNotOfThisPrefix_IsRefused_AndNothingIsRead(string foreign, string what)
    {
        var prefix = cluster.NewPrefix();
        await prefix.StartAsync(T0.AddHours(-1));
        var own = prefix.Put(T0.AddMinutes(1));

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => prefix.NotifyAsync(own, foreign.Replace("{account}", prefix.Account, StringComparison.Ordinal)));

        Assert.False(string.IsNullOrEmpty(refused.Message), what);
        Assert.Equal((1L, 0L), await prefix.RequestsAsync());
        Assert.Equal(new PrefixNotificationStatus(), (await prefix.StatusAsync()).Notifications);
    }
}
