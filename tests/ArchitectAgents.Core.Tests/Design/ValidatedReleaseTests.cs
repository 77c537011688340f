namespace ArchitectAgents.Core.Tests.Design;

/// <summary>A validated system is released through change control with its evidence, never continuously deployed; other systems are.</summary>
public sealed class ValidatedReleaseTests
{
    [Fact]
    public async Task AValidatedSystem_ReleasesThroughChangeControl()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Batch records
            Operators record batch steps and QA reviewers approve batch records. This is a GxP system, so every
            release goes through change control. About 150 operators; a team of 5 writes Java on AWS.
            """);

        var deployment = doc.Design!.Deployment;
        Assert.Contains(deployment.Pipeline, p => p.StartsWith("Validated release (\"This is a GxP system", StringComparison.Ordinal) && p.Contains("only to the validation environment", StringComparison.Ordinal));
        Assert.StartsWith("Releases are infrequent, versioned and documented", deployment.Rollout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOrdinarySystem_HasNoValidatedRelease()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Book club
            Members propose books and vote on the next read. About 200 members; a team of 1.
            """);

        Assert.DoesNotContain(doc.Design!.Deployment.Pipeline, p => p.StartsWith("Validated release", StringComparison.Ordinal));
    }
}
