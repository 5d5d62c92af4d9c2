using System.CommandLine;
using System.Diagnostics;
using PinpointAggregator.Cli.Views;
using PinpointAggregator.Trail.Digests;
using PinpointAggregator.Trail.Integrity.Local;

namespace PinpointAggregator.Cli.Commands;

/// <summary>
/// <c>verify PATH --public-key FILE... [--signatures FILE] [--output table|json] [--threads N]</c>: checks a local
/// copy of a trail against its digests (docs/integrity.md) and prints the report. Exit 0 with no violation
/// (gaps and unverifiable signatures are printed, not violations), 3 with violations, 1 for a usage error.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "The local copy: a folder in the bucket layout (AWSLogs/...), logs and CloudTrail-Digest files, searched recursively." };
        var keys = new Option<string[]>("--public-key") { Description = "Trusted public-key files (repeatable): PEM, DER, or the JSON of 'aws cloudtrail list-public-keys --output json'.", Required = true, AllowMultipleArgumentsPerToken = true };
        var signatures = new Option<string?>("--signatures") { Description = "A JSON object mapping each digest key to its x-amz-meta-signature. Without it each signature comes from the next digest, and the newest is unverifiable." };
        var output = new Option<string>("--output", "-o") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json");
        var threads = new Option<int?>("--threads") { Description = "Files hashed at once. Default: one per core." };

        var command = new Command("verify", "Verify a local copy of a CloudTrail trail against its digests: signatures, the chain, every listed log's hash, logs no digest lists.")
        {
            path, keys, signatures, output, threads,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            parse.GetValue(path)!,
            parse.GetValue(keys) ?? [],
            parse.GetValue(signatures),
            parse.GetValue(output) == "json",
            parse.GetValue(threads),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken)));
        return command;
    }

    internal static int Run(string path, string[] keyFiles, string? signatureFile, bool json, int? threads, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        LocalVerificationOptions options;
        try
        {
            options = Options(path, keyFiles, signatureFile, threads);
        }
        catch (Exception e) when (e is ArgumentException or DigestPublicKeyFileException or DigestSignatureMapException)
        {
            error.WriteLine($"verify: {e.Message}");
            return ExitCodes.UsageError;
        }

        IntegrityReport report;
        var clock = Stopwatch.StartNew();
        try
        {
            report = new LocalTrailVerification(options).Verify(path, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Interrupted;
        }

        if (json)
        {
            output.WriteLine(IntegrityReportJson.Serialize(path, report));
        }
        else
        {
            IntegrityReportText.Print(output, path, report, clock.Elapsed);
        }

        return report.Violations > 0 ? ExitCodes.IntegrityViolations : ExitCodes.Success;
    }

    private static LocalVerificationOptions Options(string path, string[] keyFiles, string? signatureFile, int? threads)
    {
        if (!Directory.Exists(path))
        {
            throw new ArgumentException($"'{path}' is not a folder");
        }

        if (keyFiles.Length == 0)
        {
            throw new ArgumentException("give at least one --public-key file");
        }

        if (threads is < 1)
        {
            throw new ArgumentException($"--threads must be at least 1 (was {threads})");
        }

        return new LocalVerificationOptions
        {
            Keys = new DigestPublicKeySet(keyFiles.SelectMany(DigestPublicKeyFile.Load)),
            Signatures = signatureFile is null ? null : DigestSignatureMap.Load(signatureFile),
            MaxDegreeOfParallelism = threads,
        };
    }
}
