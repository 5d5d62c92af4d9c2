using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PinpointAggregator.Abstractions.Grains;
using PinpointAggregator.Abstractions.Keys;
using PinpointAggregator.Grains;
using PinpointAggregator.Grains.Infrastructure;
using PinpointAggregator.Host.Hosting;

namespace PinpointAggregator.Benchmarks.Notifications;

/// <summary>
/// Message-to-state latency: a silo reads a bucket on s3rver while a steady stream of trail files is uploaded and,
/// for each, CloudTrail's notification is sent to a queue on fauxqs; the time from sending the notification to the
/// file's event being in its application grain's audit state, per file, as percentiles. The same stream with no
/// queue (polling, the default one-minute interval) is the baseline. Every round is a fresh bucket, queue and silo.
/// </summary>
/// <remarks>
/// Usage: <c>PinpointAggregator.Benchmarks latency [RATE_PER_SECOND] [SECONDS] [ROUNDS] [PREFIXES]</c>, with
/// <c>PA_TEST_S3_ENDPOINT</c> (s3rver) and <c>PA_TEST_SQS_ENDPOINT</c> (fauxqs) set, as tests/run-tests.sh sets them.
/// </remarks>
internal static class LatencyBenchmark
{
    private const string S3rverKey = "S3RVER";

