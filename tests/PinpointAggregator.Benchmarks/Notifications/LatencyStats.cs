using System.Globalization;

namespace PinpointAggregator.Benchmarks.Notifications;

/// <summary>Percentiles (nearest rank) of one round's latencies, in seconds.</summary>
internal sealed record LatencyStats(int Files, double P50, double P90, double P99, double Max)
{
    public static LatencyStats Of(double[] seconds)
    {
        Array.Sort(seconds);
        return new LatencyStats(seconds.Length, Rank(seconds, 0.50), Rank(seconds, 0.90), Rank(seconds, 0.99), seconds[^1]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Files} files: p50 {P50:F3} s, p90 {P90:F3} s, p99 {P99:F3} s, max {Max:F3} s");

    private static double Rank(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
