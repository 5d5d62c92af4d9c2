using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Api.V1;

namespace PinpointAggregator.Api.Tests;

/// <summary>Operator actions through the real channel: pause, resume, re-read, and what is running.</summary>
[Collection(IngestingService.Name)]
public sealed class OperationsTests(IngestingServiceFixture service)
{
    private readonly OperationsService.OperationsServiceClient _ops = new(service.Channel);
    private readonly OrganizationService.OrganizationServiceClient _org = new(service.Channel);
    private readonly EventService.EventServiceClient _events = new(service.Channel);
    private readonly ApplicationService.ApplicationServiceClient _apps = new(service.Channel);

    [Fact]
    public async Task Pause_SkipsPolls_UntilResumeReadsAtOnce()
    {
        var prefix = (await service.PrefixesAsync())[^1];
        var paused = await _ops.PausePrefixesAsync(new PausePrefixesRequest { Account = prefix.Account, Regions = { prefix.Region }, Reason = "bucket migration" });
        Assert.Equal([prefix.Format()], paused.Prefixes);
        try
        {
            var status = await PrefixAsync(prefix);
            Assert.True(status.Paused);
            var operation = Assert.Single((await _ops.ListOperationsAsync(new ListOperationsRequest())).Operations, o => o.Prefix == prefix.Format());
            Assert.Equal((Operation.Types.Kind.Paused, "bucket migration", prefix.Account, prefix.Region), (operation.Kind, operation.Detail, operation.Account, operation.Region));
            Assert.NotNull(operation.Since);

            // A paused prefix skips polls, even one asked for.
            var ids = await SampleFiles.AddAsync(service, prefix, service.ApplicationOf(prefix), IngestingServiceFixture.NextDelivery(), 2);
            Assert.Equal(status.FilesRead, (await PrefixAsync(prefix)).FilesRead);
            Assert.Empty(await FindAsync(ids));
            Assert.Null((await PrefixAsync(prefix)).NextPollTime);

            var resumed = await _ops.ResumePrefixesAsync(new ResumePrefixesRequest { Account = prefix.Account, Regions = { prefix.Region } });
            Assert.Equal([prefix.Format()], resumed.Prefixes);

            // Resuming polls at once, on its own: no PollNow here.
            await Eventually.TrueAsync(async () => (await FindAsync(ids)).Count == 2, "a resumed prefix should read the file that waited");
            Assert.Equal(status.FilesRead + 1, (await PrefixAsync(prefix)).FilesRead);
            Assert.False((await PrefixAsync(prefix)).Paused);
            Assert.DoesNotContain((await _ops.ListOperationsAsync(new ListOperationsRequest())).Operations, o => o.Prefix == prefix.Format() && o.Kind == Operation.Types.Kind.Paused);
        }
        finally
        {
            await _ops.ResumePrefixesAsync(new ResumePrefixesRequest { Account = prefix.Account });
        }
    }

    [Fact]
    public async Task Reread_IsListedWhilePending_AndReadsTheRangeAgainWithoutCountingTwice()
    {
        var prefixes = await service.PrefixesAsync();
        var prefix = prefixes[^2];
        var app = $"accounts/{prefix.Account}/regions/{prefix.Region}/applications/{service.ApplicationOf(prefix)}";
        var eventsBefore = (await _apps.GetApplicationAsync(new GetApplicationRequest { Name = app })).Activity.Events;
        var filesBefore = (await PrefixAsync(prefix)).FilesRead;
        await _ops.PausePrefixesAsync(new PausePrefixesRequest { Account = prefix.Account, Regions = { prefix.Region } });
        try
        {
            var (start, end) = (new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2024, 6, 1, 6, 0, 0, DateTimeKind.Utc));
            var reread = await _ops.RereadAsync(new RereadRequest { Account = prefix.Account, Regions = { prefix.Region }, StartTime = Timestamp.FromDateTime(start), EndTime = Timestamp.FromDateTime(end) });
            Assert.Equal([prefix.Format()], reread.Prefixes);
            var pending = Assert.Single((await _ops.ListOperationsAsync(new ListOperationsRequest())).Operations, o => o.Prefix == prefix.Format() && o.Kind == Operation.Types.Kind.Reread);
            Assert.Equal("files delivered from 2024-06-01T00:00:00Z until 2024-06-01T06:00:00Z", pending.Detail);
        }
        finally
        {
            await _ops.ResumePrefixesAsync(new ResumePrefixesRequest { Account = prefix.Account, Regions = { prefix.Region } });
        }

        await Eventually.TrueAsync(
            async () => !(await _ops.ListOperationsAsync(new ListOperationsRequest())).Operations.Any(o => o.Prefix == prefix.Format() && o.Kind is Operation.Types.Kind.Reread or Operation.Types.Kind.Paused),
            "the re-read should run once the prefix is resumed");
        Assert.True((await PrefixAsync(prefix)).FilesRead > filesBefore, "the range's files should have been read again");
        Assert.Equal(eventsBefore, (await _apps.GetApplicationAsync(new GetApplicationRequest { Name = app })).Activity.Events);
    }

    [Fact]
    public async Task Operations_OnWhatTheAccountDoesNotHave_AreNotFound()
    {
        var prefix = (await service.PrefixesAsync())[0];
        var day = Timestamp.FromDateTime(new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        var next = Timestamp.FromDateTime(new DateTime(2024, 6, 2, 0, 0, 0, DateTimeKind.Utc));

        await NotFound(() => _ops.PausePrefixesAsync(new PausePrefixesRequest { Account = "999999999999" }).ResponseAsync);
        await NotFound(() => _ops.ResumePrefixesAsync(new ResumePrefixesRequest { Account = prefix.Account, Regions = { "ap-southeast-4" } }).ResponseAsync);
        await NotFound(() => _ops.RereadAsync(new RereadRequest { Account = "999999999999", StartTime = day, EndTime = next }).ResponseAsync);
    }

    [Fact]
    public async Task Export_LargerThanItsLimit_IsRefusedBeforeAnythingIsSent()
    {
        using var all = _events.ExportEvents(new ExportEventsRequest());
        var e = await Errors.CallFails(() => all.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal(["filter"], e.BadFields());

        var small = new EventFilter { Actions = { "DeleteApp" } };
        var expected = (await _events.SearchEventsAsync(new SearchEventsRequest { Filter = small, PageSize = 1000 })).Events.Select(x => x.EventId).ToList();
        Assert.InRange(expected.Count, 1, IngestingServiceFixture.MaxExportEvents);
        using var some = _events.ExportEvents(new ExportEventsRequest { Filter = small });
        Assert.Equal(expected, (await some.ResponseStream.ReadAllAsync().ToListAsync()).Select(x => x.EventId));
    }

    private async Task<Prefix> PrefixAsync(TrailPrefixKey prefix) =>
        (await _org.GetAccountAsync(new GetAccountRequest { Name = $"accounts/{prefix.Account}" })).Prefixes.Single(p => p.Location == prefix.Format());

    private async Task<IReadOnlyList<Event>> FindAsync(IReadOnlyList<string> ids)
    {
        var found = new List<Event>();
        foreach (var id in ids)
        {
            try
            {
                found.Add(await _events.GetEventAsync(new GetEventRequest { Name = $"events/{id}" }));
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
            }
        }

        return found;
    }

    private static async Task NotFound(Func<Task> call)
    {
        var e = await Errors.CallFails(call);
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
    }
}
