namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// A stated "before" rule is an ordering the design enforces: a team's check runs synchronously inside the operation
/// it guards, within the latency target the brief sets for it and failing closed, rather than as a call of its own;
/// a person's "before their first X" is a precondition of X's operation.
/// </summary>
public sealed class PreCheckTests
{
    [Fact]
    public async Task ACheckBeforeApproval_RunsInsideTheApproveOperation_WithItsBudget_AndFailsClosed()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Micro-loans
            Applicants submit loan applications from the app. The risk engine scores every application before it is approved, and underwriters approve applications.
            A risk score must come back within 300 ms p95. About 20,000 applications a month, a team of 5 developers.
            """);

        var yaml = doc.Design!.Api.OpenApiYaml.Replace("\r", "", StringComparison.Ordinal);
        Assert.DoesNotContain("/score:", yaml, StringComparison.Ordinal);
        var approve = yaml.Split("  /v1/applications/{id}/approve:\n")[1].Split("\n  /")[0];
        Assert.Contains("x-pre-checks:", approve, StringComparison.Ordinal);
        Assert.Contains("budget: 300 ms p95", approve, StringComparison.Ordinal);
        Assert.Contains("fail closed", approve, StringComparison.Ordinal);
        Assert.Contains("\"202\":", approve, StringComparison.Ordinal);
        var create = yaml.Split("  /v1/applications:\n")[1].Split("\n  /")[0];
        Assert.DoesNotContain("x-pre-checks", create, StringComparison.Ordinal);

        Assert.Contains(doc.Design.Risks, r => r.Id.StartsWith("risk-pre-check-", StringComparison.Ordinal) && r.Mitigation.Contains("300 ms p95", StringComparison.Ordinal));
        var row = Assert.Single(doc.Gate!.Traceability, r => r.Requirement == "Risk engine score application");
        Assert.Equal(ArchitectAgents.Core.Document.TraceStatus.Served, row.Status);
    }

    [Fact]
    public async Task APersonsStepBeforeTheirFirstBooking_IsAPreconditionOfTheBooking()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Climbing wall
            Members book sessions online. New members pass an induction before their first booking, and staff run the inductions.
            About 900 members, one developer.
            """);

        var yaml = doc.Design!.Api.OpenApiYaml.Replace("\r", "", StringComparison.Ordinal);
        // Booking a session creates a booking of it: the precondition guards that create, and no client creates sessions.
        var book = yaml.Split("  /v1/bookings:\n")[1].Split("\n  /")[0];
        Assert.Contains("operationId: bookSession", book, StringComparison.Ordinal);
        Assert.Contains("x-preconditions:", book, StringComparison.Ordinal);
        Assert.Contains("pass induction", book, StringComparison.Ordinal);
        Assert.DoesNotContain("post:", yaml.Split("  /v1/sessions:\n")[1].Split("\n  /")[0], StringComparison.Ordinal);
    }
}
