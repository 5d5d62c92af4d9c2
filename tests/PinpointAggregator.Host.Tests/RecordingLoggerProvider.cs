using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PinpointAggregator.Host.Tests;

/// <summary>Keeps every log entry the host writes, so a test can assert on what an operator would read.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<LogRecord> Records { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, Records);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<LogRecord> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            records.Enqueue(new LogRecord(category, logLevel, eventId.Id, formatter(state, exception), exception));
    }
}
