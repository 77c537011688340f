using System.Text.Json;
using ArchitectAgents.Core.Document;
using ArchitectAgents.Runs.Execution;
using ArchitectAgents.Runs.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArchitectAgents.Api.Tests.Webhooks;

/// <summary>Reads runs and webhook rows straight from the store (webhook runs belong to no API key).</summary>
internal static class StoreRuns
{
    public static async Task<RunRecord> WaitForAsync(this ApiFactory api, string owner, string id, params string[] statuses)
    {
        var runs = api.Services.GetRequiredService<RunService>();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var run = await runs.GetWithContentAsync(owner, id, TestContext.Current.CancellationToken);
            Assert.NotNull(run);
            if (statuses.Contains(run.Status))
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"run {id} stayed {run.Status}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public static async Task<T> QueryAsync<T>(this ApiFactory api, Func<ArchitectDbContext, Task<T>> query)
    {
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<ArchitectDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await query(db);
    }

    public static DesignDocument Document(this RunRecord run) => JsonSerializer.Deserialize<DesignDocument>(run.DocumentJson!, DocumentJson.Options)!;
}
