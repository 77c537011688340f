using ArchitectAgents.Core.Document;
using System.Text.RegularExpressions;
using Npgsql;
using static ArchitectAgents.Core.Validation.ValidationResults;

namespace ArchitectAgents.Core.Validation;

/// <summary>
/// The schema, applied to real PostgreSQL inside a transaction that is always rolled back: a PostgreSQL
/// server when a connection string is given, otherwise PostgreSQL compiled to WASM (PGlite) under Node.
/// </summary>
public sealed class SqlValidator : IArtifactValidator
{
    private readonly NodeValidatorHost? _host;
    private readonly string? _connectionString;

    /// <summary>Validates against a PostgreSQL server.</summary>
    public SqlValidator(string connectionString) => _connectionString = connectionString;

    /// <summary>Validates with PGlite under Node.</summary>
    public SqlValidator(NodeValidatorHost host) => _host = host;

    /// <inheritdoc />
    public string Name => _connectionString is null ? "postgresql-pglite" : "postgresql-server";

    /// <inheritdoc />
    public string Artifact => "schema.sql";

    /// <inheritdoc />
    public async Task<ArtifactValidation> ValidateAsync(DesignDocument document, CancellationToken cancellationToken)
    {
        var ddl = document.Design?.Database.Ddl ?? "";
        if (string.IsNullOrWhiteSpace(ddl))
        {
            return From(Artifact, Name, [Error("the schema is empty", 1, 1)]);
        }

        if (_connectionString is not null)
        {
            return await ValidateOnServerAsync(ddl, cancellationToken).ConfigureAwait(false);
        }

        if (_host!.MissingTool("@electric-sql/pglite") is { } missing)
        {
            return Skipped(Artifact, Name, $"PGlite not available: {missing}");
        }

        return NodeResults.ToValidation(Artifact, Name, "PGlite", await _host.CheckAsync("sql", ddl, cancellationToken).ConfigureAwait(false));
    }

    private async Task<ArtifactValidation> ValidateOnServerAsync(string ddl, CancellationToken ct)
    {
        NpgsqlConnection connection;
        try
        {
            connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            return Skipped(Artifact, Name, $"PostgreSQL server not reachable: {ex.Message}");
        }

        await using (connection.ConfigureAwait(false))
        {
            // DDL is transactional in PostgreSQL: apply everything, then roll it all back.
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            try
            {
                await using var command = new NpgsqlCommand(ddl, connection, transaction);
                command.CommandTimeout = 30;
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return From(Artifact, Name, []);
            }
            catch (PostgresException ex)
            {
                var (line, column) = Position(ddl, ex.Position, ex.MessageText);
                var hint = ex.Hint is { Length: > 0 } h ? $" (hint: {h})" : "";
                return From(Artifact, Name, [Error($"{ex.MessageText}{hint} [SQLSTATE {ex.SqlState}]", line, column)]);
            }
            finally
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Line and column of an error: PostgreSQL's position, or for errors without one (a missing
    /// referenced table) the mention of the quoted name, ignoring comments; for "already exists", its second definition.</summary>
    internal static (int? Line, int? Column) Position(string text, int position, string message)
    {
        var offset = position - 1;
        if (position <= 0)
        {
            var name = Regex.Match(message, "\"([^\"]+)\"");
            if (!name.Success)
            {
                return (null, null);
            }

            var code = Regex.Replace(text, "--[^\n]*", m => new string(' ', m.Length));
            var escaped = Regex.Escape(name.Groups[1].Value);
            var mentions = Regex.Matches(code, $@"\b{escaped}\b");
            var referenced = Regex.Match(code, $@"REFERENCES\s+{escaped}\b", RegexOptions.IgnoreCase);
            var pick = message.Contains("already exists", StringComparison.Ordinal) && mentions.Count > 1 ? mentions[1]
                : referenced.Success ? referenced : mentions.FirstOrDefault();
            if (pick is null)
            {
                return (null, null);
            }

            offset = pick.Index;
        }

        var before = text[..Math.Min(offset, text.Length)];
        return (before.Count(c => c == '\n') + 1, offset - before.LastIndexOf('\n'));
    }
}
