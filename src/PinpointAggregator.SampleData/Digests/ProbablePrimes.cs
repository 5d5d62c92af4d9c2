using System.Numerics;

namespace PinpointAggregator.SampleData.Digests;

/// <summary>
/// Finds probable primes from a seeded random source, so that a sample's RSA key is a function of its seed:
/// .NET's own key generation cannot be seeded. A random odd start of the wanted size, stepped by 2, each
/// candidate sieved by small primes (residues kept incrementally) and then tested with Miller–Rabin.
/// </summary>
/// <remarks>For test keys only: the random source is <see cref="Random"/>, so anyone with the seed has the key.</remarks>
internal static class ProbablePrimes
{
    /// <summary>Miller–Rabin rounds with random bases: a composite passes all with probability at most 4^-32.</summary>
    private const int Rounds = 32;

    private static readonly int[] SmallPrimes = PrimesBelow(2000);

    /// <summary>A probable prime of exactly <paramref name="bits"/> bits with its two top bits set (so two of them multiply to twice the bits), and coprime to <paramref name="exponent"/> when one is subtracted.</summary>
    public static BigInteger Next(SampleRandom random, int bits, BigInteger exponent)
    {
        while (true)
        {
            var candidate = RandomOdd(random, bits);
            var residues = SmallPrimes.Select(p => (int)(candidate % p)).ToArray();

            // About ln(2^bits)/2 odd numbers apart on average; a start whose run leaves the size is redrawn.
            for (var step = 0; step < 20 * bits && candidate.GetBitLength() == bits; step++, candidate += 2)
            {
                var sieved = !HasZero(residues);
                for (var i = 0; i < residues.Length; i++)
                {
                    residues[i] = (residues[i] + 2) % SmallPrimes[i];
                }

                if (sieved && BigInteger.GreatestCommonDivisor(candidate - 1, exponent).IsOne && IsProbablePrime(candidate, random))
                {
                    return candidate;
                }
            }
        }
    }

    /// <summary>Miller–Rabin with <see cref="Rounds"/> random bases; <paramref name="n"/> is odd and larger than the small primes.</summary>
    internal static bool IsProbablePrime(BigInteger n, SampleRandom random)
    {
        var d = n - 1;
        var s = 0;
        while (d.IsEven)
        {
            d >>= 1;
            s++;
        }

        var bits = (int)n.GetBitLength();
        for (var round = 0; round < Rounds; round++)
        {
            var a = 2 + (RandomBits(random, bits + 8) % (n - 3));
            var x = BigInteger.ModPow(a, d, n);
            if (x.IsOne || x == n - 1)
            {
                continue;
            }

            var witness = true;
            for (var r = 1; r < s && witness; r++)
            {
                x = BigInteger.ModPow(x, 2, n);
                witness = x != n - 1;
            }

            if (witness)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasZero(int[] residues)
    {
        foreach (var r in residues)
        {
            if (r == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static BigInteger RandomOdd(SampleRandom random, int bits)
    {
        var value = RandomBits(random, bits);
        return value | BigInteger.One | (BigInteger.One << (bits - 1)) | (BigInteger.One << (bits - 2));
    }

    /// <summary>A non-negative number below 2^<paramref name="bits"/>.</summary>
    private static BigInteger RandomBits(SampleRandom random, int bits)
    {
        var bytes = new byte[(bits + 7) / 8];
        random.NextBytes(bytes);
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        return value & ((BigInteger.One << bits) - 1);
    }

    private static int[] PrimesBelow(int limit)
    {
        var composite = new bool[limit];
        var primes = new List<int>();
        for (var i = 2; i < limit; i++)
        {
            if (composite[i])
            {
                continue;
            }

            primes.Add(i);
            for (var j = i * i; j < limit; j += i)
            {
                composite[j] = true;
            }
        }

        return [.. primes];
    }
}
