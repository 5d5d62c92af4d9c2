using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PinpointAggregator.Grains.EventStore;
using PinpointAggregator.Grains.EventStore.Queries;

namespace PinpointAggregator.Grains.Tests.EventStore.Queries;

/// <summary>The queries are answered by the very store the grains write to.</summary>
public sealed class QueryRegistrationTests
{
    private static readonly IConfiguration Empty = new ConfigurationBuilder().Build();

    [Fact]
    public void ByDefault_TheQueriesAndTheDirectory_AreTheInMemoryAuditStore()
    {
        using var services = new ServiceCollection().AddPinpointIngestion(Empty).BuildServiceProvider();

        var store = Assert.IsType<MemoryAuditStore>(services.GetRequiredService<IAuditStore>());
        Assert.Same(store, services.GetRequiredService<IEventQueries>());
        Assert.Same(store, services.GetRequiredService<IApplicationDirectory>());
    }

    [Fact]
    public void AStoreRegisteredFirst_AnswersTheQueries()
    {
        var own = new MemoryAuditStore();
        using var services = new ServiceCollection().AddSingleton<IAuditStore>(own).AddPinpointIngestion(Empty).BuildServiceProvider();

        Assert.Same(own, services.GetRequiredService<IEventQueries>());
        Assert.Same(own, services.GetRequiredService<IApplicationDirectory>());
    }

    [Fact]
    public void AStoreThatCannotAnswerQueries_IsReportedWhenTheyAreAskedFor()
    {
        using var services = new ServiceCollection().AddSingleton<IAuditStore>(new FaultyAuditStore(new MemoryAuditStore())).AddPinpointIngestion(Empty).BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IEventQueries>());

        Assert.Contains(nameof(IEventQueries), error.Message, StringComparison.Ordinal);
    }
}
