using System.CommandLine;
using ArchitectAgents.Runs.Keys;
using ArchitectAgents.Runs.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace ArchitectAgents.Cli;

/// <summary><c>architect keys create|list|revoke</c>: API keys in the same store the service uses.</summary>
internal static class KeysCommand
{
    public static Command Build()
    {
        var name = new Option<string>("--name") { Description = "A name for the key (who or what uses it).", Required = true };
        var create = new Command("create", "Create an API key; it is printed once and stored only as a hash.") { name };
        create.SetAction(async (parse, ct) =>
        {
            var keyName = parse.GetValue(name)!.Trim();
            if (keyName.Length is 0 or > 100)
            {
                throw new BadInputException("--name must be 1 to 100 characters");
            }

            await using var db = await OpenAsync(ct);
            var (record, key) = await ApiKeyService.CreateAsync(db, keyName, TimeProvider.System, ct);
            Console.Error.WriteLine($"created key {record.Id} '{record.Name}' in {StoreName()}; a service reads it only if it uses this store (its start line says which).");
            Console.Error.WriteLine("Store the key now, it cannot be shown again:");
            Console.Out.WriteLine(key);
            return ExitCodes.Done;
        });

        var list = new Command("list", "List API keys (never the keys themselves).");
        list.SetAction(async (_, ct) =>
        {
            await using var db = await OpenAsync(ct);
            var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ToListAsync(ct);
            if (keys.Count == 0)
            {
                Console.Error.WriteLine($"no API keys in {StoreName()}; create one with 'architect keys create --name NAME'");
            }

            foreach (var k in keys)
            {
                Console.Out.WriteLine($"{k.Id}  {k.Prefix}…  {k.Name}{(k.RevokedAt is null ? "" : "  (revoked)")}");
            }

            return ExitCodes.Done;
        });

        var id = new Argument<string>("id") { Description = "Key id, as shown by 'keys list'." };
        var revoke = new Command("revoke", "Revoke an API key.") { id };
        revoke.SetAction(async (parse, ct) =>
        {
            await using var db = await OpenAsync(ct);
            var keyId = parse.GetValue(id)!;
            var updated = await db.ApiKeys.Where(k => k.Id == keyId && k.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, DateTimeOffset.UtcNow), ct);
            if (updated == 0)
            {
                throw new BadInputException($"no active key '{keyId}'");
            }

            Console.Out.WriteLine($"revoked {keyId}");
            return ExitCodes.Done;
        });

        return new Command("keys", "Manage the service's API keys.") { create, list, revoke };
    }

    private static string ConnectionString() => RunStoreLocation.ConnectionString(CliEnvironment.Load().Configuration);

    private static string StoreName() => RunStoreLocation.Describe(ConnectionString());

    private static async Task<ArchitectDbContext> OpenAsync(CancellationToken ct)
    {
        var connectionString = ConnectionString();
        var db = StoreRegistration.Open(connectionString);
        try
        {
            await StoreRegistration.EnsureSchemaAsync(db, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await db.DisposeAsync();
            throw new BadInputException($"cannot open the run store ({RunStoreLocation.Describe(connectionString)}): {ex.Message}");
        }

        return db;
    }
}
