using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Requirements;

namespace ArchitectAgents.Core.Tests.Requirements;

/// <summary>
/// A use case the brief puts off ("maybe organise events later on") is read, kept apart from launch scope with the
/// entity only it needs, and scheduled by the roadmap; "pay later" or "two hours later" put nothing off.
/// </summary>
public sealed class DeferredUseCaseTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task AHedgedLaterFeature_IsDeferredWithItsOwnEntity_TheRestIsLaunchScope()
    {
        var model = await RequirementsReader.Default.ReadAsync(
            "People should be able to sign up, post, comment and find each other, and maybe organise events later on.", [], Ct);

        var later = Assert.Single(model.Later);
        Assert.Equal("organise", later.Action);
        Assert.Contains("later", later.Later, StringComparison.Ordinal);
        Assert.DoesNotContain(model.UseCases, u => u.Action == "organise");
        Assert.Contains(model.UseCases, u => u.Action == "comment on");
        Assert.DoesNotContain(model.Entities, e => e.Name.StartsWith("event", StringComparison.OrdinalIgnoreCase));
        Assert.Equal($"uc-{model.UseCases.Count + 1}", later.Id);
    }

    [Theory]
    [InlineData("Guests book a room online and pay later at the desk.")]
    [InlineData("Staff send a reminder SMS to patients two hours later.")]
    [InlineData("Clinicians sign off lab results within one day.")]
    [InlineData("Customers eventually receive their refunds from the bank.")]
    public async Task LaterAsATimeOfTheAction_DefersNothing(string brief)
    {
        var model = await RequirementsReader.Default.ReadAsync(brief, [], Ct);
        Assert.Empty(model.Later);
        Assert.NotEmpty(model.UseCases);
    }

    [Fact]
    public async Task ADeferredFeature_GetsNoTableOrOperation_AndARoadmapPhaseTheTraceCounts()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Neighbourhood community
            Members sign up, write posts and comment on posts. In a later phase members organise meetups.
            About 3,000 members; a team of 2 developers.
            """);

        var later = Assert.Single(doc.Context!.Requirements.Later);
        Assert.DoesNotContain("CREATE TABLE meetups", doc.Design!.Database.Ddl, StringComparison.Ordinal);
        Assert.DoesNotContain("/v1/meetups", doc.Design.Api.OpenApiYaml, StringComparison.Ordinal);
        var phase = Assert.Single(doc.Design.Scaling, p => p.Actions.Any(a => a.Contains($"({later.Id})", StringComparison.Ordinal)));
        Assert.Contains("later phase", phase.Trigger, StringComparison.Ordinal);
        var row = Assert.Single(doc.Gate!.Traceability, r => r.RequirementId == later.Id);
        Assert.Equal(TraceStatus.Served, row.Status);
    }
}
