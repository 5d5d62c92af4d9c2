namespace PinpointAggregator.Audit.Tests.Fold;

/// <summary>Arrival orders of one set of events.</summary>
internal static class Orders
{
    /// <summary>Every order of a small set.</summary>
    public static IEnumerable<T[]> All<T>(IReadOnlyList<T> items)
    {
        if (items.Count <= 1)
        {
            yield return [.. items];
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in All(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }

    /// <summary>Forward, reversed, and <paramref name="shuffles"/> shuffles with fixed seeds.</summary>
    public static IEnumerable<T[]> Sample<T>(IReadOnlyList<T> items, int shuffles = 20)
    {
        yield return [.. items];
        yield return [.. items.Reverse()];
        for (var seed = 1; seed <= shuffles; seed++)
        {
            T[] order = [.. items];
#pragma warning disable CA5394 // Not security: a reproducible arrival order.
            new Random(seed).Shuffle(order);
#pragma warning restore CA5394
            yield return order;
        }
    }
}
