using ArchitectAgents.Runs.Store;
using ArchitectAgents.Runs.Threads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArchitectAgents.Api.Tests.LangGraph;

/// <summary>
/// A store created before threads existed gets their tables at start, with the columns and indexes EF Core's own
/// schema has: a thread and its runs can be written and read back, on SQLite and PostgreSQL.
/// </summary>
public sealed class ThreadStoreSchemaTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AStoreWithoutTheThreadTables_GetsThemAtStart_AndTheyWork(string store)
    {
        await using var database = store == "postgres" ? await TestDatabase.CreateAsync() : null;
        Assert.SkipWhen(store == "postgres" && database is null, TestDatabase.SkipReason);
        await using var api = new ApiFactory(connectionString: database?.ConnectionString);
        var factory = api.Services.GetRequiredService<IDbContextFactory<ArchitectDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            await StoreRegistration.EnsureSchemaAsync(db, TestContext.Current.CancellationToken);
            // As a store from before this feature: everything but these two tables.
            await db.Database.ExecuteSqlRawAsync($"DROP TABLE {ThreadRunRecord.Table}", TestContext.Current.CancellationToken);
            await db.Database.ExecuteSqlRawAsync($"DROP TABLE {ThreadRecord.Table}", TestContext.Current.CancellationToken);
            await StoreRegistration.EnsureSchemaAsync(db, TestContext.Current.CancellationToken);
        }

        var threads = new ThreadStore(factory, TimeProvider.System);
        var threadId = Guid.NewGuid().ToString();
        Assert.True((await threads.CreateAsync("owner", threadId, """{"a":1}""", TestContext.Current.CancellationToken)).Created);
        Assert.False((await threads.CreateAsync("other", threadId, "{}", TestContext.Current.CancellationToken)).Created);
        await threads.AddAsync(new ThreadRunRecord { Id = Guid.NewGuid().ToString(), ThreadId = threadId, OwnerId = "owner", RunId = "run_x", AssistantId = "a", StartEventId = 7 }, TestContext.Current.CancellationToken);

        var runs = await threads.RunsAsync("owner", threadId, TestContext.Current.CancellationToken);
        Assert.Equal(7, Assert.Single(runs).StartEventId);
        Assert.Empty(await threads.RunsAsync("other", threadId, TestContext.Current.CancellationToken));
        Assert.Null(await threads.GetAsync("other", threadId, TestContext.Current.CancellationToken));
        Assert.True((await threads.GetAsync("owner", threadId, TestContext.Current.CancellationToken))!.UpdatedAt > 0);
    }
}
