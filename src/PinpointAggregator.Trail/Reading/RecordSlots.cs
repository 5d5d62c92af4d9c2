using System.Text.Json;

namespace PinpointAggregator.Trail.Reading;

/// <summary>
/// Where each kept field of the current record lies in the parse buffer. Filled during the single pass;
/// strings are only materialized for records whose event source is kept.
/// </summary>
internal sealed class RecordSlots
{
    private readonly Slot[] _slots = new Slot[Enum.GetValues<RecordField>().Length];

    public void Clear() => Array.Clear(_slots);

    public ref readonly Slot this[RecordField field] => ref _slots[(int)field];

    public void Set(RecordField field, int start, int length, JsonTokenType type, bool escaped) =>
        _slots[(int)field] = new Slot(start, length, type, escaped);

    /// <summary>
    /// A value's location. For strings, the content between the quotes (still escaped when
    /// <see cref="Escaped"/>); for objects, the whole object text.
    /// </summary>
    internal readonly record struct Slot(int Start, int Length, JsonTokenType Type, bool Escaped)
    {
        public bool IsPresent => Type != JsonTokenType.None;
    }
}
