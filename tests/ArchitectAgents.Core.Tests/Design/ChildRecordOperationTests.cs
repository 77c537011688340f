namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// A use case that adds a record inside another ("comment on a notice", "reply in a thread") is a sub-resource POST
/// on that thing, with a body that only carries what the caller writes, not a create of the parent.
/// </summary>
public sealed class ChildRecordOperationTests
{
    [Fact]
    public async Task CommentingOnANotice_IsAPostOfACommentUnderTheNotice()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Allotment society
            Members sign in to the portal and publish notices about plots. Members comment on a notice, and secretaries archive notices each spring.
            About 300 members, a team of 2 developers.
            """);

        var yaml = doc.Design!.Api.OpenApiYaml.Replace("\r", "", StringComparison.Ordinal);
        Assert.Contains("/v1/notices/{id}/comments:", yaml, StringComparison.Ordinal);
        Assert.Contains("ChildRecordCreate", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("/signatures", yaml, StringComparison.Ordinal);
        var collection = yaml.Split("  /v1/notices:\n")[1].Split("\n  /v1/")[0];
        Assert.DoesNotContain("operationId: commentOnNotice", collection, StringComparison.Ordinal);
    }
}
