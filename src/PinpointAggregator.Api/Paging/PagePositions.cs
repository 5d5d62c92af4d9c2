using System.Text;
using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Api.Paging;

/// <summary>
/// The positions page tokens and watch cursors carry, as bytes: where a page ended in the order of its list.
/// Decoded only from tokens whose MAC matched, so from bytes this service wrote.
/// </summary>
internal static class PagePositions
{
    public static byte[] Of(EventPosition position) => Write(w =>
    {
        // Stores hand out UTC times; an unspecified kind is UTC too, never converted as if it were local.
        w.Write((position.EventTime.Kind == DateTimeKind.Local ? position.EventTime.ToUniversalTime() : position.EventTime).Ticks);
        w.Write(position.EventId);
        w.Write(position.Target);
    });

    public static EventPosition Event(byte[] bytes) => Read(bytes, r => new EventPosition(new DateTime(r.ReadInt64(), DateTimeKind.Utc), r.ReadString(), r.ReadString()));

    public static byte[] Of(ApplicationPosition position) => Write(w =>
    {
        w.Write(position.Account);
        w.Write(position.Region);
        w.Write(position.ApplicationId);
    });

    public static ApplicationPosition Application(byte[] bytes) => Read(bytes, r => new ApplicationPosition(r.ReadString(), r.ReadString(), r.ReadString()));

    public static byte[] OfAccount(string account) => Write(w => w.Write(account));

    public static string Account(byte[] bytes) => Read(bytes, r => r.ReadString());

    /// <summary>A finding's sequence: the next page of a newest-first list starts below it.</summary>
    public static byte[] OfSequence(long sequence) => Write(w => w.Write(sequence));

    public static long Sequence(byte[] bytes) => Read(bytes, r => r.ReadInt64());

    public static byte[] Of(FeedCursor cursor) => Write(w =>
    {
        w.Write(cursor.Major);
        w.Write(cursor.Minor);
    });

    public static FeedCursor Feed(byte[] bytes) => Read(bytes, r => new FeedCursor(r.ReadInt64(), r.ReadInt64()));

    private static byte[] Write(Action<BinaryWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
        }

        return buffer.ToArray();
    }

    private static T Read<T>(byte[] bytes, Func<BinaryReader, T> read)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        var value = read(reader);
        if (reader.BaseStream.Position != bytes.Length)
        {
            throw new FormatException("The position has trailing bytes.");
        }

        return value;
    }
}
