using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security;
using System.Text;
using System.Web;

namespace PinpointAggregator.Integration.Tests.Fakes;

/// <summary>
/// A small STS endpoint on loopback that speaks the AssumeRole query protocol (form POST, XML answer)
/// to the real SDK client, because no STS emulator exists. It records every request, can deny chosen
/// roles with AccessDenied, drop connections without answering, hold answers back, or stop listening, and
/// hands out credentials s3rver accepts, with a fresh session token each time.
/// </summary>
internal sealed class LocalSts : IDisposable
{
    /// <summary>s3rver accepts only this key pair; the session token still differs per call.</summary>
    public const string AccessKey = "S3RVER";

    private readonly HttpListener _listener = new();
    private readonly TimeProvider _time;
    private readonly Task _serving;
    private readonly ConcurrentDictionary<string, bool> _denied = new(StringComparer.Ordinal);
    private int _tokens;
    private volatile bool _dropping;
    private volatile TaskCompletionSource _held = Released();

    public LocalSts(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        Url = $"http://127.0.0.1:{FreePort()}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<AssumeRoleCall> Calls { get; } = new();

    public void Deny(string roleArn) => _denied[roleArn] = true;

    public void Allow(string roleArn) => _denied.TryRemove(roleArn, out _);

    /// <summary>Every request from now on is read, recorded, and its connection closed without an answer.</summary>
    public void DropConnections() => _dropping = true;

    public void AnswerAgain() => _dropping = false;

    /// <summary>Answers wait until <see cref="ReleaseAnswers"/>, so callers pile up on one pending AssumeRole.</summary>
    public void HoldAnswers() => _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseAnswers() => _held.TrySetResult();

    /// <summary>Stops listening: connections are refused, as when STS is unreachable.</summary>
    public void Stop() => _listener.Stop();

    public void Dispose()
    {
        ReleaseAnswers();
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContextAsync; that is how it stops.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            // One request at a time would serialize held answers; each is answered on its own.
            _ = Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var form = HttpUtility.ParseQueryString(await reader.ReadToEndAsync());
            var (status, body) = Answer(form, context.Request.Headers["Authorization"]);
            var bytes = Encoding.UTF8.GetBytes(body);
            if (_dropping)
            {
                // Headers and the start of the body, then the connection goes: the client sees the answer end early.
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes.AsMemory(0, 16));
                await context.Response.OutputStream.FlushAsync();
                context.Response.Abort();
                return;
            }

            await _held.Task;
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/xml";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The listener stopped while this request was being answered.
        }
    }

    private (int Status, string Body) Answer(System.Collections.Specialized.NameValueCollection form, string? authorization)
    {
        var roleArn = form["RoleArn"] ?? string.Empty;
        var call = new AssumeRoleCall(
            form["Action"] ?? string.Empty,
            roleArn,
            form["RoleSessionName"],
            form["SourceIdentity"],
            form["ExternalId"],
            int.TryParse(form["DurationSeconds"], CultureInfo.InvariantCulture, out var seconds) ? seconds : null,
            SignedWith(authorization),
            _time.GetUtcNow());
        Calls.Enqueue(call);
        var requestId = Guid.NewGuid();
        if (call.Action != "AssumeRole" || _denied.ContainsKey(roleArn))
        {
            var (code, message) = call.Action != "AssumeRole"
                ? ("InvalidAction", $"Could not find operation {call.Action}")
                : ("AccessDenied", $"User is not authorized to perform: sts:AssumeRole on resource: {roleArn}");
            return (call.Action != "AssumeRole" ? 400 : 403, $"""
                <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <Error><Type>Sender</Type><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message></Error>
                  <RequestId>{requestId}</RequestId>
                </ErrorResponse>
                """);
        }

        var token = $"session-{Interlocked.Increment(ref _tokens)}";
        var expires = _time.GetUtcNow().AddSeconds(call.DurationSeconds ?? 3600).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return (200, $"""
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <AssumeRoleResult>
                <Credentials>
                  <AccessKeyId>{AccessKey}</AccessKeyId>
                  <SecretAccessKey>{AccessKey}</SecretAccessKey>
                  <SessionToken>{token}</SessionToken>
                  <Expiration>{expires}</Expiration>
                </Credentials>
                <AssumedRoleUser>
                  <Arn>{SecurityElement.Escape(roleArn)}/{SecurityElement.Escape(call.SessionName)}</Arn>
                  <AssumedRoleId>AROATEST:{SecurityElement.Escape(call.SessionName)}</AssumedRoleId>
                </AssumedRoleUser>
              </AssumeRoleResult>
              <ResponseMetadata><RequestId>{requestId}</RequestId></ResponseMetadata>
            </AssumeRoleResponse>
            """);
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.SetResult();
        return released;
    }

    /// <summary>The access key in a SigV4 Authorization header: proves the SDK signed the call.</summary>
    private static string? SignedWith(string? authorization)
    {
        const string marker = "Credential=";
        var start = authorization?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
        return start < 0 ? null : authorization![(start + marker.Length)..].Split('/')[0];
    }

    private static int FreePort()
    => PinpointAggregator.Testing.TestPorts.Next();
}

