using System.Text.Json;

namespace ArchitectAgents.Api.Tests.OpenApi;

/// <summary>The served document as real tools read it: Redocly's linter, and a TypeScript client generated from it.</summary>
public sealed class OpenApiToolTests : IAsyncLifetime
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(3);

    private readonly ApiFactory _api = new();
    private string _document = "";

    public async ValueTask InitializeAsync() => _document = await NodeTool.WriteServedDocumentAsync(_api);

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(_document)!, recursive: true);
    }

    [Fact]
    public async Task ServedDocument_PassesRedoclyLint_WithNoErrorsOrWarnings()
    {
        var (exit, output, error) = await NodeTool.RunAsync("@redocly/cli/bin/cli.js", NodeTool.Folder, ToolTimeout,
            "lint", _document, "--config", Path.Combine(NodeTool.Folder, "redocly.yaml"), "--format=json");

        var report = JsonDocument.Parse(output).RootElement;
        var problems = string.Join("\n", report.GetProperty("problems").EnumerateArray().Select(p =>
            $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()} at "
            + string.Join(", ", p.GetProperty("location").EnumerateArray().Select(l => l.GetProperty("pointer").GetString()))));
        var totals = report.GetProperty("totals");
        Assert.True(totals.GetProperty("errors").GetInt32() == 0 && totals.GetProperty("warnings").GetInt32() == 0 && exit == 0,
            $"redocly lint (exit {exit}):\n{problems}\n{error}");
    }

    [Fact]
    public async Task GeneratedTypeScriptClient_CompilesATypedCreateRunCall()
    {
        var folder = Path.GetDirectoryName(_document)!;
        var generate = await NodeTool.RunAsync("openapi-typescript/bin/cli.js", folder, ToolTimeout, _document, "-o", Path.Combine(folder, "api.ts"));
        Assert.True(generate.ExitCode == 0, $"openapi-typescript (exit {generate.ExitCode}):\n{generate.Output}\n{generate.Error}");
        // client-check.ts reads the createRun request body, its 202 and problem types, and expects a misspelt field to be refused.
        File.Copy(Path.Combine(NodeTool.Folder, "client-check.ts"), Path.Combine(folder, "client-check.ts"));

        var (exit, output, error) = await NodeTool.RunAsync("typescript/bin/tsc", folder, ToolTimeout,
            "--noEmit", "--strict", "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler", "--lib", "es2022,dom", "--skipLibCheck",
            "client-check.ts", "api.ts");

        Assert.True(exit == 0, $"tsc --noEmit --strict (exit {exit}):\n{output}\n{error}");
    }
}
