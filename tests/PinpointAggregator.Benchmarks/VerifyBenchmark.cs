using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using PinpointAggregator.Audit.Local;
using PinpointAggregator.Audit.Pinpoint;
using PinpointAggregator.SampleData;
using PinpointAggregator.Testing;
using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Trail.Integrity.Local;
using PinpointAggregator.Trail.Local;

namespace PinpointAggregator.Benchmarks;

/// <summary>
/// Offline <c>verify</c> beside offline <c>scan</c> over the same local corpus in one process, interleaved (verify,
/// scan, verify, scan, ...) so a machine whose speed drifts slows both alike; prints the best of each and the ratio
/// (the issue asks verify to run at 80 % of scan's speed or better).
/// </summary>
/// <remarks>
/// <c>verify CORPUS [ROUNDS] [PUBLIC_KEY_FILE...]</c>. A missing corpus is generated (the 7-day, ~1 GB benchmark
/// trail). A corpus with no readable digest gets digests written and signed with a key made here
/// (<see cref="TrailDigestWriter"/>), its public key in <c>CORPUS/bench-digest-key.pem</c>, which later runs trust.
/// </remarks>
internal static class VerifyBenchmark
{
    private const string KeyFileName = "bench-digest-key.pem";

    public static void Run(string[] args)
    {
        var folder = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "pinpoint-verify-corpus");
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"generating a 7-day corpus in {folder} ...");
            SampleTrailGenerator.Generate(folder, SampleTrailOptions.Benchmark(7));
        }

        var keyFiles = args.Length > 2 ? args[2..] : [EnsureDigests(folder)];
        var options = new LocalVerificationOptions { Keys = new DigestPublicKeySet(keyFiles.SelectMany(DigestPublicKeyFile.Load)) };
        var verification = new LocalTrailVerification(options);
        var reader = AuditEventReader.ForSummaries();

        // Warm-up: JIT, pools, and the page cache for both (the same files).
        var report = verification.Verify(folder);
        var totals = Scan(folder, reader);
        var json = totals.DecompressedBytes;
        Console.Error.WriteLine($"corpus: {report.LogsHashed} logs ({report.LogsUnhashable} unhashable), {report.DigestsChecked} digests in {report.Chains.Count} chains, {report.CompressedBytes / 1e6:F0} MB gzip, {json / 1e6:F0} MB of log JSON; "
            + $"{report.Violations} violations, {report.Unverifiable} unverifiable; scan: {totals.Files} files; {Environment.ProcessorCount} cores");

        double verifyBest = double.MaxValue, scanBest = double.MaxValue;
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            verification.Verify(folder);
            var verifySeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            Scan(folder, reader);
            var scanSeconds = clock.Elapsed.TotalSeconds;
            verifyBest = Math.Min(verifyBest, verifySeconds);
            scanBest = Math.Min(scanBest, scanSeconds);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {i + 1}: verify {verifySeconds:F2} s, scan {scanSeconds:F2} s"));
        }

        Console.WriteLine("| command (in process, all cores) | best of " + rounds + " (s) | MB/s (log JSON) |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| verify (hash every log, read and check every digest) | {verifyBest:F2} | {json / 1e6 / verifyBest:F0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| scan (read every log into the audit summary) | {scanBest:F2} | {json / 1e6 / scanBest:F0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"verify speed vs scan: {scanBest / verifyBest:P0}"));
    }

    /// <summary>What <c>scan</c> does but printing: find the files, read them all into one summary.</summary>
    private static Audit.Summary.ScanTotals Scan(string folder, Trail.Reading.TrailFileReader<Audit.Events.AuditEvent> reader)
    {
        var files = LocalTrailFiles.Find([folder]);
        return new LocalTrailScanner(reader).Scan(files).Totals;
    }

    /// <summary>The key file that verifies the corpus's digests, writing digests and key first when the corpus has none.</summary>
    private static string EnsureDigests(string folder)
    {
        var keyFile = Path.Combine(folder, KeyFileName);
        if (File.Exists(keyFile))
        {
            return keyFile;
        }

        Console.Error.WriteLine($"writing signed digests for {folder} ...");
        using var signer = RSA.Create(2048);
        var digests = TrailDigestWriter.Write(folder, signer);
        TrailDigestWriter.WriteSignatureMap(Path.Combine(folder, "bench-digest-signatures.json"), digests);
        File.WriteAllText(keyFile, signer.ExportRSAPublicKeyPem());
        return keyFile;
    }
}
