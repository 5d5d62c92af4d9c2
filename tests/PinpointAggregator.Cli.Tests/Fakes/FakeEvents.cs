using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Cli.Tests.Fakes;

/// <summary>
/// Scripted events. The watch serves <see cref="WatchScript"/> (events with cursors, one heartbeat) from the
/// cursor it is given; the first call sends <see cref="DropAfter"/> messages, waits for <see cref="Drop"/>, and
/// drops the connection; later calls stay open until cancelled.
/// </summary>
internal sealed class FakeEvents : EventService.EventServiceBase
{
    public const int DropAfter = 3;

    public static readonly IReadOnlyList<Event> Events = [Make("e-1", "CreateApp", 1), Make("e-2", "CreateCampaign", 2), Make("e-3", "DeleteApp", 3)];

    /// <summary>c1: e-1, c2: a heartbeat, c3: e-2, c4: e-3.</summary>
    public static readonly IReadOnlyList<WatchEventsResponse> WatchScript =
    [
        new() { Event = Events[0], Cursor = "c1" },
        new() { Cursor = "c2" },
        new() { Event = Events[1], Cursor = "c3" },
        new() { Event = Events[2], Cursor = "c4" },
    ];

    /// <summary>Set by the test once the client has shown what the first call sent, so the drop comes after it.</summary>
    public TaskCompletionSource Drop { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The cursor of each watch call, in order.</summary>
    public ConcurrentQueue<string> WatchCursors { get; } = new();

    public override async Task WatchEvents(WatchEventsRequest request, IServerStreamWriter<WatchEventsResponse> responseStream, ServerCallContext context)
    {
        WatchCursors.Enqueue(request.Cursor);
        var start = request.Cursor.Length == 0 ? 0 : int.Parse(request.Cursor.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
        var first = WatchCursors.Count == 1;
        foreach (var message in WatchScript.Skip(start).Take(first ? DropAfter - start : int.MaxValue))
        {
            await responseStream.WriteAsync(message);
        }

        if (first)
        {
            await Drop.Task.WaitAsync(context.CancellationToken);
            // The connection drops as a crashed proxy or silo would drop it: no status, the stream reset.
            context.GetHttpContext().Abort();
            return;
        }

        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
    }

    public override async Task ExportEvents(ExportEventsRequest request, IServerStreamWriter<Event> responseStream, ServerCallContext context)
    {
        foreach (var item in Events)
        {
            await responseStream.WriteAsync(item);
        }
    }

    private static Event Make(string id, string action, int minute) => new()
    {
        Name = "events/" + id,
        EventId = id,
        EventTime = Timestamp.FromDateTime(new DateTime(2024, 6, 1, 12, minute, 0, DateTimeKind.Utc)),
        Account = "111111111111",
        Region = "us-east-1",
        ApplicationId = "app" + minute,
        EventName = action,
        Caller = new Caller { Display = "arn:aws:iam::111111111111:user/ana" },
        IsWrite = true,
    };
}
