using Microsoft.EntityFrameworkCore;

namespace ArchitectAgents.Runs.Store;

/// <summary>A context factory over one connection string, for hosts without dependency injection (the CLI).</summary>
public sealed class DbContextFactory(string connectionString) : IDbContextFactory<ArchitectDbContext>
{
    /// <inheritdoc />
    public ArchitectDbContext CreateDbContext() => StoreRegistration.Open(connectionString);
}
