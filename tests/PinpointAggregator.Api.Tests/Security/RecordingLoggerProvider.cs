using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PinpointAggregator.Api.Tests.Security;

/// <summary>Keeps every log entry written through it, so a test can assert on what an operator would read.</summary>
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

/// <summary>One log entry; <see cref="Text"/> is everything of it a log sink could write.</summary>
internal sealed record LogRecord(string Category, LogLevel Level, int EventId, string Message, Exception? Exception)
{
    public string Text => Exception is null ? Message : $"{Message}\n{Exception}";
}
