using System.Globalization;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using PinpointAggregator.Trail.Notifications;

namespace PinpointAggregator.Aws.Sqs;

/// <summary>
/// One SQS queue through AWSSDK.SQS: long-poll receive with the system attributes the consumer needs
/// (<c>SentTimestamp</c>, <c>ApproximateReceiveCount</c>), batched delete and visibility change (at most
/// <see cref="MaxBatchEntries"/> per request, as SQS allows), and the queue's depth. Thread-safe. The SQS client is the
/// factory's (shared by the queues of one credential source and region) and is not disposed here.
/// </summary>
/// <remarks>
/// Every failure surfaces as a <see cref="NotificationQueueException"/> naming the queue, the request and SQS's error
/// code: the SDK's own exception text can quote request headers, so it goes no further than the inner exception.
/// </remarks>
public sealed class SqsNotificationQueueClient(IAmazonSQS sqs, string queueUrl, string name, TimeProvider time) : INotificationQueueClient
{
    /// <summary>SQS's limit on the entries of one batch request.</summary>
    public const int MaxBatchEntries = 10;

    /// <summary>SQS's longest visibility timeout (12 hours).</summary>
    public static readonly TimeSpan MaxVisibility = TimeSpan.FromHours(12);

    /// <summary>SQS's longest long-poll wait.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);

    private const string SentTimestamp = "SentTimestamp";
    private const string ReceiveCount = "ApproximateReceiveCount";
    private const string Visible = "ApproximateNumberOfMessages";
    private const string NotVisible = "ApproximateNumberOfMessagesNotVisible";

    public string Name => name;

    public string Url => queueUrl;

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int max, TimeSpan wait, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var request = new ReceiveMessageRequest
        {
            QueueUrl = queueUrl,
            MaxNumberOfMessages = Math.Clamp(max, 1, MaxBatchEntries),
            WaitTimeSeconds = (int)Math.Clamp(wait.TotalSeconds, 0, MaxWait.TotalSeconds),
            VisibilityTimeout = Seconds(visibility),
            MessageSystemAttributeNames = [SentTimestamp, ReceiveCount],
        };
        var response = await Call("ReceiveMessage", () => sqs.ReceiveMessageAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
        return [.. (response.Messages ?? []).Select(ToQueueMessage)];
    }

    public async Task<IReadOnlyList<string>> DeleteAsync(IReadOnlyList<QueueMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var failed = new List<string>();
        foreach (var chunk in messages.Chunk(MaxBatchEntries))
        {
            var request = new DeleteMessageBatchRequest
            {
                QueueUrl = queueUrl,
                Entries = [.. chunk.Select((m, i) => new DeleteMessageBatchRequestEntry(EntryId(i), m.ReceiptHandle))],
            };
            var response = await Call("DeleteMessageBatch", () => sqs.DeleteMessageBatchAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
            failed.AddRange(FailedIds(chunk, response.Failed?.Select(f => f.Id)));
        }

        return failed;
    }

    public async Task ExtendVisibilityAsync(IReadOnlyList<QueueMessage> messages, TimeSpan visibility, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var chunk in messages.Chunk(MaxBatchEntries))
        {
            var request = new ChangeMessageVisibilityBatchRequest
            {
                QueueUrl = queueUrl,
                Entries = [.. chunk.Select((m, i) => new ChangeMessageVisibilityBatchRequestEntry(EntryId(i), m.ReceiptHandle) { VisibilityTimeout = Seconds(visibility) })],
            };

            // An entry that failed (its receipt handle expired: the message went back and another consumer has it) is
            // not an error: the consumer's delete will fail for it the same way, and it is read again.
            await Call("ChangeMessageVisibilityBatch", () => sqs.ChangeMessageVisibilityBatchAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<QueueDepth> DepthAsync(CancellationToken cancellationToken)
    {
        var request = new GetQueueAttributesRequest { QueueUrl = queueUrl, AttributeNames = [Visible, NotVisible] };
        var response = await Call("GetQueueAttributes", () => sqs.GetQueueAttributesAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
        var attributes = response.Attributes ?? [];
        return new QueueDepth(Number(attributes, Visible), Number(attributes, NotVisible));
    }

    public override string ToString() => $"SqsNotificationQueueClient({name})";

    private static string EntryId(int index) => index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The message ids of a batch's failed entries (entry ids are the messages' places in the batch); unknown ids are ignored.</summary>
    internal static IEnumerable<string> FailedIds(QueueMessage[] chunk, IEnumerable<string>? failedEntries) =>
        (failedEntries ?? []).Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < chunk.Length ? chunk[i].MessageId : null)
            .OfType<string>();

    private static int Seconds(TimeSpan visibility) => (int)Math.Clamp(Math.Ceiling(visibility.TotalSeconds), 0, MaxVisibility.TotalSeconds);

    private static long Number(Dictionary<string, string> attributes, string name) =>
        attributes.TryGetValue(name, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private QueueMessage ToQueueMessage(Message message)
    {
        var attributes = message.Attributes ?? [];

        // SQS always sets both; a server that does not gets "now" and "first receive" rather than a failure.
        var sentAt = attributes.TryGetValue(SentTimestamp, out var sent) && long.TryParse(sent, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(ms, DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())).UtcDateTime
            : time.GetUtcNow().UtcDateTime;
        var receives = attributes.TryGetValue(ReceiveCount, out var count) && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Max(n, 1) : 1;
        return new QueueMessage(message.MessageId ?? string.Empty, message.ReceiptHandle ?? string.Empty, message.Body ?? string.Empty, sentAt, receives);
    }

    private async Task<T> Call<T>(string request, Func<Task<T>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsQueueFailure(e))
        {
            var code = e is AmazonServiceException { ErrorCode: { Length: > 0 } error } ? error : e.GetType().Name;
            throw new NotificationQueueException($"SQS {request} on queue {name} failed: {code}.", e) { Code = code };
        }
    }

    private static bool IsQueueFailure(Exception e) => e
        is AmazonServiceException or AmazonClientException
        or HttpRequestException or IOException or SocketException or TimeoutException or OperationCanceledException;
}
