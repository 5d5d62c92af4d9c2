using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PinpointAggregator.Host.Hosting;

namespace PinpointAggregator.Host.Tests;

/// <summary>Which storage a silo gets, and the start-up errors for settings that cannot work.</summary>
public sealed class StorageSelectionTests
{
    [Fact]
    public void NothingConfigured_IsMemory()
    {
        var selection = StorageSelection.Read(Configuration());

        Assert.Null(selection.PostgreSql);
    }

    [Fact]
    public void PostgreSql_ReadsTheConnectionStringAndTheClusterDefaults()
    {
        var selection = StorageSelection.Read(Configuration(("Storage:Provider", "PostgreSql"), ("ConnectionStrings:PinpointAggregator", "Host=db;Username=u;Password=p;Database=d"), ("Storage:MigrateOnStart", "true")));

        Assert.Equal(("Host=db;Username=u;Password=p;Database=d", true), (selection.PostgreSql!.ConnectionString, selection.PostgreSql.MigrateOnStart));
        Assert.Equal(("pinpoint", "pinpoint-aggregator", "127.0.0.1"), (selection.Cluster.ClusterId, selection.Cluster.ServiceId, selection.Silo.AdvertisedAddress));
    }

    [Theory]
    [InlineData("Storage:Provider", "Postgres", "Storage:Provider is 'Postgres'; it must be Memory (the default) or PostgreSql.")]
    [InlineData("Storage:MigrateOnStart", "true", "Storage:MigrateOnStart is set, but Storage:Provider is Memory")]
    public void UnusableSetting_IsAStartUpErrorNamingIt(string key, string value, string message)
    {
        var error = Assert.Throws<OptionsValidationException>(() => StorageSelection.Read(Configuration((key, value))));

        Assert.Contains(error.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void PostgreSqlWithoutConnectionStringOrWithABadAddress_NamesEveryProblem_NeverAValue()
    {
        var error = Assert.Throws<OptionsValidationException>(() => StorageSelection.Read(Configuration(("Storage:Provider", "PostgreSql"), ("Silo:AdvertisedAddress", "silo-1"))));

        Assert.Contains(error.Failures, f => f.StartsWith("ConnectionStrings:PinpointAggregator is required", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Silo:AdvertisedAddress is 'silo-1'", StringComparison.Ordinal));
    }

    [Fact]
    public void MalformedConnectionString_IsAnErrorThatDoesNotRepeatIt()
    {
        var error = Assert.Throws<OptionsValidationException>(() => StorageSelection.Read(Configuration(("Storage:Provider", "PostgreSql"), ("ConnectionStrings:PinpointAggregator", "Host=db;Passwrod=hunter2"))));

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("ConnectionStrings:PinpointAggregator is not a valid Npgsql connection string", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", failure, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
}
