using Microsoft.Extensions.Time.Testing;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Abstractions.Options;
using PinpointAggregator.Grains.DoneKeys;
using PinpointAggregator.Grains.Prefixes;

namespace PinpointAggregator.Grains.Tests.Prefixes;

/// <summary>
/// A reconcile over several polls against a paging listing: bounded pages per poll, resumed where it
/// stopped, every unread key inside the horizon read once, every key beyond it reported once.
/// </summary>
public sealed class ReconcileStepTests
{
    private static readonly DateTime Newest = new(2024, 6, 20, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TrailPrefixKey Prefix = new(new TrailLocation("bucket", string.Empty, null), "111122223333", "us-east-1");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));
    private readonly IngestionOptions _options = new() { ReconcileInterval = TimeSpan.FromHours(6), ReconcilePagesPerPoll = 2 };
    private readonly TrailPrefixState _state = new() { Started = true, BackfillFrom = Newest.AddDays(-30), NewestKeyAt = Newest, NextReconcileAt = DateTime.MinValue };
    private readonly MemoryDoneKeyStore _done = new();
    private readonly List<string> _read = [];
    private readonly List<MissedFile> _missed = [];

    [Fact]
    public async Task ReadsEachUnreadKeyOnce_ReportsEachTooLateKeyOnce_InBoundedSteps()
    {
        var doneLongAgo = Key(Newest.AddDays(-5));
        var waiting = Key(Newest.AddDays(-7).AddHours(-20));
        var late = Enumerable.Range(1, 6).Select(i => Key(Newest.AddDays(-i).AddMinutes(-7))).ToList();
        var tooLate = Key(Newest.AddDays(-7).AddHours(-12));
        var forgotten = Key(Newest.AddDays(-10));
        var inWindow = Key(Newest.AddMinutes(-30));
        await _done.RecordAsync(Prefix.Format(), [new DoneKey(doneLongAgo, Newest.AddDays(-5))], CancellationToken.None);
        _state.Retry[waiting] = new RetryState { Stamp = Newest.AddDays(-7).AddHours(-20) };
        var store = new PagedListingStore(pageSize: 2, [doneLongAgo, waiting, tooLate, forgotten, inWindow, .. late]);
        var reconcile = new PrefixReconcile(_state, _options, new PrefixLedger(_state, _options), () => 0);

        var polls = 0;
        do
        {
            await StepAsync(store, reconcile);
            polls++;
        }
        while (_state.ReconcileAfter is not null);

        Assert.Equal(late.Order(StringComparer.Ordinal), _read.Order(StringComparer.Ordinal));
        Assert.Equal([tooLate], _missed.Select(m => m.Key));
        Assert.Equal((1L, 1L, 6L), (_state.Counters.Reconciles, _state.Counters.FilesMissed, _state.Counters.FilesReconciled));
        Assert.True(polls >= 3, $"{store.Lists} pages of at most 2 per poll take several polls, not {polls}");
        Assert.Equal(_time.GetUtcNow().UtcDateTime + (TimeSpan.FromHours(6) * 1), _state.NextReconcileAt);

        // The next reconcile finds nothing new: nothing is read or reported twice.
        await StepAsync(store, reconcile);
        while (_state.ReconcileAfter is not null)
        {
            await StepAsync(store, reconcile);
        }

        Assert.Equal((6, 1, 2L), (_read.Count, _missed.Count, _state.Counters.Reconciles));
    }

    private async Task StepAsync(PagedListingStore store, PrefixReconcile reconcile)
    {
        var step = new ReconcileStep(Prefix, new PrefixLedger(_state, _options), reconcile, _done, _options, _time);
        await step.RunAsync(store, () => { }, ReadAsync, _missed.Add, CancellationToken.None);
    }

    /// <summary>What the grain's read does for the reconcile: the files are done, in the store too.</summary>
    private async Task<int> ReadAsync(List<(string Key, DateTime Stamp, long? Size)> files)
    {
        _read.AddRange(files.Select(f => f.Key));
        await _done.RecordAsync(Prefix.Format(), [.. files.Select(f => new DoneKey(f.Key, f.Stamp))], CancellationToken.None);
        return files.Count;
    }

    private static string Key(DateTime stamp) =>
        $"AWSLogs/111122223333/CloudTrail/us-east-1/{stamp:yyyy/MM/dd}/111122223333_CloudTrail_us-east-1_{stamp:yyyyMMdd'T'HHmm}Z_a.json.gz";
}
