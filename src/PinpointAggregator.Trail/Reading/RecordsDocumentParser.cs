using System.Text;
using System.Text.Json;

namespace PinpointAggregator.Trail.Reading;

/// <summary>
/// Parses <c>{"Records":[...]}</c> incrementally in one pass over the decompressed bytes.
/// </summary>
/// <remarks>
/// Work is done in units (the root's start, one top-level property, one record). A unit either
/// completes inside the current buffer or is rolled back to the state saved at its start and parsed
/// again once more bytes arrived, so a record is never seen half. Only records whose event source is
/// kept reach the mapper; all others cost one token scan.
/// </remarks>
internal sealed class RecordsDocumentParser<T>(EventSourceFilter filter, IRecordMapper<T> mapper, List<T> events)
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };

    private readonly RecordSlots _slots = new();
    private JsonReaderState _state = new(ReaderOptions);
    private Phase _phase = Phase.BeforeRoot;
    private bool _sawRecords;

    private enum Phase
    {
        BeforeRoot,
        InRoot,
        InRecords,
        AfterRoot,
    }

    /// <summary>Records of any source completely read so far.</summary>
    public int RecordsRead { get; private set; }

    /// <summary>True once the top-level object has closed.</summary>
    public bool IsComplete => _phase == Phase.AfterRoot;

    /// <summary>Parses every complete unit in <paramref name="data"/>; returns the bytes consumed by them.</summary>
    public int Parse(ReadOnlySpan<byte> data, bool isFinalBlock)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock, _state);
        var consumed = 0;
        while (TryParseUnit(ref reader, data))
        {
            _state = reader.CurrentState;
            consumed = (int)reader.BytesConsumed;
        }

        return consumed;
    }

    private bool TryParseUnit(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
    {
        if (!reader.Read())
        {
            return false;
        }

        switch (_phase)
        {
            case Phase.BeforeRoot:
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new TrailFormatException(TrailFileErrorKind.MissingRecords, $"the top level is a {reader.TokenType}, not an object with a Records array");
                }

                _phase = Phase.InRoot;
                return true;

            case Phase.InRoot when reader.TokenType == JsonTokenType.EndObject:
                if (!_sawRecords)
                {
                    throw new TrailFormatException(TrailFileErrorKind.MissingRecords, "the top-level object has no Records array");
                }

                _phase = Phase.AfterRoot;
                return true;

            case Phase.InRoot:
                return TryParseRootProperty(ref reader);

            case Phase.InRecords when reader.TokenType == JsonTokenType.EndArray:
                _phase = Phase.InRoot;
                return true;

            case Phase.InRecords when reader.TokenType == JsonTokenType.StartObject:
                return TryParseRecord(ref reader, data);

            case Phase.InRecords:
                throw new TrailFormatException(TrailFileErrorKind.InvalidRecord, $"Records[{RecordsRead}] is a {reader.TokenType}, not an object");

            default:
                // After the root only whitespace may follow; the reader itself rejects anything else.
                return true;
        }
    }

    private bool TryParseRootProperty(ref Utf8JsonReader reader)
    {
        var isRecords = reader.ValueTextEquals("Records"u8);
        if (!reader.Read())
        {
            return false;
        }

        if (!isRecords)
        {
            return reader.TrySkip();
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new TrailFormatException(TrailFileErrorKind.MissingRecords, $"Records is a {reader.TokenType}, not an array");
        }

        _sawRecords = true;
        _phase = Phase.InRecords;
        return true;
    }

    private bool TryParseRecord(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
    {
        _slots.Clear();
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var field = reader.ValueIsEscaped
                ? RecordFieldNames.Classify(Encoding.UTF8.GetBytes(reader.GetString()!))
                : RecordFieldNames.Classify(reader.ValueSpan);
            if (!reader.Read())
            {
                return false;
            }

            var type = reader.TokenType;
            var start = (int)reader.TokenStartIndex;
            if (type is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                if (!reader.TrySkip())
                {
                    return false;
                }

                if (field != RecordField.None && type == JsonTokenType.StartObject)
                {
                    _slots.Set(field, start, (int)reader.BytesConsumed - start, type, escaped: false);
                }
            }
            else if (field != RecordField.None && type != JsonTokenType.Null)
            {
                var isString = type == JsonTokenType.String;
                _slots.Set(field, isString ? start + 1 : start, reader.ValueSpan.Length, type, isString && reader.ValueIsEscaped);
            }
        }

        var index = RecordsRead++;
        ref readonly var source = ref _slots[RecordField.EventSource];
        if (source.Type == JsonTokenType.String && filter.Matches(data.Slice(source.Start, source.Length), source.Escaped))
        {
            events.Add(mapper.Map(new TrailRecord(data, _slots, index)));
        }

        return true;
    }
}
