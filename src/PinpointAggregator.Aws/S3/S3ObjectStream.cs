using Amazon.S3.Model;
using PinpointAggregator.Trail.Storage;

namespace PinpointAggregator.Aws.S3;

/// <summary>
/// The body of one <c>GetObject</c> response, read straight from the connection, that owns the response:
/// disposing the stream disposes the response with it.
/// </summary>
/// <remarks>
/// Any failure while reading surfaces as an <see cref="IOException"/>, because a body cut short by the
/// network says nothing about the object: callers treat it as transient and read the file again, never
/// as a bad file.
/// </remarks>
internal sealed class S3ObjectStream(GetObjectResponse response, string name) : ReadOnlyForwardStream
{
    private readonly Stream _body = response.ResponseStream;

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return _body.Read(buffer);
        }
        catch (Exception e) when (e is not IOException)
        {
            throw Failed(e);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (IOException or OperationCanceledException))
        {
            throw Failed(e);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            response.Dispose();
        }

        base.Dispose(disposing);
    }

    private IOException Failed(Exception e) => new($"Reading {name} failed: {e.Message}", e);
}