    public static async Task RunAsync(string[] args)
    {
        var rate = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var prefixes = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 4;
        var s3 = Required("PA_TEST_S3_ENDPOINT");
        var sqs = Required("PA_TEST_SQS_ENDPOINT");

        // The silo's S3 and SQS clients take the SDK's ambient credentials, as in production; s3rver wants its own.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", S3rverKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", S3rverKey);

        var results = new List<(string Mode, int Round, LatencyStats Stats)>();
        using var meter = new RequestMeter();
        var sqsBefore = meter.Snapshot();
        for (var round = 1; round <= rounds; round++)
        {
            // Interleaved, so a machine whose load drifts slows both modes alike.
            foreach (var notified in new[] { true, false })
            {
                var stats = await RoundAsync(s3, sqs, notified, rate, seconds, prefixes, round);
                results.Add((notified ? "notifications" : "polling", round, stats));
                Console.Error.WriteLine($"round {round}, {(notified ? "notifications" : "polling")}: {stats}");
            }
        }

        // The consumers count their SQS requests by kind in pinpoint.store.requests, beside S3's.
        var sqsRequests = meter.Snapshot().Where(r => r.Key.StartsWith("Sqs", StringComparison.Ordinal))
            .Select(r => $"{r.Key} {r.Value - sqsBefore.GetValueOrDefault(r.Key)}");
        Console.WriteLine($"{rate} files a second for {seconds} s over {prefixes} prefixes, {rounds} rounds; {Environment.ProcessorCount} cores; SQS requests of the notified rounds ({results.Where(r => r.Mode == "notifications").Sum(r => r.Stats.Files)} messages): {string.Join(", ", sqsRequests)}");
        Console.WriteLine("| mode | round | files | p50 | p90 | p99 | max |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (mode, round, stats) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {mode} | {round} | {stats.Files} | {stats.P50:F3} s | {stats.P90:F3} s | {stats.P99:F3} s | {stats.Max:F3} s |"));
        }

        foreach (var mode in results.GroupBy(r => r.Mode))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {mode.Key} | min of rounds | | {mode.Min(r => r.Stats.P50):F3} s | {mode.Min(r => r.Stats.P90):F3} s | {mode.Min(r => r.Stats.P99):F3} s | {mode.Min(r => r.Stats.Max):F3} s |"));
        }
    }

    private static async Task<LatencyStats> RoundAsync(string s3Endpoint, string sqsEndpoint, bool notified, double rate, int seconds, int prefixCount, int round)
    {
        using var s3 = new AmazonS3Client(new BasicAWSCredentials(S3rverKey, S3rverKey), new AmazonS3Config
        {
            ServiceURL = s3Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED, ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
        using var sqs = new AmazonSQSClient(new BasicAWSCredentials(S3rverKey, S3rverKey), new AmazonSQSConfig { ServiceURL = sqsEndpoint, AuthenticationRegion = "us-east-1" });
        var bucket = "latency-" + Guid.NewGuid().ToString("N")[..12];
        await s3.PutBucketAsync(bucket);
        var prefixes = Enumerable.Range(0, prefixCount).Select(i => (Account: (444455550000L + i / 2).ToString(CultureInfo.InvariantCulture), Region: i % 2 == 0 ? "us-east-1" : "eu-west-1")).ToList();

        // One file per prefix before the silo starts, so discovery finds every prefix and its first pass reads it.
        var start = DateTime.UtcNow;
        foreach (var (account, region) in prefixes)
        {
            await PutAsync(s3, bucket, account, region, start.AddMinutes(-10), "seed" + account + region);
        }

        string? queueUrl = null;
        if (notified)
        {
            queueUrl = (await sqs.CreateQueueAsync(bucket)).QueueUrl;
        }

        var settings = new Dictionary<string, string?>
        {
            ["Aws:Region"] = "us-east-1",
            ["Aws:S3ServiceUrl"] = s3Endpoint,
            ["Aws:SqsServiceUrl"] = sqsEndpoint,
            ["Aws:ForcePathStyle"] = "true",
            ["Ingestion:Buckets:0:Name"] = bucket,
            ["Ingestion:StartFrom"] = start.AddHours(-1).ToString("O", CultureInfo.InvariantCulture),
            ["Ingestion:Notifications:Queues:0:Url"] = queueUrl,
            ["Ingestion:Notifications:WaitTime"] = "00:00:20",
        };
        using var silo = await StartSiloAsync(settings, 11430 + (round * 2) + (notified ? 1 : 0));
        await silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IOrganizationGrain>(IOrganizationGrain.DefaultKey).StartAsync();
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        await WaitForPrefixesAsync(grains, prefixCount);

        var files = new List<(string Application, ApplicationKey Key, double SentAt)>();
        var seen = new Dictionary<int, double>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(() => WatchAsync(grains, files, seen, clock, stop.Token));
        var total = (int)(rate * seconds);
        for (var i = 0; i < total; i++)
        {
            var due = i / rate;
            if (clock.Elapsed.TotalSeconds < due)
            {
                await Task.Delay(TimeSpan.FromSeconds(due - clock.Elapsed.TotalSeconds));
            }

            var (account, region) = prefixes[i % prefixes.Count];
            var application = $"lat{round}{(notified ? 'n' : 'p')}{i:D6}";
            var key = await PutAsync(s3, bucket, account, region, DateTime.UtcNow, application);

            // From the moment the notification is sent (the file is in the bucket by then, as with CloudTrail).
            var sentAt = clock.Elapsed.TotalSeconds;
            if (queueUrl is not null)
            {
                await sqs.SendMessageAsync(queueUrl, "{\"s3Bucket\":\"" + bucket + "\",\"s3ObjectKey\":[\"" + key + "\"]}");
            }

            lock (files)
            {
                files.Add((application, new ApplicationKey(account, region, application), sentAt));
            }
        }

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            lock (seen)
            {
                if (seen.Count == total)
                {
                    break;
                }
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"only {seen.Count} of {total} files reached their application's state");
            }

            await Task.Delay(100);
        }

        await stop.CancelAsync();
        await watcher;
        await silo.StopAsync();
        return LatencyStats.Of([.. seen.Select(s => s.Value - files[s.Key].SentAt)]);
    }

    /// <summary>Polls each sent file's application grain until its event is in the audit state; records when it was first seen.</summary>
    private static async Task WatchAsync(IGrainFactory grains, List<(string Application, ApplicationKey Key, double SentAt)> files, Dictionary<int, double> seen, Stopwatch clock, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            List<int> pending;
            lock (files)
            {
                lock (seen)
                {
                    pending = [.. Enumerable.Range(0, files.Count).Where(i => !seen.ContainsKey(i)).Take(64)];
                }
            }

            var checks = await Task.WhenAll(pending.Select(async i =>
            {
                var audit = await grains.GetGrain<IApplicationGrain>(files[i].Key.Format()).GetAuditAsync();
                return (i, Done: audit.Activity.Events > 0, At: clock.Elapsed.TotalSeconds);
            }));
            lock (seen)
            {
                foreach (var (i, done, at) in checks.Where(c => c.Done))
                {
                    seen[i] = at;
                }
            }

            await Task.Delay(10, CancellationToken.None);
        }
    }

    private static async Task WaitForPrefixesAsync(IGrainFactory grains, int count)
    {
        var deadline = Stopwatch.StartNew();
        while ((await Grains.Organization.OrganizationSnapshot.TakeAsync(grains)).Prefixes is var prefixes && !(prefixes.Count == count && prefixes.All(p => p.CaughtUp)))
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"{prefixes.Count} of {count} prefixes caught up with their first file");
            }

            await Task.Delay(100);
        }
    }

    private static async Task<string> PutAsync(AmazonS3Client s3, string bucket, string account, string region, DateTime stamp, string application)
    {
        var key = $"AWSLogs/o-abcdefghij/{account}/CloudTrail/{region}/{stamp:yyyy/MM/dd}/{account}_CloudTrail_{region}_{stamp:yyyyMMdd'T'HHmm}Z_{application}.json.gz";
        var record = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::" + account + ":user/ops\",\"accountId\":\"" + account + "\"},"
            + "\"eventTime\":\"" + stamp.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "\",\"eventSource\":\"pinpoint.amazonaws.com\","
            + "\"eventName\":\"GetApp\",\"awsRegion\":\"" + region + "\",\"sourceIPAddress\":\"198.51.100.7\","
            + "\"requestParameters\":{\"application-id\":\"" + application + "\"},\"recipientAccountId\":\"" + account + "\",\"eventID\":\"" + application + "\"}";
        using var body = new MemoryStream();
        using (var gzip = new GZipStream(body, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("{\"Records\":[" + record + "]}"));
        }

        body.Position = 0;
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = body, UseChunkEncoding = false });
        return key;
    }

    private static async Task<IHost> StartSiloAsync(Dictionary<string, string?> settings, int port)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(settings.Where(s => s.Value is not null));
        builder.Services.AddPinpointIngestion(builder.Configuration).AddTrailStores(builder.Configuration);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort: port, gatewayPort: port + 20000)
            .AddMemoryGrainStorage(StorageNames.Audit, memory => memory.GrainStorageSerializer = new GrainStateJsonSerializer())
            .UseInMemoryReminderService());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static string Required(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{name} is not set: start s3rver and fauxqs (see docs/benchmarks.md, \"Notification latency\") and export their endpoints.");
}
