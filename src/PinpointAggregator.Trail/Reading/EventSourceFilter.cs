using System.Text;

namespace PinpointAggregator.Trail.Reading;

/// <summary>Tests a record's raw <c>eventSource</c> bytes against the configured set without allocating.</summary>
internal sealed class EventSourceFilter(IEnumerable<string> sources)
{
    private readonly byte[][] _sources = sources.Select(Encoding.UTF8.GetBytes).ToArray();

    public bool Matches(ReadOnlySpan<byte> rawValue, bool escaped)
    {
        if (escaped)
        {
            // Escapes in an event source are legal JSON but never seen in practice; take the slow path.
            return Matches(Encoding.UTF8.GetBytes(JsonText.Unescape(rawValue)), escaped: false);
        }

        foreach (var source in _sources)
        {
            if (rawValue.SequenceEqual(source))
            {
                return true;
            }
        }

        return false;
    }
}
