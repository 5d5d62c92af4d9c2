using System.Text.Json;
using Orleans.Storage;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Audit.Events;
using PinpointAggregator.Audit.Fold;
using PinpointAggregator.Audit.Tests.Fold;
using PinpointAggregator.Grains.Applications;
using PinpointAggregator.Grains.EventStore;
using PinpointAggregator.Grains.Infrastructure;
using static PinpointAggregator.Audit.Tests.Fold.AuditEvents;

namespace PinpointAggregator.Grains.Tests.EventStore;

public sealed class AuditFolderTests
{
    private static readonly AuditTarget App = new("111122223333", "us-east-1", "app1");

    private readonly MemoryAuditStore _memory = new();

    [Fact]
    public async Task Apply_KeepsEachEventOnce_AndCountsARedeliveryAsADuplicate()
    {
        var folder = await FolderAsync(_memory);
        var batch = Batch(Write("c1", 1, "CreateApp", "Application", "app1"), Read("r1", 2));

        await ApplyAsync(folder, batch);
        var again = await ApplyAsync(folder, batch);

        Assert.Equal(0, again.Applied);
        Assert.Equal(2, folder.State.Audit.Activity.Events);
        Assert.Equal(2, folder.State.Audit.Activity.DuplicatesIgnored);
        Assert.Equal(["c1", "r1"], _memory.Events(App).Select(e => e.EventId).Order());
    }

    [Fact]
    public async Task Apply_AnAddendum_ReplacesItsOriginalAsTheKeptEvent()
    {
        var folder = await FolderAsync(_memory);
        var original = Write("c1", 1, "CreateApp", "Application", "app1");

        await ApplyAsync(folder, Batch(original));
        await ApplyAsync(folder, Batch(AddendumOf(original, "c1-addendum")));

        var kept = Assert.Single(_memory.Events(App));
        Assert.Equal("c1-addendum", kept.EventId);
        Assert.Equal(1, folder.State.Audit.Activity.Events);
    }

    [Fact]
    public async Task Apply_ARetraction_ReleasesTheKeptEvent()
    {
        var folder = await FolderAsync(_memory);
        await ApplyAsync(folder, Batch(Write("c1", 1, "CreateApp", "Application", "app1")));

        await ApplyAsync(folder, new EventBatch([], [new Retraction("c1", At(1), "c1-addendum", IsAddendum: true)]));

        Assert.Empty(_memory.Events(App));
        Assert.Equal(0, folder.State.Audit.Activity.Events);
    }

    [Theory]
    [InlineData(FaultyAuditStore.Fault.BeforeCommit)]
    [InlineData(FaultyAuditStore.Fault.AfterCommit)]
    public async Task Apply_AfterACommitFailsAtEitherSide_TheReplayCountsEveryEventExactlyOnce(FaultyAuditStore.Fault fault)
    {
        var faulty = new FaultyAuditStore(_memory);
        var folder = await FolderAsync(faulty);
        var first = Batch(Write("c1", 1, "CreateApp", "Application", "app1"), Read("r1", 2));
        var second = Batch(Campaign("k1", 3, "CreateCampaign", "c9"), Read("r2", 4));
        await ApplyAsync(folder, first);

        faulty.Next = fault;
        await Assert.ThrowsAsync<IOException>(() => ApplyAsync(folder, second));
        await ApplyAsync(folder, second); // the prefix replays the batch it never heard back about

        var reference = Reference(first.Events.Concat(second.Events));
        Assert.Equal(reference.Activity.Events, folder.State.Audit.Activity.Events);
        Assert.Equal(CanonicalJson.Of(reference.Campaigns), CanonicalJson.Of(folder.State.Audit.Campaigns));
        Assert.Equal(4, _memory.Events(App).Count);

        // What a new activation reads is what this one holds.
        var reloaded = await FolderAsync(_memory);
        Assert.Equal(CanonicalJson.Of(folder.State), CanonicalJson.Of(reloaded.State));
    }

    [Fact]
    public async Task Apply_WhenAnotherActivationCommittedFirst_IsRefusedAndWritesNothing()
    {
        var stale = await FolderAsync(_memory);
        var current = await FolderAsync(_memory);
        await ApplyAsync(current, Batch(Read("r1", 1)));

        await Assert.ThrowsAsync<InconsistentStateException>(() => ApplyAsync(stale, Batch(Read("r2", 2))));

        Assert.Equal(["r1"], _memory.Events(App).Select(e => e.EventId));
    }

    [Fact]
    public async Task State_GrowsWithResourcesNotEvents()
    {
        var folder = await FolderAsync(_memory);
        await ApplyReadsAsync(folder, 0, 2_000);
        var small = (await _memory.LoadAsync(App, default))!.StateJson.Length;

        await ApplyReadsAsync(folder, 2_000, 20_000);
        var large = (await _memory.LoadAsync(App, default))!.StateJson.Length;

        Assert.Equal(20_000, folder.State.Audit.Activity.Events);
        Assert.InRange(large, small - 64, small + 64); // only counters' digits change
        Assert.True(large < 64 * 1024, $"{large} bytes of state");
        Assert.DoesNotContain("seen", Encoding(folder.State), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task ApplyReadsAsync(AuditFolder<ApplicationState> folder, int from, int to)
    {
        foreach (var chunk in Enumerable.Range(from, to - from).Chunk(500))
        {
            await ApplyAsync(folder, Batch([.. chunk.Select(i => Read($"r{i:D6}", i % 600))]));
        }
    }

    private static string Encoding(ApplicationState state) => JsonSerializer.Serialize(state, GrainStateJsonSerializer.Options);

    private static async Task<AuditFolder<ApplicationState>> FolderAsync(IAuditStore store)
    {
        var folder = new AuditFolder<ApplicationState>(store, App);
        await folder.LoadAsync(default);
        return folder;
    }

    private static Task<ApplyResult> ApplyAsync(AuditFolder<ApplicationState> folder, EventBatch batch) => folder.ApplyAsync(
        batch,
        (state, seen, e) => ApplicationAuditor.Apply(state.Audit, seen, e, recentLimit: 10),
        (state, seen, r) => ActivityLedger.Retract(state.Audit.Activity, seen, r),
        default);

    private static EventBatch Batch(params TestEvent[] events) => EventBatch.Of([.. events.Select(e => (AuditEvent)e)]);

    /// <summary>The ground truth: every distinct event folded once, with the fold's own memory.</summary>
    private static ApplicationAuditState Reference(IEnumerable<AuditEvent> events)
    {
        var audit = new ApplicationAuditState();
        var seen = new Dictionary<string, EventStamp>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            ApplicationAuditor.Apply(audit, seen, e, recentLimit: 10);
        }

        return audit;
    }
}
