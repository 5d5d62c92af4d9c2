namespace PinpointAggregator.Trail.Reading;

/// <summary>
/// Turns one kept record into the caller's event type while its bytes are still in the reader's buffer,
/// so what a record means is decided once, on bytes, in the single reading pass.
/// </summary>
/// <typeparam name="T">The event type the reader returns.</typeparam>
public interface IRecordMapper<out T>
{
    /// <summary>
    /// Maps a record whose event source is kept. Throw <see cref="TrailRecord.Invalid"/>'s exception for a
    /// record that cannot be an event (no eventID, a time that is not a time): the file is rejected whole.
    /// </summary>
    T Map(in TrailRecord record);
}
