using PinpointAggregator.Trail.Notifications;

namespace PinpointAggregator.Grains.Tests.Notifications;

/// <summary>A queue that hands out scripted receives and records every call made to it.</summary>
internal sealed class FakeQueueClient : INotificationQueueClient, IDisposable
{
    private readonly Queue<Func<IReadOnlyList<QueueMessage>>> _receives = new();
    private readonly SemaphoreSlim _extended = new(0);

    public string Name => "trail-notifications";

    /// <summary>Every call in order: "receive", "delete:ID,ID", "extend:ID,ID".</summary>
    public List<string> Calls { get; } = [];

    public List<(IReadOnlyList<string> Ids, TimeSpan Visibility)> Extensions { get; } = [];

    /// <summary>Ids the queue refuses to delete (their receipt expired).</summary>
    public HashSet<string> Undeletable { get; } = [];

    /// <summary>When nothing is scripted, a receive waits until cancelled (a long poll of an empty queue) instead of answering at once.</summary>
    public bool LongPollsWhenEmpty { get; set; }

    public void Returns(params QueueMessage[] messages) => _receives.Enqueue(() => messages);

    public void Throws(Exception error) => _receives.Enqueue(() => throw error);

    /// <summary>Waits until one more extension has been made.</summary>
    public Task ExtendedAsync() => _extended.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(t => Assert.True(t.Result, "the visibility was not extended"), TaskScheduler.Default);

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int max, TimeSpan wait, TimeSpan visibility, CancellationToken cancellationToken)
    {
        lock (Calls)
        {
            Calls.Add("receive");
        }

        if (_receives.TryDequeue(out var next))
        {
            return next();
        }

        if (LongPollsWhenEmpty)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return [];
    }

    public Task<IReadOnlyList<string>> DeleteAsync(IReadOnlyList<QueueMessage> messages, CancellationToken cancellationToken)
    {
        lock (Calls)
        {
            Calls.Add("delete:" + string.Join(',', messages.Select(m => m.MessageId)));
        }

        return Task.FromResult<IReadOnlyList<string>>([.. messages.Select(m => m.MessageId).Where(Undeletable.Contains)]);
    }

    public Task ExtendVisibilityAsync(IReadOnlyList<QueueMessage> messages, TimeSpan visibility, CancellationToken cancellationToken)
    {
        lock (Calls)
        {
            Calls.Add("extend:" + string.Join(',', messages.Select(m => m.MessageId)));
            Extensions.Add(([.. messages.Select(m => m.MessageId)], visibility));
        }

        _extended.Release();
        return Task.CompletedTask;
    }

    public Task<QueueDepth> DepthAsync(CancellationToken cancellationToken) => Task.FromResult(new QueueDepth(3, 4));

    public void Dispose() => _extended.Dispose();
}
