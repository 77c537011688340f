using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArchitectAgents.Runs.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ArchitectAgents.Api.Tests;

/// <summary>A store that stays busy answers 503 with Retry-After (never a bare 500), and the pool bound a node uses on PostgreSQL.</summary>
public sealed class StoreUnavailableTests
{
    [Fact]
    public async Task StoreLocked_IsA503ProblemWithRetryAfter_AndNothingIsStored()
    {
        var locked = new LockingInterceptor();
        await using var api = new ApiFactory(services: s => s.ConfigureDbContext<ArchitectDbContext>(o => o.AddInterceptors(locked)));
        var client = await api.ClientAsync();

        locked.On = true;
        using var response = await client.PostAsJsonAsync("/v1/runs", new { brief = "# Notes\nAn internal notes tool for 300 staff." }, TestContext.Current.CancellationToken);
        locked.On = false;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("2", response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("nothing was changed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", problem.ToString(), StringComparison.Ordinal);
        var page = await client.GetFromJsonAsync<JsonElement>("/v1/runs", TestContext.Current.CancellationToken);
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("Host=db;Database=runs", 40)]
    [InlineData("Host=db;Database=runs;Maximum Pool Size=7", 7)]
    [InlineData("Host=db;Database=runs;MaxPoolSize=200", 200)]
    public void PostgresPool_IsBoundedUnlessTheConnectionStringSaysOtherwise(string connectionString, int expected)
    {
        var bounded = new Npgsql.NpgsqlConnectionStringBuilder(StoreRegistration.WithBoundedPool(connectionString));

        Assert.Equal(expected, bounded.MaxPoolSize);
    }

    [Fact]
    public void PostgresWithoutPooling_IsLeftAlone() =>
        Assert.Equal("Host=db;Database=runs;Pooling=false", StoreRegistration.WithBoundedPool("Host=db;Database=runs;Pooling=false"));

    /// <summary>Makes every write fail as SQLite does when another process holds the lock.</summary>
    private sealed class LockingInterceptor : DbCommandInterceptor
    {
        public volatile bool On;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            On && command.CommandText.Contains("INSERT", StringComparison.OrdinalIgnoreCase) ? throw new SqliteException("database is locked", 5) : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            On && command.CommandText.Contains("INSERT", StringComparison.OrdinalIgnoreCase) ? throw new SqliteException("database is locked", 5) : base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}
