using System.IO.Compression;
using System.Text;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Grains.Prefixes;
using PinpointAggregator.Trail.Reading;
using static PinpointAggregator.Audit.Tests.Fold.AuditEvents;
using PinpointAggregator.Audit.Pinpoint;

namespace PinpointAggregator.Grains.Tests.Prefixes;

/// <summary>The prefix's bookkeeping without a silo: the window, waiting files, deliveries and what is set aside.</summary>
public sealed class PrefixLedgerTests
{
    private static readonly DateTime Now = new(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly IngestionOptions _options = new() { LateArrivalWindow = TimeSpan.FromHours(2), DeliveryAttempts = 3, QuarantineListLength = 2 };
    private readonly TrailPrefixState _state = new() { Started = true, BackfillFrom = Now.AddDays(-1) };

    private PrefixLedger Ledger => new(_state, _options);

    [Fact]
    public void FutureDatedKey_IsDoneAndReported_ButNeverMovesTheWindow()
    {
        var ledger = Ledger;
        ledger.Complete([ReadFile(Key(Now.AddMinutes(-5)), Now.AddMinutes(-5))], Now);
        var before = ledger.ListFrom();

        var report = ledger.Complete([ReadFile(Key(Now.AddYears(5)), Now.AddYears(5)), Quarantined(Key(Now.AddDays(3)), Now.AddDays(3))], Now);

        Assert.Equal(before, ledger.ListFrom());
        Assert.Equal(Now.AddMinutes(-5), _state.NewestKeyAt);
        Assert.Equal([Now.AddYears(5), Now.AddDays(3)], report.FutureDated.Select(f => f.NameTime));
        Assert.Equal(2, _state.Counters.FutureDatedKeys);
        Assert.True(_state.Done.ContainsKey(Key(Now.AddYears(5))), "a future-dated key is read once, not on every poll");
    }

    [Fact]
    public void FutureKeysLeft_CountsTheFutureDatedKeysRead()
    {
        var options = new IngestionOptions { MaxFutureDatedKeys = 3 };
        var ledger = new PrefixLedger(_state, options);

        ledger.Complete([ReadFile(Key(Now.AddYears(1)), Now.AddYears(1)), ReadFile(Key(Now.AddYears(2)), Now.AddYears(2)), ReadFile(Key(Now.AddMinutes(-1)), Now.AddMinutes(-1))], Now);

        Assert.Equal(1, ledger.FutureKeysLeft(Now));
        Assert.Equal(3, ledger.FutureKeysLeft(Now.AddYears(3)));
    }

    [Fact]
    public void KeyWithinTheSkew_MovesTheWindow()
    {
        var ledger = Ledger;

        ledger.Complete([ReadFile(Key(Now.AddMinutes(10)), Now.AddMinutes(10))], Now);

        Assert.Equal(Now.AddMinutes(10), _state.NewestKeyAt);
    }

    [Fact]
    public void FailingFile_BacksOff_IsReportedStuckOnce_AndIsNeverDropped()
    {
        var ledger = Ledger;
        var key = Key(Now.AddMinutes(-30));

        ledger.Complete([RetryLater(key)], Now);
        Assert.Empty(ledger.DueRetries(Now));
        Assert.Single(ledger.DueRetries(Now + _options.MaxRetryDelay));

        var later = Now + _options.StuckFileAfter;
        var stuck = ledger.Complete([RetryLater(key)], later);
        var again = ledger.Complete([RetryLater(key)], later.AddHours(1));

        Assert.Equal(key, Assert.Single(stuck.NewlyStuck).Key);
        Assert.Empty(again.NewlyStuck);
        Assert.Equal((3, Now), (_state.Retry[key].Attempts, _state.Retry[key].FirstFailedAt));
        Assert.Equal(1, ledger.StuckFiles(later.AddHours(1)));
        Assert.False(_state.CaughtUp);
    }

    [Fact]
    public void AWaitingOrQuarantinedKey_IsNeverReadByAListing_SoTheReconcileNeverReportsItAsMissed()
    {
        var ledger = Ledger;
        var waiting = Key(Now.AddDays(-8));
        var quarantined = Key(Now.AddDays(-8).AddMinutes(5));

        ledger.Complete([RetryLater(waiting), Quarantined(quarantined, Now.AddDays(-8).AddMinutes(5))], Now);

        Assert.False(ledger.ShouldRead(waiting, skipDone: true));
        Assert.False(ledger.ShouldRead(quarantined, skipDone: true));
    }

    [Fact]
    public void FailedDelivery_WaitsForLaterPolls_ThenIsSetAsideWithItsReason()
    {
        var ledger = Ledger;
        var delivery = new PendingDelivery { Target = "app1", Events = [Read("e1", 1), Read("e2", 2)] };
        _state.Routes["e1"] = new RouteEntry("app1", "e1", At(1), false, Now);

        Assert.Null(ledger.DeliveryFailed(delivery, "TimeoutException: no answer", permanent: false, Now));
        Assert.Null(ledger.DeliveryFailed(delivery, "TimeoutException: no answer", permanent: false, Now));
        Assert.Equal([delivery], _state.Undelivered);
        var setAside = ledger.DeliveryFailed(delivery, "TimeoutException: no answer", permanent: false, Now + _options.StuckFileAfter);

        Assert.Equal(("app1", 2, "TimeoutException: no answer"), (setAside!.Target, setAside.Events, setAside.Reason));
        Assert.Empty(_state.Undelivered);
        Assert.Equal(2, _state.Counters.EventsSetAside);
        Assert.Empty(_state.Routes); // a re-read delivers them again
    }

    [Fact]
    public void ManyQuickFailures_AsWhileASiloRestarts_NeverSetEventsAside()
    {
        var ledger = Ledger;
        var delivery = new PendingDelivery { Target = "app1", Events = [Read("e1", 1)] };

        for (var poll = 0; poll < 50; poll++)
        {
            Assert.Null(ledger.DeliveryFailed(delivery, "SiloUnavailableException: gone", permanent: false, Now.AddSeconds(poll)));
        }

        Assert.Equal([delivery], _state.Undelivered);
        Assert.Equal(0, _state.Counters.EventsSetAside);
    }

    [Fact]
    public void RetractionsOfAFailedDelivery_KeepWaiting_WhenItsEventsAreSetAside()
    {
        var retraction = new Retraction("x", At(1), "x-add", IsAddendum: true);
        var delivery = new PendingDelivery { Target = "app1", Events = [Read("e1", 1)], Retractions = [retraction] };

        var setAside = Ledger.DeliveryFailed(delivery, "ArgumentException: bad", permanent: true, Now);

        Assert.Equal(1, setAside!.Events);
        var waiting = Assert.Single(_state.Undelivered);
        Assert.Equal(("app1", 0), (waiting.Target, waiting.Events.Count));
        Assert.Equal([retraction], waiting.Retractions);
    }

    [Fact]
    public void QuarantineEvidence_IsWhatCompleteRecords()
    {
        FileOutcome[] outcomes = [Quarantined(Key(Now.AddMinutes(-2)), Now.AddMinutes(-2)), ReadFile(Key(Now.AddMinutes(-1)), Now.AddMinutes(-1))];

        var evidence = PrefixLedger.QuarantineEvidence(outcomes, Now);
        var report = Ledger.Complete(outcomes, Now);

        Assert.Equal(report.Quarantined, evidence);
    }

    [Fact]
    public void FailedDeliveriesToOneGrain_WaitAsOne()
    {
        var ledger = Ledger;

        ledger.DeliveryFailed(new PendingDelivery { Target = "app1", Events = [Read("e1", 1)] }, "TimeoutException: x", permanent: false, Now);
        ledger.DeliveryFailed(new PendingDelivery { Target = "app1", Events = [Read("e2", 2)] }, "TimeoutException: x", permanent: false, Now);
        ledger.DeliveryFailed(new PendingDelivery { Target = null, Events = [Read("e3", 3)] }, "TimeoutException: x", permanent: false, Now);

        Assert.Equal([("app1", 2), (null, 1)], _state.Undelivered.Select(d => (d.Target, d.Events.Count)));
    }

    [Fact]
    public void PermanentDeliveryFailure_IsSetAsideAtOnce()
    {
        var setAside = Ledger.DeliveryFailed(new PendingDelivery { Target = "app1", Events = [Read("e1", 1)] }, "ArgumentException: bad", permanent: true, Now);

        Assert.Equal(1, setAside!.Events);
        Assert.Empty(_state.Undelivered);
    }

    [Fact]
    public void EventsAGrainRejects_AreSetAside_AndTheRestCounts()
    {
        var delivery = new PendingDelivery { Target = "app1", Events = [Read("e1", 1), Read("e2", 2)] };

        var setAside = Ledger.Delivered(delivery, new ApplyResult(1, [new RejectedEvent("e2", "NullReferenceException: boom")]), Now);

        Assert.Equal((1, "NullReferenceException: boom"), (setAside!.Events, setAside.Reason));
        Assert.Equal(["e2"], setAside.EventIds);
    }

    [Fact]
    public void EveryQuarantineIsCounted_AndTheStatusListIsBounded()
    {
        var ledger = Ledger;

        var report = ledger.Complete([.. Enumerable.Range(1, 5).Select(i => Quarantined(Key(Now.AddMinutes(-i)), Now.AddMinutes(-i)))], Now);

        Assert.Equal(5, report.Quarantined.Count);
        Assert.Equal(5, _state.Counters.FilesQuarantined);
        Assert.Equal(2, _state.Quarantined.Count);
    }

    [Fact]
    public void Lag_CountsFromTheBackfillStart_UntilAPollReadsThrough()
    {
        var ledger = Ledger;
        Assert.Equal(TimeSpan.FromDays(1), ledger.Lag(Now));

        ledger.PollSucceeded(Now.AddMinutes(-1));

        Assert.Equal(TimeSpan.FromMinutes(1), ledger.Lag(Now));
    }

    [Fact]
    public void Lag_DoesNotMoveWhileAFileWaits()
    {
        var ledger = Ledger;
        ledger.PollSucceeded(Now.AddMinutes(-10));
        ledger.Complete([RetryLater(Key(Now.AddMinutes(-3)))], Now);

        ledger.PollSucceeded(Now);

        Assert.Equal(TimeSpan.FromMinutes(10), ledger.Lag(Now));
    }

    [Fact]
    public void APollThatListedNoWindow_LeavesTheReadThroughTimeWhereTheNotificationsLeftIt()
    {
        var ledger = Ledger;
        ledger.NotifiedThrough(Now.AddMinutes(-20));

        ledger.PollSucceeded(Now.AddMinutes(-5), listedWindow: false);

        Assert.Equal((Now.AddMinutes(-20), true), (_state.ReadThrough, _state.CaughtUp));
    }

    [Fact]
    public void ANotification_ReadsThroughItsStart_OnlyWhenNothingWaits_AndNeverBackwards()
    {
        var ledger = Ledger;
        ledger.Complete([RetryLater(Key(Now.AddMinutes(-3)))], Now);
        ledger.NotifiedThrough(Now.AddMinutes(-2));
        var whileWaiting = _state.ReadThrough;
        _state.Retry.Clear();
        ledger.NotifiedThrough(Now.AddMinutes(-1));
        ledger.NotifiedThrough(Now.AddMinutes(-4));

        Assert.Equal(((DateTime?)null, (DateTime?)Now.AddMinutes(-1)), (whileWaiting, _state.ReadThrough));
    }

    private static string Key(DateTime stamp) =>
        $"AWSLogs/111122223333/CloudTrail/us-east-1/{stamp:yyyy/MM/dd}/111122223333_CloudTrail_us-east-1_{stamp:yyyyMMdd'T'HHmm}Z_a.json.gz";

    private static FileOutcome ReadFile(string key, DateTime stamp)
    {
        using var gzip = new MemoryStream();
        using (var writer = new GZipStream(gzip, CompressionLevel.Fastest, leaveOpen: true))
        {
            writer.Write(Encoding.UTF8.GetBytes("{\"Records\":[]}"));
        }

        gzip.Position = 0;
        return FileOutcome.Success(key, stamp, 1, AuditEventReader.Create().Read(gzip));
    }

    private static FileOutcome Quarantined(string key, DateTime stamp) => FileOutcome.Quarantine(key, stamp, 1, "InvalidJson", "not JSON");

    private static FileOutcome RetryLater(string key) => FileOutcome.RetryLater(key, Now, 1, "AccessDenied", "denied");
}
