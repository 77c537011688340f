using ArchitectAgents.Api.Auth;
using ArchitectAgents.Api.Catalog;
using ArchitectAgents.Api.Dashboard;
using ArchitectAgents.Api.Health;
using ArchitectAgents.Api.Infrastructure;
using ArchitectAgents.Api.Runs;
using ArchitectAgents.Api.Telemetry;
using ArchitectAgents.Runs;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddArchitectRuns(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddApiInfrastructure(builder.Configuration);
builder.Services.AddArchitectAuth(builder.Configuration);
builder.AddArchitectTelemetry();

var app = builder.Build();
app.UseApiInfrastructure();
app.UseArchitectAuth();
app.MapHealth();
app.MapTelemetry();
app.MapRuns();
app.MapCatalog();
app.MapApiReference();
app.MapDashboard();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
