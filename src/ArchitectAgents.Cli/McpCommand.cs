using System.CommandLine;
using ArchitectAgents.Mcp;
using ArchitectAgents.Runs;
using ArchitectAgents.Runs.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArchitectAgents.Cli;

/// <summary>
/// <c>architect mcp</c>: the MCP server over stdio for desktop clients, with the run engine in-process (the same run
/// services as the service, on a SQLite store under the state directory). Standard output carries the protocol
/// and nothing else; every log line goes to standard error.
/// </summary>
internal static class McpCommand
{
    /// <summary>The one owner of every run started over stdio: whoever runs the process.</summary>
    public const string LocalOwner = "local";

    /// <summary>The store file under the state directory, used unless ConnectionStrings:Runs names another store.</summary>
    public const string StoreFile = "mcp.db";

    public static Command Build()
    {
        var command = new Command("mcp", "Serve the design workflow to an MCP client over stdio (tools start_design, get_run, answer_questions, " +
            "wait_for_run, get_deliverables; deliverables as resources). Runs execute in this process.");
        command.SetAction(async (_, ct) =>
        {
            using var host = Build(CliEnvironment.Load().Configuration);
            await host.RunAsync(ct);
            return ExitCodes.Done;
        });
        return command;
    }

    internal static IHost Build(IConfiguration configuration)
    {
        // An empty builder: the default one adds a console logger on standard output, which would corrupt the protocol.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.AddConfiguration(configuration);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Runs"] = StoreConnectionString(configuration) });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddArchitectRuns(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddArchitectMcp(_ => LocalOwner).WithStdioServerTransport();
        return builder.Build();
    }

    /// <summary>
    /// The store the local server uses: the configured one (a PostgreSQL server, another file), or when none is
    /// configured a file of its own under the state directory, so a desktop client's runs do not mix with the service's.
    /// </summary>
    internal static string StoreConnectionString(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Runs");
        return configured is { Length: > 0 }
            ? configured
            : $"Data Source={Path.Combine(CliRunState.Root(configuration), StoreFile)}";
    }
}
