using Microsoft.Extensions.Logging;

namespace PinpointAggregator.Host.Tests;

/// <summary>One log entry as the host wrote it.</summary>
internal sealed record LogRecord(string Category, LogLevel Level, int EventId, string Message, Exception? Exception);
