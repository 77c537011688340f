using Npgsql;

namespace ArchitectAgents.Api.Tests;

/// <summary>A database of its own on the PostgreSQL server scripts/test.sh starts (ARCHITECT_TEST_POSTGRES), dropped afterwards.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>The server's connection string, or null when no server was started.</summary>
    public static readonly string? Server = Environment.GetEnvironmentVariable("ARCHITECT_TEST_POSTGRES");

    /// <summary>Why a PostgreSQL test is skipped without a server.</summary>
    public const string SkipReason = "ARCHITECT_TEST_POSTGRES is not set (scripts/test.sh starts a server and sets it)";

    private readonly string _name;

    private TestDatabase(string name, string connectionString)
    {
        _name = name;
        ConnectionString = connectionString;
    }

    /// <summary>Connection string of the new database.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a fresh database, or returns null when there is no server.</summary>
    public static async Task<TestDatabase?> CreateAsync(string prefix = "architect_", bool pooling = true)
    {
        if (Server is null)
        {
            return null;
        }

        var name = prefix + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new TestDatabase(name, new NpgsqlConnectionStringBuilder(Server) { Database = name, Pooling = pooling }.ConnectionString);
    }

    /// <summary>Drops the database, closing whatever still uses it.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
