using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Validation;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Core.Tests.Validation;

/// <summary>Every file of tests/corpus: broken ones fail with the expected message, valid ones pass with every parser having run.</summary>
public sealed class CorpusTests
{
    private static readonly string Corpus = Path.Combine(RepoPaths.Root, "tests", "corpus");

    public static TheoryData<string> Broken() => Files("broken-");

    public static TheoryData<string> Valid() => Files("valid-");

    [Fact]
    public void Corpus_HasAtLeastTenBrokenFilesPerLanguage()
    {
        foreach (var language in new[] { "mermaid", "openapi", "sql" })
        {
            Assert.True(Directory.GetFiles(Path.Combine(Corpus, language), "broken-*").Length >= 10, language);
        }
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task BrokenArtifact_FailsWithTheExpectedMessage(string file)
    {
        var path = Path.Combine(Corpus, file);
        var expected = File.ReadLines(path).First().Split("expect:", 2)[1].Trim();

        var report = await DeliverableValidation.ValidateAsync(path, SharedValidators.All, TestContext.Current.CancellationToken);

        Assert.True(report.Failed, $"{file} was not caught");
        var errors = report.Results.SelectMany(r => r.Messages).Where(m => m.Level == "error").ToList();
        Assert.Contains(errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(report.Results, r => r.Outcome == ValidationOutcome.Skipped && r.Validator != "mermaid-structure");
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public async Task ValidArtifact_PassesEveryParser(string file)
    {
        var report = await DeliverableValidation.ValidateAsync(Path.Combine(Corpus, file), SharedValidators.All, TestContext.Current.CancellationToken);

        Assert.NotEmpty(report.Results);
        Assert.All(report.Results, r => Assert.True(
            r.Outcome == ValidationOutcome.Passed || r.Validator == "mermaid-structure" && r.Outcome == ValidationOutcome.Skipped,
            $"{r.Validator}: {r.Outcome} {r.SkippedReason} {string.Join("; ", r.Messages.Select(m => m.Message))}"));
    }

    [Fact]
    public async Task BrokenSql_ErrorPointsAtTheLine()
    {
        var report = await DeliverableValidation.ValidateAsync(Path.Combine(Corpus, "sql", "broken-03-missing-referenced-table.sql"), SharedValidators.All, TestContext.Current.CancellationToken);

        var error = Assert.Single(report.Results.Single().Messages);
        Assert.Equal(4, error.Line);
    }

    private static TheoryData<string> Files(string prefix) =>
        [.. Directory.EnumerateFiles(Corpus, prefix + "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Corpus, f)).Order(StringComparer.Ordinal)];
}
