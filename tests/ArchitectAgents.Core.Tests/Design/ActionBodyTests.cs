using YamlDotNet.RepresentationModel;

namespace ArchitectAgents.Core.Tests.Design;

/// <summary>
/// An action takes the body its act needs: a sign-off is the signature record (meaning and a re-authentication
/// token), not a second bare action with a reason; a consent records its purpose and lawful basis; a signed download
/// link takes nothing and answers the URL; no action borrows a reason written for another one.
/// </summary>
public sealed class ActionBodyTests
{
    [Fact]
    public async Task ASignOff_IsServedByTheSignatureRecord_WithReauthentication()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Batch records
            Operators record batch steps and QA reviewers sign off batch records with an electronic signature under
            21 CFR Part 11. Records are never deleted. About 200 operators in the EU; GDPR applies. A team of 4 writes C#.
            """);

        var paths = Paths(doc.Design!.Api.OpenApiYaml);
        Assert.DoesNotContain(paths.Children.Keys, k => k.ToString().EndsWith("/sign-off", StringComparison.Ordinal));
        var sign = (YamlMappingNode)((YamlMappingNode)paths.Children.First(p => p.Key.ToString().EndsWith("/signatures", StringComparison.Ordinal) && p.Key.ToString().Contains("{id}", StringComparison.Ordinal)).Value)["post"];
        Assert.Contains(((YamlSequenceNode)sign["x-use-cases"]).Children, u => u.ToString().StartsWith("uc-", StringComparison.Ordinal));
        Assert.True(((YamlMappingNode)sign["responses"]).Children.ContainsKey("201"));
        var yaml = doc.Design.Api.OpenApiYaml;
        Assert.Contains("reauthentication_token", Schema(doc.Design.Api.OpenApiYaml, sign), StringComparison.Ordinal);
        Assert.Contains("meaning", Schema(yaml, sign), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ControlAndCapabilityActions_TakeTheirOwnBodies()
    {
        var doc = await new DesignHarness().DesignAsync("""
            # Recipe sharing
            Members upload recipe photos and files and download them later; members report recipes and moderators
            resolve the reports. Members in the EU; GDPR applies. About 30,000 members. A team of 3 writes TypeScript.
            """);

        var yaml = doc.Design!.Api.OpenApiYaml;
        var paths = Paths(yaml);
        var consents = (YamlMappingNode)((YamlMappingNode)paths["/v1/users/{id}/consents"])["post"];
        Assert.Contains("lawful_basis", Schema(yaml, consents), StringComparison.Ordinal);
        var download = (YamlMappingNode)((YamlMappingNode)paths["/v1/files/{id}/download-url"])["post"];
        Assert.False(download.Children.ContainsKey("requestBody"));
        Assert.Contains("url", Schema(yaml, download, "200"), StringComparison.Ordinal);
        // Only an erasure request is made by the data subject.
        foreach (var line in yaml.Split('\n').Select((l, i) => (l, i)).Where(x => x.l.Contains("Requested by the data subject", StringComparison.Ordinal)))
        {
            Assert.Contains("erasure", string.Join('\n', yaml.Split('\n')[Math.Max(0, line.i - 30)..line.i]), StringComparison.Ordinal);
        }
    }

    private static YamlMappingNode Paths(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["paths"];
    }

    /// <summary>The properties of the operation's request schema (or of a response's schema), as text.</summary>
    private static string Schema(string yaml, YamlMappingNode operation, string? response = null)
    {
        var holder = response is null ? (YamlMappingNode)operation["requestBody"] : (YamlMappingNode)((YamlMappingNode)operation["responses"])[response];
        var reference = ((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)holder["content"])["application/json"])["schema"])["$ref"].ToString();
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var schemas = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["components"])["schemas"];
        return string.Join(',', ((YamlMappingNode)((YamlMappingNode)schemas[reference.Split('/')[^1]])["properties"]).Children.Keys);
    }
}
