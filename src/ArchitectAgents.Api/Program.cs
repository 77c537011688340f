using ArchitectAgents.Api.Auth;
using ArchitectAgents.Api.Catalog;
using ArchitectAgents.Api.Dashboard;
using ArchitectAgents.Api.Health;
using ArchitectAgents.Api.Infrastructure;
using ArchitectAgents.Api.Mcp;
using ArchitectAgents.Api.LangGraph;
using ArchitectAgents.Api.Runs;
using ArchitectAgents.Api.Webhooks;
using ArchitectAgents.Api.Telemetry;
using ArchitectAgents.Runs;
using ArchitectAgents.Runs.Scheduling;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddArchitectRuns(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddApiInfrastructure(builder.Configuration);
builder.Services.AddArchitectAuth(builder.Configuration);
builder.Services.AddArchitectWebhooks();
builder.Services.AddArchitectMcpEndpoint();
builder.Services.AddLangGraphApi();
builder.AddArchitectTelemetry();

var app = builder.Build();
app.UseApiInfrastructure();
app.UseArchitectAuth();
app.MapHealth();
app.MapTelemetry();
// Worker nodes serve only health and metrics; the API and the dashboard are on 'api' and 'all' nodes.
if (app.Services.GetRequiredService<IOptions<SchedulingOptions>>().Value.ServesApi)
{
    app.MapRuns();
    app.MapCatalog();
    app.MapArchitectWebhooks();
    app.MapArchitectMcp();
    app.MapLangGraph();
    app.MapApiReference();
    app.MapDashboard();
}

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
