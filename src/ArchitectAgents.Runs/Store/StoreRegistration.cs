using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArchitectAgents.Runs.Store;

/// <summary>Registers the run store on SQLite (default, a file in the user's data directory: <see cref="RunStoreLocation"/>) or PostgreSQL.</summary>
public static class StoreRegistration
{
    /// <summary>
    /// Adds <see cref="ArchitectDbContext"/> through a pooled factory. <c>ConnectionStrings:Runs</c> selects
    /// the database: a PostgreSQL connection string (with <c>Host=</c>) or a SQLite one.
    /// </summary>
    public static IServiceCollection AddRunStore(this IServiceCollection services)
    {
        // Read when first used, so configuration added after registration (tests, hosting) is honoured.
        services.AddPooledDbContextFactory<ArchitectDbContext>((sp, options) =>
            Configure(options, RunStoreLocation.ConnectionString(sp.GetRequiredService<IConfiguration>())));
        services.AddOptions<RunStoreOptions>().BindConfiguration(RunStoreOptions.SectionName);
        services.AddHostedService<StoreInitializer>();
        return services;
    }

    /// <summary>True when the connection string names a PostgreSQL server.</summary>
    public static bool IsPostgres(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase) || connectionString.Contains("Server=", StringComparison.OrdinalIgnoreCase);

    /// <summary>Configures EF Core for the database a connection string names.</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (IsPostgres(connectionString))
        {
            // Transient server errors (too many clients, a failover, a dropped connection) are retried with backoff
            // rather than failing a request or a run; nothing here opens its own transaction, so every call can retry.
            options.UseNpgsql(WithBoundedPool(connectionString), npgsql => npgsql.EnableRetryOnFailure(6, TimeSpan.FromSeconds(5), null));
            return;
        }

        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        builder.DefaultTimeout = 30;
        options.UseSqlite(builder.ToString());
    }

    /// <summary>The pool size a node uses when the connection string does not say: several nodes fit in PostgreSQL's default 100 connections.</summary>
    public const int DefaultMaxPoolSize = 40;

    /// <summary>
    /// A PostgreSQL connection string with a pool bound: Npgsql's own default (100) lets one busy node take every
    /// connection a default server allows. An explicit <c>Maximum Pool Size</c> (or <c>Pooling=false</c>) is kept.
    /// </summary>
    public static string WithBoundedPool(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var explicitSize = connectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase)
            || connectionString.Contains("Max Pool Size", StringComparison.OrdinalIgnoreCase)
            || connectionString.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase);
        if (!builder.Pooling || explicitSize)
        {
            return connectionString;
        }

        builder.MaxPoolSize = DefaultMaxPoolSize;
        return builder.ConnectionString;
    }

    /// <summary>Opens a context outside dependency injection (the CLI's key commands).</summary>
    public static ArchitectDbContext Open(string connectionString)
    {
        var options = new DbContextOptionsBuilder<ArchitectDbContext>();
        Configure(options, connectionString);
        return new ArchitectDbContext(options.Options);
    }

    /// <summary>Creates the schema when it does not exist (SQLite also switched to WAL for concurrent readers).</summary>
    public static async Task EnsureSchemaAsync(ArchitectDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await SchemaLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            try
            {
                await db.Database.EnsureCreatedAsync(ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException && ex.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase))
            {
                // Another process created the schema between the check and the create: it is there now.
            }

            await Verification.EfVerificationCache.EnsureTableAsync(db, ct).ConfigureAwait(false);
            await EfNodeJournal.EnsureTableAsync(db, ct).ConfigureAwait(false);
            await Threads.ThreadStore.EnsureTablesAsync(db, ct).ConfigureAwait(false);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct).ConfigureAwait(false);
            }
        }
        finally
        {
            SchemaLock.Release();
        }
    }

    private static readonly SemaphoreSlim SchemaLock = new(1, 1);

    private sealed class StoreInitializer(IDbContextFactory<ArchitectDbContext> factory, IConfiguration configuration, ILogger<StoreInitializer> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await EnsureSchemaAsync(db, cancellationToken).ConfigureAwait(false);

            // The one line that says which store holds the runs and the API keys: a key created against another
            // store is unknown here, and this is where an operator checks.
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Run store: {Store} (ConnectionStrings:Runs)", RunStoreLocation.Describe(RunStoreLocation.ConnectionString(configuration)));
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
