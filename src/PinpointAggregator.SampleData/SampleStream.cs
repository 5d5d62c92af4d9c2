using PinpointAggregator.Trail.Keys;

namespace PinpointAggregator.SampleData;

/// <summary>
/// One account and region's delivery stream: its applications and, window by window, the log files
/// CloudTrail would deliver, with duplicates, addenda and late deliveries.
/// </summary>
internal sealed class SampleStream
{
    private static readonly string[] AppNames = ["acme-mobile", "loyalty-push", "marketing-email", "orders-notify", "otp-sms", "café-rewards", "ゲーム通知", "partner-portal"];

    private readonly SampleTrailOptions _options;
    private readonly TrailRoot _root;
    private readonly SampleRandom _random;
    private readonly SampleRecordShell _shell;
    private readonly PinpointCalls _pinpoint;
    private readonly OtherServiceCalls _other;
    private readonly List<SampleApp> _apps = [];

    public SampleStream(SampleTrailOptions options, TrailRoot root, SampleAccount account, string region, int streamIndex)
    {
        _options = options;
        _root = root;
        _random = new SampleRandom(SampleRandom.Mix(options.Seed, 3, streamIndex));
        _shell = new SampleRecordShell(options, account, region, _random);
        _pinpoint = new PinpointCalls(options, _shell);
        _other = new OtherServiceCalls(options, _shell);
        var start = Start;
        var span = TimeSpan.FromDays(options.Days);
        for (var i = 0; i < options.ApplicationsPerAccountRegion; i++)
        {
            var id = _random.HexString(32);
            DateTimeOffset? created = _random.Chance(0.4) ? start + (span * 0.8 * _random.NextDouble()) : null;
            DateTimeOffset? deleted = _random.Chance(0.25) ? (created ?? start) + TimeSpan.FromHours(1) + ((start + span - (created ?? start) - TimeSpan.FromHours(1)) * _random.NextDouble()) : null;
            _apps.Add(new SampleApp(
                id,
                _random.Pick(AppNames) + "-" + _random.Next(1, 99),
                $"arn:aws:mobiletargeting:{region}:{account.Id}:apps/{id}",
                Truncate(created),
                deleted is { } d && d < start + span ? Truncate(d) : null,
                Enumerable.Range(0, _random.Next(1, 5)).Select(_ => _random.HexString(32)).ToArray(),
                Enumerable.Range(0, _random.Next(1, 5)).Select(_ => _random.HexString(32)).ToArray(),
                Enumerable.Range(0, _random.Next(1, 3)).Select(_ => _random.HexString(32)).ToArray()));
        }
    }

    private DateTimeOffset Start => new(_options.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The files in delivery order, each with its records and the second it was delivered (its key has the minute).</summary>
    public List<(TrailKey Key, List<SampleRecord> Records, bool Late, DateTimeOffset Delivered)> Files()
    {
        var files = new List<(TrailKey, List<SampleRecord>, bool, DateTimeOffset)>();
        var window = TimeSpan.FromDays(1) / _options.FilesPerDay;
        var pending = new List<SampleRecord>();
        for (var w = 0; w < _options.Days * _options.FilesPerDay; w++)
        {
            var t0 = Start + (window * w);
            var records = new List<SampleRecord>();
            var count = _options.RecordsPerFile > 1 ? _random.Next(1, (2 * _options.RecordsPerFile) - 1) : 1;
            foreach (var t in Enumerable.Range(0, count).Select(_ => t0 + (window * _random.NextDouble())).Order())
            {
                var at = Truncate(t)!.Value;
                records.Add(_random.Chance(_options.PinpointShare) ? _pinpoint.Next(at, _apps) : _other.Next(at, _apps));
            }

            AddLifeCycle(records, t0, t0 + window);

            // CloudTrail does not order records inside a file.
            for (var i = 0; i < records.Count / 20; i++)
            {
                var a = _random.Next(records.Count);
                var b = Math.Min(records.Count - 1, a + _random.Next(1, 4));
                (records[a], records[b]) = (records[b], records[a]);
            }

            foreach (var again in pending)
            {
                records.Insert(_random.Next(records.Count + 1), again);
            }

            pending = records.Where(_ => _random.Chance(_options.DuplicateShare)).ToList();
            pending.AddRange(records.Where(r => r.IsPinpoint && r.Facts.EventId == r.Facts.DeduplicationId && _random.Chance(_options.AddendumShare)).Select(_shell.Addendum));

            var late = _random.Chance(_options.LateFileShare);
            var delivered = t0 + window + TimeSpan.FromSeconds(_random.Next(60, 300)) + (late ? TimeSpan.FromHours(_random.Next(2, 7)) : TimeSpan.Zero);
            var key = new TrailKey
            {
                Root = _root, Kind = TrailFileKind.Log, AccountId = _shell.Account, Region = _shell.Region,
                Day = DateOnly.FromDateTime(delivered.UtcDateTime), Timestamp = TruncateToMinute(delivered), Unique = _random.AlnumString(16),
            };
            files.Add((key, records, late, delivered));
        }

        return files;
    }

    /// <summary>Each application's CreateApp and DeleteApp, sometimes after a failed CreateApp attempt.</summary>
    private void AddLifeCycle(List<SampleRecord> records, DateTimeOffset from, DateTimeOffset to)
    {
        foreach (var app in _apps)
        {
            if (app.Created is { } created && created >= from && created < to)
            {
                if (_random.Chance(0.3))
                {
                    records.Add(_pinpoint.Call(created, "CreateApp", app, forceError: true));
                }

                records.Add(_pinpoint.Call(created, "CreateApp", app));
            }

            if (app.Deleted is { } deleted && deleted >= from && deleted < to)
            {
                records.Add(_pinpoint.Call(deleted, "DeleteApp", app));
            }
        }
    }

    private static DateTimeOffset? Truncate(DateTimeOffset? t) =>
        t is { } v ? new DateTimeOffset(v.Ticks - (v.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero) : null;

    private static DateTimeOffset TruncateToMinute(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
}
