namespace PinpointAggregator.SampleData;

/// <summary>
/// A seeded <see cref="Random"/> with the helpers the generator needs. Seeds are mixed arithmetically
/// (never with <see cref="HashCode"/>, which is randomized per process) so output is reproducible.
/// </summary>
internal sealed class SampleRandom(int seed)
{
    private const string Hex = "0123456789abcdef";
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string UpperAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private readonly Random _random = new(seed);

    public static int Mix(params int[] parts)
    {
        unchecked
        {
            var h = 17;
            foreach (var p in parts)
            {
                h = (h * 1_000_003) ^ p;
            }

            return h & int.MaxValue;
        }
    }

    public double NextDouble() => _random.NextDouble();

    public void NextBytes(Span<byte> bytes) => _random.NextBytes(bytes);

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public string HexString(int length) => Chars(Hex, length);

    public string AlnumString(int length) => Chars(Alnum, length);

    public string UpperString(int length) => Chars(UpperAlnum, length);

    public string Uuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }

    /// <summary>Picks an index by weight.</summary>
    public int Weighted(IReadOnlyList<double> cumulativeWeights)
    {
        var x = _random.NextDouble() * cumulativeWeights[^1];
        var i = 0;
        while (cumulativeWeights[i] < x)
        {
            i++;
        }

        return i;
    }

    private string Chars(string alphabet, int length) => string.Create(length, this, (span, self) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = alphabet[self._random.Next(alphabet.Length)];
        }
    });
}
