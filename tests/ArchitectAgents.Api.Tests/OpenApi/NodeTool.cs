using System.Diagnostics;
using ArchitectAgents.Tests.Common;

namespace ArchitectAgents.Api.Tests.OpenApi;

/// <summary>Runs a script of the pinned npm packages in tools/openapi-check with the node on PATH, bounded in time and offline.</summary>
internal static class NodeTool
{
    public static string Folder { get; } = Path.Combine(RepoPaths.Root, "tools", "openapi-check");

    /// <summary>Runs <c>node &lt;script&gt; args</c>; returns the exit code, standard output and standard error.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string script, string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var path = Path.Combine(Folder, "node_modules", script);
        Assert.True(File.Exists(path), $"{path} is missing: run scripts/setup-test-deps.sh (npm ci in tools/openapi-check)");
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(path);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Redocly would otherwise send usage data and look for a newer version; the tests run without network.
        info.Environment["REDOCLY_TELEMETRY"] = "off";
        info.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        info.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"node {script} {string.Join(' ', args)} ran past {timeout.TotalSeconds} s");
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>The service's document as a client fetches it, written to a new file in a new temporary folder.</summary>
    public static async Task<string> WriteServedDocumentAsync(ApiFactory api)
    {
        // The document names the host it was fetched from as its server; the in-process server's default, localhost,
        // is what Redocly rightly warns about in a published document, so the test fetches it as a deployment would be reached.
        using var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://architect.internal") });
        var json = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var folder = Directory.CreateTempSubdirectory("architect-openapi-").FullName;
        var file = Path.Combine(folder, "openapi.json");
        await File.WriteAllTextAsync(file, json, TestContext.Current.CancellationToken);
        return file;
    }
}
