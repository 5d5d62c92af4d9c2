using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PinpointAggregator.Abstractions.Contracts;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Api.Hosting;
using PinpointAggregator.Api.V1;
using PinpointAggregator.Grains.EventStore.Queries;
using PinpointAggregator.Host.Hosting;

namespace PinpointAggregator.Benchmarks;

/// <summary>
/// The gRPC front end under load: a silo on PostgreSQL holding APPS applications with EVENTS_PER_APP events
/// each (seeded once through the application grains, so the store holds exactly what ingestion would
/// write), then CALLERS concurrent callers on a real gRPC channel for SECONDS per query kind, and beside
/// each kind the same query made in process without gRPC (the grain call or the store query: the floor the
/// RPC adds its transport, auth and mapping to). Kinds and floors are interleaved, ROUNDS times; each
/// figure is its best round. Then a Watch's delivery latency: from the moment an event is handed to its
/// application grain to the moment the watching client has it.
/// </summary>
/// <remarks>Usage: <c>api CONNECTION_STRING [APPS] [EVENTS_PER_APP] [SECONDS] [CALLERS] [ROUNDS]</c>.</remarks>
internal static class ApiLoadBenchmark
{
    private static readonly string[] SearchActions = ["CreateCampaign", "UpdateCampaign", "GetCampaign", "UpdateSegment", "UpdateSmsChannel"];

    public static async Task RunAsync(string[] args)
    {
        var connectionString = args[0];
        var apps = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var perApp = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
        var seconds = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 5;
        var callers = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 4;
        var rounds = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 3;
        var data = new SyntheticAudit(apps, perApp);

        var bucket = Directory.CreateTempSubdirectory("pa-api-bench-bucket-");
        var tokenFile = Path.Combine(bucket.FullName, "token");
        var port = 50700;
        var app = Build(connectionString, bucket.FullName, tokenFile, port);
        await app.StartAsync();
        try
        {
            var grains = app.Services.GetRequiredService<IGrainFactory>();
            await SeedAsync(connectionString, grains, data);
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
            var headers = new Metadata { { "authorization", "Bearer " + (await File.ReadAllTextAsync(tokenFile)).Trim() } };
            var kinds = Kinds(data, new Clients(channel, headers), grains, app.Services.GetRequiredService<IEventQueries>(), app.Services.GetRequiredService<IApplicationDirectory>());

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load: {callers} callers, {seconds} s per kind and path, {rounds} rounds; {Environment.ProcessorCount} cores"));
            var best = new Dictionary<string, Figures>();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (name, call) in kinds)
                {
                    var figures = await LoadAsync(call, callers, TimeSpan.FromSeconds(seconds));
                    Console.Error.WriteLine($"  round {round + 1}: {name}: {figures}");
                    best[name] = best.TryGetValue(name, out var before) ? before.Best(figures) : figures;
                }
            }

