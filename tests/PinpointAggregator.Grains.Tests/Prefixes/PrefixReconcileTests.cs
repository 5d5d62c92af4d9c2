using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.DoneKeys;
using PinpointAggregator.Grains.Prefixes;

namespace PinpointAggregator.Grains.Tests.Prefixes;

/// <summary>The reconcile's decisions without a silo: when, what it lists, what it reads and what it reports.</summary>
public sealed class PrefixReconcileTests
{
    private static readonly DateTime Now = new(2024, 6, 20, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Newest = Now.AddMinutes(-5);

    private readonly IngestionOptions _options = new()
    {
        LateArrivalWindow = TimeSpan.FromHours(2),
        ReconcileHorizon = TimeSpan.FromDays(7),
        ReconcileInterval = TimeSpan.FromHours(6),
        MissedReportBand = TimeSpan.FromDays(1),
        QuarantineListLength = 2,
    };

    private readonly TrailPrefixState _state = new() { Started = true, BackfillFrom = Now.AddDays(-30), NewestKeyAt = Newest };

    private PrefixReconcile Reconcile(double random = 0.5) => new(_state, _options, new PrefixLedger(_state, _options), () => random);

    [Fact]
    public void Range_ReadsTheHorizonPlusOneInterval_ReportsOneBandBeyond_AndStopsAtTheWindow()
    {
        var range = Reconcile().Range();

        Assert.Equal(Newest.AddHours(-2), range.Until);
        Assert.Equal(Newest - TimeSpan.FromDays(7) - TimeSpan.FromHours(6), range.ReadFrom);
        Assert.Equal(range.ReadFrom.AddDays(-1), range.ListFrom);
    }

    [Fact]
    public void Range_OfANotifiedPrefix_ListsThroughToTheGivenEnd_NotOnlyToTheWindow()
    {
        var range = Reconcile().Range(until: Now.AddMinutes(15));

        Assert.Equal(Now.AddMinutes(15), range.Until);
        Assert.Equal((Reconcile().Range().ListFrom, Reconcile().Range().ReadFrom), (range.ListFrom, range.ReadFrom));
    }

    /// <summary>
    /// Done keys are kept as long as a queue keeps a message (and a day), so an old notification finds its key done;
    /// without queues, or with a retention shorter than the reconcile's reach, the reach decides.
    /// </summary>
    [Theory]
    [InlineData(0, null)]
    [InlineData(4, null)]
    [InlineData(14, 15)]
    public void DoneKeysAreKept_ForTheReconcile_OrForTheQueuesRetention_WhicheverIsLonger(int retentionDays, int? keptDays)
    {
        if (retentionDays > 0)
        {
            _options.Notifications.Queues.Add(new NotificationQueueOptions { Url = "https://sqs.us-east-1.amazonaws.com/111111111111/trail" });
            _options.Notifications.MessageRetention = TimeSpan.FromDays(retentionDays);
        }

        var expected = keptDays is { } days ? new DateTime(Newest.AddDays(-days).Ticks - (Newest.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc) : Reconcile().Range().ListFrom;
        Assert.Equal(expected, Reconcile().DoneKeysKeptFrom());
    }

    [Fact]
    public void Range_NeverListsBeforeTheBackfill_NorBeforeTheDoneKeyStoreKnewThePrefix()
    {
        _state.BackfillFrom = Now.AddDays(-3);
        Assert.Equal((Now.AddDays(-3), Now.AddDays(-3)), (Reconcile().Range().ListFrom, Reconcile().Range().ReadFrom));

        _state.DoneKeysFrom = Now.AddDays(-1);
        Assert.Equal(Now.AddDays(-1), Reconcile().Range().ListFrom);
    }

    [Fact]
    public void AStateFromBeforeTheDoneKeyStore_HandsItsWindowOver_AndIsNeverReconciledBeforeThatWindow()
    {
        _state.Version = 3;
        _state.Done["k"] = Newest;

        var keys = Reconcile().Upgrade();

        Assert.Equal([new DoneKey("k", Newest)], keys);
        Assert.Equal((Newest.AddHours(-2), Newest.AddHours(-2)), (_state.DoneKeysFrom, Reconcile().Range().ListFrom));
        Assert.True(Reconcile().Range().IsEmpty);
        Assert.Null(Reconcile().Upgrade());
    }

    [Fact]
    public void Range_IsEmpty_WhenTheWindowCoversEverythingSinceTheBackfill()
    {
        _state.BackfillFrom = Newest.AddHours(-1);

        Assert.True(Reconcile().Range().IsEmpty);
    }

    [Fact]
    public void Sort_ReadsUnreadKeysInsideTheHorizon_AndReportsOlderOnesOnce()
    {
        var reconcile = Reconcile();
        var range = reconcile.Range();
        var late3h = ("k-3h", Newest.AddHours(-3), (long?)10);
        var late3d = ("k-3d", Newest.AddDays(-3), (long?)10);
        var beyond = ("k-7d12h", Newest.AddDays(-7).AddHours(-12), (long?)10);

        var sort = PrefixReconcile.Sort([late3h, late3d, beyond], range);
        var missed = reconcile.Count(sort, Now);

        Assert.Equal(["k-3h", "k-3d"], sort.Read.Select(f => f.Key));
        var file = Assert.Single(missed);
        Assert.Equal(("k-7d12h", TimeSpan.FromDays(7.5)), (file.Key, file.Late));
        Assert.Equal((1L, 2L), (_state.Counters.FilesMissed, _state.Counters.FilesReconciled));
        Assert.Equal([file], _state.Missed);
    }

    [Fact]
    public void MissedList_IsBounded_AndEveryOneIsCounted()
    {
        var reconcile = Reconcile();
        var range = reconcile.Range();
        var old = Enumerable.Range(1, 5).Select(i => ($"old-{i}", range.ListFrom.AddMinutes(i), (long?)1));

        reconcile.Count(PrefixReconcile.Sort(old, range), Now);

        Assert.Equal(5, _state.Counters.FilesMissed);
        Assert.Equal(["old-4", "old-5"], _state.Missed.Select(m => m.Key));
    }

    [Fact]
    public void FirstReconcile_IsSpreadOverTheSecondHalfOfAnInterval_AndScheduledOnce()
    {
        Assert.True(Reconcile(random: 0).EnsureScheduled(Now));
        Assert.Equal(Now.AddHours(3), _state.NextReconcileAt);
        Assert.False(Reconcile(random: 1).EnsureScheduled(Now.AddHours(1)));
        Assert.Equal(Now.AddHours(3), _state.NextReconcileAt);

        _state.NextReconcileAt = null;
        Reconcile(random: 1).EnsureScheduled(Now);
        Assert.Equal(Now.AddHours(6), _state.NextReconcileAt);
    }

    [Fact]
    public void IsDue_WhenScheduled_OrWhileUnderWay_ButNeverBeforeAKeyWasRead()
    {
        var reconcile = Reconcile();
        _state.NextReconcileAt = Now.AddHours(1);
        Assert.False(reconcile.IsDue(Now));
        Assert.True(reconcile.IsDue(Now.AddHours(1)));

        _state.ReconcileAfter = "some/key";
        Assert.True(reconcile.IsDue(Now));

        _state.NewestKeyAt = null;
        Assert.False(reconcile.IsDue(Now.AddDays(1)));
    }

    [Fact]
    public void Finished_ClearsTheCursor_CountsIt_AndSchedulesTheNextWithinOneInterval()
    {
        _state.ReconcileAfter = "some/key";

        Reconcile(random: 1).Finished(Now);

        Assert.Null(_state.ReconcileAfter);
        Assert.Equal(1, _state.Counters.Reconciles);
        Assert.Equal(Now + (TimeSpan.FromHours(6) * 0.9), _state.NextReconcileAt);
    }
}
