using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Validation;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Core.Tests.Validation;

/// <summary>The SQL corpus against a real PostgreSQL server, started by scripts/test.sh on a loopback port.</summary>
public sealed class PostgresServerTests
{
    private static readonly string? ConnectionString = Environment.GetEnvironmentVariable("ARCHITECT_TEST_POSTGRES");

    public static TheoryData<string> SqlFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests", "corpus", "sql")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(SqlFiles))]
    public async Task SqlCorpus_OnARealServer_SameVerdictsAndNothingLeftBehind(string file)
    {
        Assert.SkipWhen(ConnectionString is null, "ARCHITECT_TEST_POSTGRES is not set (scripts/test.sh starts a server and sets it)");
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "corpus", "sql", file));
        var validator = new SqlValidator(ConnectionString!);

        var result = await validator.ValidateAsync(new DesignDocument { Design = new DesignSection { Database = new DatabaseDesign { Ddl = text } } }, TestContext.Current.CancellationToken);

        if (file.StartsWith("valid-", StringComparison.Ordinal))
        {
            Assert.Equal(ValidationOutcome.Passed, result.Outcome);
        }
        else
        {
            Assert.Equal(ValidationOutcome.Failed, result.Outcome);
            var expected = text.Split('\n')[0].Split("expect:", 2)[1].Trim();
            Assert.Contains(expected, result.Messages[0].Message, StringComparison.Ordinal);
        }

        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", connection);
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
    }
}
