using System.Net;
using ArchitectAgents.Tests.Common;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ArchitectAgents.Api.Tests.Dashboard;

/// <summary>
/// Drives the dashboard in Debian's Chromium (installed by scripts/setup-test-deps.sh) against the real API on
/// Kestrel on a loopback port. Playwright never downloads a browser here.
/// </summary>
[Collection(ArchitectAgents.Api.Tests.Telemetry.WholeRunTests.Name)]
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly ApiFactory _api = new();
    private string _baseAddress = "";

    /// <summary>Where the screenshot of the finished run is kept.</summary>
    public static string ArtifactsDirectory => Path.Combine(AppContext.BaseDirectory, "artifacts");

    public ValueTask InitializeAsync()
    {
        _api.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _api.StartServer();
        _baseAddress = _api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    /// <summary>The API host's warnings and errors so far, for failure messages.</summary>
    private string ServerLog() => File.Exists(_api.LogFile) ? "server log:\n" + File.ReadAllText(_api.LogFile) : "server log: empty";

    /// <summary>A browser wait that ran out says little by itself: this adds what the page and the server saw.</summary>
    private async Task<Exception> ExplainAsync(IPage page, IReadOnlyList<string> consoleErrors, Exception ex)
    {
        string shown;
        try
        {
            shown = await page.Locator("main").InnerTextAsync(new() { Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            shown = "(unreadable)";
        }

        return new TimeoutException($"{ex.Message}\nurl: {page.Url}\nconsole: {string.Join(" | ", consoleErrors)}\npage: {shown}\n{ServerLog()}", ex);
    }

    [Fact]
    public async Task Dashboard_StartRunAndWatchItComplete_DrawsTheGraphTimelineGateAndDiagram()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run scripts/setup-test-deps.sh (apt-get install chromium)");
        var key = await _api.CreateKeyAsync("browser");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Tests run as root in containers, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            // The document of a young run can be a moment behind its first section event; the page retries on the next one.
            if (message.Type == "error" && !message.Location.Contains("/document", StringComparison.Ordinal))
            {
                consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => consoleErrors.Add(error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !(response.Status == 404 && response.Url.EndsWith("/document", StringComparison.Ordinal)))
            {
                consoleErrors.Add($"{response.Status} {response.Url}");
            }
        };

        try
        {
            // Arrange: the page loads without credentials and asks for a key.
            await page.GotoAsync(_baseAddress + "/dashboard");
            await page.Locator("#key-dialog").WaitForAsync();
            await page.FillAsync("#key-input", key);
            await page.ClickAsync("#key-submit");

            // Act: start a run from the form.
            await page.FillAsync("#brief", "# Notes\nAn internal notes tool for 300 staff. Team of 3 engineers (C#).");
            // The page's own request tells what the server answered; waiting for a same-document (hash) navigation event
            // instead can miss one that lands before the waiter is attached.
            var created = await page.RunAndWaitForResponseAsync(
                () => page.ClickAsync("#start-run"),
                r => r.Request.Method == "POST" && r.Url.EndsWith("/v1/runs", StringComparison.Ordinal),
                new() { Timeout = 90_000 });
            Assert.True(created.Ok, $"POST /v1/runs answered {created.Status}: {await created.TextAsync()}\n{ServerLog()}");
            var runId = (await created.JsonAsync())!.Value.GetProperty("id").GetString()!;
            await page.WaitForFunctionAsync("id => location.hash === '#/runs/' + id", runId, new() { Timeout = 60_000 });

            // Assert: the status goes live to completed, the deliverable diagram is drawn, and the run page is filled in.
            await page.Locator("#run-status [data-status=completed]").WaitForAsync(new() { Timeout = 120_000 });
            await page.Locator("#diagram svg").WaitForAsync(new() { Timeout = 30_000 });
            await page.Locator("#gate-items tbody tr").First.WaitForAsync();
            await page.Locator("#gate-trace tbody tr").First.WaitForAsync();
            Assert.True(await page.Locator("#gate-trace tbody tr[data-status]").CountAsync() >= 2);
            Assert.True(await page.Locator("#diagram svg .node").CountAsync() > 2);
            Assert.True(await page.Locator("#graph svg").CountAsync() == 1);
            var nodeStates = await page.Locator("#graph").GetAttributeAsync("data-nodes");
            Assert.Contains("\"designer\":\"done\"", nodeStates, StringComparison.Ordinal);
            Assert.Contains("\"checklist-gate\":\"done\"", nodeStates, StringComparison.Ordinal);
            Assert.True(await page.Locator("#timeline .lane[data-node=designer]").CountAsync() >= 1);
            Assert.True(await page.Locator("#usage tbody tr").CountAsync() >= 5);
            Assert.Matches("^[0-9a-f]{32}$", await page.Locator("#trace-id").TextContentAsync());
            var text = await page.Locator("main").InnerTextAsync();
            Assert.DoesNotContain("[object", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\bnull\b|\bundefined\b", text);

            await page.ClickAsync("button[data-file='openapi.yaml']");
            await page.Locator("#openapi-operations tbody tr").First.WaitForAsync();
            Assert.True(await page.Locator("#openapi-operations tbody tr").CountAsync() >= 2);
            Directory.CreateDirectory(ArtifactsDirectory);
            await page.Locator("#deliverables").ScreenshotAsync(new() { Path = Path.Combine(ArtifactsDirectory, "dashboard-openapi.png") });
            await page.ClickAsync("button[data-file='architecture.md']");
            await page.Locator(".report h1, .report h2").First.WaitForAsync();
            await page.Locator(".report .diagram svg").First.WaitForAsync(new() { Timeout = 30_000 });
            await page.Locator("#deliverables").ScreenshotAsync(new() { Path = Path.Combine(ArtifactsDirectory, "dashboard-report.png") });

            // The run list shows it with its final status.
            await page.GotoAsync(_baseAddress + "/dashboard#/");
            await page.Locator($"#runs tr[data-run='{runId}'] [data-status=completed]").WaitForAsync();

            await page.GotoAsync(_baseAddress + $"/dashboard#/runs/{runId}");
            await page.Locator("#diagram svg").WaitForAsync(new() { Timeout = 30_000 });
            var screenshot = Path.Combine(ArtifactsDirectory, "dashboard-run.png");
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
            TestContext.Current.AddAttachment("dashboard-run.png", await File.ReadAllBytesAsync(screenshot, TestContext.Current.CancellationToken));
        }
        catch (Exception ex) when (ex is TimeoutException or PlaywrightException)
        {
            throw await ExplainAsync(page, consoleErrors, ex);
        }

        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task Dashboard_InteractiveRun_AsksQuestionsOnThePage_AndResumesWithTheAnswers()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run scripts/setup-test-deps.sh (apt-get install chromium)");
        var key = await _api.CreateKeyAsync("browser");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync();
        var consoleErrors = new List<string>();
        page.PageError += (_, error) => consoleErrors.Add(error);
        try
        {
            await page.GotoAsync(_baseAddress + "/dashboard");
            await page.FillAsync("#key-input", key);
            await page.ClickAsync("#key-submit");

            await page.FillAsync("#brief", "# Gym app\nMembers book classes and get reminders.");
            await page.CheckAsync("#interactive");
            await page.ClickAsync("#start-run");
            await page.Locator("#run-status [data-status=awaiting_input]").WaitForAsync(new() { Timeout = 90_000 });
            await page.FillAsync("#answer-q-scale", "About 4,000 members");
            await page.ClickAsync("#questions button[type=submit]");

            await page.Locator("#run-status [data-status^=completed]").WaitForAsync(new() { Timeout = 120_000 });
            await page.Locator("#questions dd", new() { HasText = "About 4,000 members" }).WaitForAsync();
            await page.Locator("#diagram svg").WaitForAsync(new() { Timeout = 30_000 });
        }
        catch (Exception ex) when (ex is TimeoutException or PlaywrightException)
        {
            throw await ExplainAsync(page, consoleErrors, ex);
        }
    }

    [Fact]
    public async Task Dashboard_WrongKey_IsAskedAgain_AndNoDataLeaks()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run scripts/setup-test-deps.sh (apt-get install chromium)");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync();

        await page.GotoAsync(_baseAddress + "/dashboard");
        await page.FillAsync("#key-input", "not-a-key");
        await page.ClickAsync("#key-submit");

        await page.Locator("#key-error:not([hidden])").WaitForAsync();
        Assert.Contains("refused", await page.Locator("#key-error").TextContentAsync(), StringComparison.Ordinal);
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('architect.apiKey')"));
    }
}
