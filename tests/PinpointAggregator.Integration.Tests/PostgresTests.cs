using Npgsql;

namespace PinpointAggregator.Integration.Tests;

/// <summary>The PostgreSQL server the test script started accepts connections and writes.</summary>
public sealed class PostgresTests
{
    [Fact]
    public async Task Connection_Opens_AndRoundTripsARow()
    {
        await using var connection = new NpgsqlConnection(TestServices.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("create temporary table probe (id int primary key, note text); insert into probe values (1, 'ünïcode'); select note from probe where id = 1;", connection);

        var note = await command.ExecuteScalarAsync();

        Assert.Equal("ünïcode", note);
    }
}
