namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// The system's own behaviour ("the waitlist promotes automatically") is work a background component performs, not a
/// call a person makes: the application listing a module of the same name does not perform it, and neither does the
/// operation by which people join the waitlist. A thing held by count keeps a server-owned counter under its cap.
/// </summary>
public sealed class SystemUseCaseTests
{
    private const string Brief = """
        # Course registration
        Students register for sections. A section has a seat cap; when it's full, students can join a waitlist that
        promotes automatically when a seat frees up. About 9,000 students; a team of 4 developers.
        """;

    [Fact]
    public async Task AnAutomaticPromotion_IsRunByTheJobsWorker_NotByTheJoinOperation()
    {
        var doc = await new DesignHarness().DesignAsync(Brief);

        var promote = Assert.Single(doc.Context!.Requirements.UseCases, u => u.Actor == "System" && u.Action == "promote");
        var row = Assert.Single(doc.Gate!.Traceability, r => r.RequirementId == promote.Id);
        Assert.Equal(Core.Document.TraceStatus.Served, row.Status);
        Assert.DoesNotContain(row.ServedBy, s => s.StartsWith("operation POST /v1/waitlist", StringComparison.Ordinal));
        Assert.DoesNotContain("component app", row.ServedBy);
        var runner = Assert.Single(doc.Design!.Architecture.Components, c => row.ServedBy.Contains($"component {c.Id}"));
        Assert.Equal("worker", runner.Kind);
        Assert.Contains("promote waitlist", runner.Responsibility, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASectionHeldByCount_HasAServerOwnedCounterUnderItsCap()
    {
        var doc = await new DesignHarness().DesignAsync(Brief);

        var holds = Assert.Single(doc.Design!.Capabilities, c => c.Id == "inventory-holds");
        var sections = doc.Design.Database.Ddl.Split("CREATE TABLE sections (")[1].Split(");")[0];
        Assert.Matches(@"held_count integer NOT NULL DEFAULT 0 CHECK \(held_count >= 0 AND \(\w+ IS NULL OR held_count <= \w+\)\)", sections);
        Assert.Contains("SET held_count = held_count + 1 WHERE", holds.Mechanism, StringComparison.Ordinal);
        // No request schema lets a client set the counter (the gate's computed check reads every one).
        var yaml = doc.Design.Api.OpenApiYaml;
        Assert.Contains("held_count:", yaml, StringComparison.Ordinal);
        Assert.Equal(Core.Document.GateItemStatus.Pass, Assert.Single(doc.Gate!.Items, i => i.Id == "contradiction.server-owned-fields").Status);
    }
}
