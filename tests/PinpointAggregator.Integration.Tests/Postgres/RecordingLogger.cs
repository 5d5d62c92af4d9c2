using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PinpointAggregator.Integration.Tests.Postgres;

/// <summary>Keeps every formatted log message (and exception text) of every category, at every level.</summary>
internal sealed class RecordingLogger : ILoggerProvider, ILogger
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Messages.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");

    public void Dispose()
    {
    }
}