            Console.WriteLine("| query | path | p50 ms | p99 ms | calls/s |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (var (name, figures) in best)
            {
                var (kind, path) = (name[..name.IndexOf(' ', StringComparison.Ordinal)], name[(name.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {kind} | {path} | {figures.P50:F2} | {figures.P99:F2} | {figures.Throughput:F0} |"));
            }

            var watch = await WatchLatencyAsync(new Clients(channel, headers), grains, data);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Watch delivery over {watch.Count} events: p50 {Percentile(watch, 0.5):F0} ms, max {watch.Max():F0} ms"));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            bucket.Delete(recursive: true);
        }
    }

    private static WebApplication Build(string connectionString, string bucket, string tokenFile, int port)
    {
        var builder = PinpointHost.CreateWebBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:MigrateOnStart"] = "true",
            ["ConnectionStrings:PinpointAggregator"] = connectionString,
            ["Cluster:ServiceId"] = "api-benchmark",
            ["Silo:SiloPort"] = "11611",
            ["Silo:GatewayPort"] = "30611",
            ["Ingestion:Buckets:0:Name"] = "empty",
            ["Ingestion:Buckets:0:LocalPath"] = bucket,
            ["Api:Url"] = $"http://127.0.0.1:{port}",
            ["Api:HttpUrl"] = string.Empty,
            ["Api:Auth:GeneratedKeyFile"] = tokenFile,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddPinpointSilo();
        builder.AddPinpointApi();
        var app = builder.Build();
        app.MapPinpointApi();
        return app;
    }

    /// <summary>Applies each application's events through its grain, unless a previous run already stored them.</summary>
    private static async Task SeedAsync(string connectionString, IGrainFactory grains, SyntheticAudit data)
    {
        await using (var source = NpgsqlDataSource.Create(connectionString))
        await using (var count = source.CreateCommand("select count(*) from pinpoint_events"))
        {
            var stored = (long)(await count.ExecuteScalarAsync())!;
            if (stored >= data.Events)
            {
                Console.Error.WriteLine($"store holds {stored} events: seeded before");
                return;
            }
        }

        Console.Error.WriteLine($"seeding {data.Applications} applications, {data.Events} events through the application grains ...");
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < data.Applications)
            {
                var grain = grains.GetGrain<IApplicationGrain>(SyntheticAudit.Key(index).Format());
                var result = await grain.ApplyAsync(EventBatch.Of(data.EventsOf(index)));
                if (result.Rejected.Count > 0)
                {
                    throw new InvalidOperationException($"application {index}: {result.Rejected.Count} events rejected: {result.Rejected[0].Reason}");
                }

                if (index % 1000 == 999)
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {index + 1} applications in {clock.Elapsed.TotalSeconds:F0} s"));
                }
            }
        }));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded in {clock.Elapsed.TotalSeconds:F0} s"));
    }

    /// <summary>Each query kind over gRPC and, beside it, the same query in process.</summary>
    private static List<(string Name, Func<Random, Task> Call)> Kinds(SyntheticAudit data, Clients rpc, IGrainFactory grains, IEventQueries events, IApplicationDirectory directory)
    {
        var n = data.Applications;
        return
        [
            ("get-application gRPC", async r => await rpc.Applications.GetApplicationAsync(new GetApplicationRequest { Name = Name(r.Next(n)) }, rpc.Headers)),
            ("get-application in-process", async r => await grains.GetGrain<IApplicationGrain>(SyntheticAudit.Key(r.Next(n)).Format()).GetAuditAsync()),
            ("list-applications gRPC", async r => await rpc.Applications.ListApplicationsAsync(ListRequest(r), rpc.Headers)),
            ("list-applications in-process", async r => await directory.ListAsync(new ApplicationQuery { Accounts = [SyntheticAudit.Account(r.Next(100))], Deleted = false }, null, 100, CancellationToken.None)),
            ("history gRPC", async r => await rpc.Applications.ListResourceHistoryAsync(HistoryRequest(r, n), rpc.Headers)),
            ("history in-process", async r => await events.SearchAsync(HistoryQuery(r, n), null, descending: true, 100, includeRaw: false, CancellationToken.None)),
            ("search gRPC", async r => await rpc.Events.SearchEventsAsync(SearchRequest(r), rpc.Headers)),
            ("search in-process", async r => await events.SearchAsync(SearchQuery(r), null, descending: true, 50, includeRaw: false, CancellationToken.None)),
        ];
    }

    private static string Name(int index)
    {
        var key = SyntheticAudit.Key(index);
        return $"accounts/{key.Account}/regions/{key.Region}/applications/{key.ApplicationId}";
    }

    private static ListApplicationsRequest ListRequest(Random r) => new()
    {
        Accounts = { SyntheticAudit.Account(r.Next(100)) },
        Lifecycle = LifecycleFilter.Alive,
        PageSize = 100,
    };

    private static ListResourceHistoryRequest HistoryRequest(Random r, int apps)
    {
        var index = r.Next(apps);
        return new() { Application = Name(index), Kind = ResourceKind.Campaign, ResourceId = SyntheticAudit.Campaign(index, r.Next(8)), IncludeReads = true, PageSize = 100 };
    }

    private static EventQuery HistoryQuery(Random r, int apps)
    {
        var index = r.Next(apps);
        var key = SyntheticAudit.Key(index);
        return new EventQuery
        {
            Accounts = [key.Account],
            Regions = [key.Region],
            Applications = [key.ApplicationId],
            ResourceKind = "Campaign",
            ResourceId = SyntheticAudit.Campaign(index, r.Next(8)),
        };
    }

    /// <summary>One account's calls of one action in a random week: the filtered page an investigator asks for.</summary>
    private static (string Account, string Action, DateTime From) SearchFilter(Random r) =>
        (SyntheticAudit.Account(r.Next(100)), SearchActions[r.Next(SearchActions.Length)], SyntheticAudit.End.AddDays(-SyntheticAudit.Days + r.Next(SyntheticAudit.Days - 7)));

    private static SearchEventsRequest SearchRequest(Random r)
    {
        var (account, action, from) = SearchFilter(r);
        return new()
        {
            Filter = new EventFilter
            {
                Accounts = { account },
                Actions = { action },
                StartTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(from),
                EndTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(from.AddDays(7)),
            },
            PageSize = 50,
        };
    }

    private static EventQuery SearchQuery(Random r)
    {
        var (account, action, from) = SearchFilter(r);
        return new EventQuery { Accounts = [account], Actions = [action], From = from, Until = from.AddDays(7) };
    }

    private static async Task<Figures> LoadAsync(Func<Random, Task> call, int callers, TimeSpan duration)
    {
        var latencies = new List<double>[callers];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async c =>
        {
            var random = new Random(c);
            var mine = latencies[c] = [];
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                await call(random);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new Figures(Percentile(all, 0.5), Percentile(all, 0.99), all.Count / clock.Elapsed.TotalSeconds);
    }

    /// <summary>A watch on one application; each new event is applied through its grain and timed until the client has it.</summary>
    private static async Task<List<double>> WatchLatencyAsync(Clients rpc, IGrainFactory grains, SyntheticAudit data)
    {
        var watched = SyntheticAudit.Key(data.Applications + 1);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var stream = rpc.Events.WatchEvents(new WatchEventsRequest { Filter = new EventFilter { Applications = { watched.ApplicationId } } }, rpc.Headers, cancellationToken: cancel.Token);
        // The opening heartbeat says the server has fixed where the watch starts: an event stored before it
        // would be (rightly) not delivered.
        if (!await stream.ResponseStream.MoveNext(cancel.Token) || stream.ResponseStream.Current.Event is not null)
        {
            throw new InvalidOperationException("the watch did not open with a heartbeat");
        }

        var latencies = new List<double>();
        var template = new SyntheticAudit(data.Applications + 2, 20).EventsOf(data.Applications + 1);
        var round = Stopwatch.GetTimestamp().ToString("x", CultureInfo.InvariantCulture);
        foreach (var e in template)
        {
            var fresh = e with { EventId = $"{e.EventId[..^12]}{round[^4..]}{e.EventId[^8..]}" };
            var start = Stopwatch.GetTimestamp();
            await grains.GetGrain<IApplicationGrain>(watched.Format()).ApplyAsync(EventBatch.Of([fresh]));
            while (await stream.ResponseStream.MoveNext(cancel.Token))
            {
                if (stream.ResponseStream.Current.Event?.EventId == fresh.EventId)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    break;
                }
            }
        }

        latencies.Sort();
        return latencies;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private sealed record Clients(GrpcChannel Channel, Metadata Headers)
    {
        public ApplicationService.ApplicationServiceClient Applications { get; } = new(Channel);

        public EventService.EventServiceClient Events { get; } = new(Channel);
    }

    private sealed record Figures(double P50, double P99, double Throughput)
    {
        public Figures Best(Figures other) => new(Math.Min(P50, other.P50), Math.Min(P99, other.P99), Math.Max(Throughput, other.Throughput));

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"p50 {P50:F2} ms, p99 {P99:F2} ms, {Throughput:F0}/s");
    }
}
