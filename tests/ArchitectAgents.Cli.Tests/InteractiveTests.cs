using System.Diagnostics;
using System.Text.Json;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Cli.Tests;

/// <summary>Questions are asked at the prompt only when standard input is a terminal (a real pty via script(1)).</summary>
public sealed class InteractiveTests
{
    [Fact]
    public async Task Design_OnATerminal_AsksQuestionsAndUsesTheAnswers()
    {
        Assert.SkipUnless(File.Exists("/usr/bin/script"), "script(1) from util-linux not found");
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "out");
        var dll = Path.Combine(RepoPaths.Root, "src", "ArchitectAgents.Cli", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "architect.dll");
        var command = $"dotnet '{dll}' design '{RepoPaths.Brief("vague")}' --out '{output}'";
        var start = new ProcessStartInfo("/usr/bin/script", ["-qec", command, "/dev/null"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            WorkingDirectory = RepoPaths.Root,
        };

        using var process = Process.Start(start)!;
        var screen = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardInput.WriteAsync("About 2,000 members\nTeam of 3 developers who know Python\n\nEU only\n99.5% is fine\n");
        await process.StandardInput.FlushAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var text = await screen;

        // 0 = gate passed, 1 = delivered with the gate's issues (the offline reader may take no use case from this
        // prose-only brief, and the gate then says so); what this test checks is that the answers were used.
        Assert.True(process.ExitCode is 0 or 1, text);
        Assert.Contains("[1/5]", text, StringComparison.Ordinal);
        using var design = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "design.json")));
        var context = design.RootElement.GetProperty("context");
        Assert.Equal(2000, context.GetProperty("figures").GetProperty("users").GetProperty("value").GetDouble());
        Assert.Equal(99.5, context.GetProperty("figures").GetProperty("availabilityPercent").GetProperty("value").GetDouble());
        Assert.Equal(3, context.GetProperty("teamSize").GetProperty("value").GetDouble());
        Assert.Contains(context.GetProperty("questions").EnumerateArray(), q => q.GetProperty("id").GetString() == "q-residency" && q.GetProperty("answer").GetString() == "EU only");
    }
}
