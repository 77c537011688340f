using Microsoft.Extensions.Configuration;

namespace ArchitectAgents.Runs.Store;

/// <summary>
/// Where the run store is, for the service and every CLI command alike. <c>ConnectionStrings:Runs</c> when set;
/// otherwise a SQLite file in the user's data directory (<c>~/.local/share/architect-agents/architect.db</c>), so
/// <c>architect keys create</c> run in any directory writes the store the service started elsewhere reads.
/// </summary>
public static class RunStoreLocation
{
    /// <summary>The SQLite file of the default store.</summary>
    public const string FileName = "architect.db";

    /// <summary>The user's data directory for this tool (the CLI's resumable runs live under it too).</summary>
    public static string DataDirectory()
    {
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(data.Length > 0 ? data : Path.GetTempPath(), "architect-agents");
    }

    /// <summary>The connection string used when none is configured.</summary>
    public static string DefaultConnectionString => $"Data Source={Path.Combine(DataDirectory(), FileName)}";

    /// <summary>The configured connection string, or the default store.</summary>
    public static string ConnectionString(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetConnectionString("Runs") is { Length: > 0 } configured ? configured : DefaultConnectionString;
    }

    /// <summary>The store in words for start lines and messages: the SQLite file's full path, or PostgreSQL's host and database (never a password).</summary>
    public static string Describe(string connectionString)
    {
        if (StoreRegistration.IsPostgres(connectionString))
        {
            try
            {
                var pg = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
                return $"PostgreSQL {pg.Host}:{pg.Port}/{pg.Database}";
            }
            catch (ArgumentException)
            {
                return "PostgreSQL (connection string not readable)";
            }
        }

        try
        {
            var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            return source is ":memory:" or "" ? "SQLite in memory" : $"SQLite {Path.GetFullPath(source)}";
        }
        catch (ArgumentException)
        {
            return "SQLite (connection string not readable)";
        }
    }
}
