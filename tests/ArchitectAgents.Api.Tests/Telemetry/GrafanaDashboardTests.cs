using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.RegularExpressions;
using ArchitectAgents.Core.Telemetry;
using ArchitectAgents.Runs.Telemetry;
using ArchitectAgents.Tests.Common;
using Microsoft.Extensions.DependencyInjection;

namespace ArchitectAgents.Api.Tests.Telemetry;

public sealed partial class GrafanaDashboardTests
{
    [Fact]
    public async Task Dashboard_QueriesOnlyMetricsTheServiceExposes()
    {
        // Arrange: every instrument of our meter, named as the Prometheus exporter names it.
        var exposed = new HashSet<string>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == ArchitectTelemetry.MeterName)
                {
                    foreach (var name in PrometheusNames(instrument))
                    {
                        exposed.Add(name);
                    }
                }
            },
        };
        listener.Start();
        await using var api = new ApiFactory();
        _ = api.Services.GetRequiredService<RunMetrics>();
        Assert.Contains("architect_runs_started_total", exposed);

        // Act
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "infra", "grafana", "dashboards", "architect-agents.json"), TestContext.Current.CancellationToken));
        var queried = json.RootElement.GetProperty("panels").EnumerateArray()
            .Where(p => p.TryGetProperty("targets", out _))
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .SelectMany(t => MetricName().Matches(t.GetProperty("expr").GetString()!).Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal);

        // Assert
        Assert.NotEmpty(queried);
        Assert.All(queried, name => Assert.Contains(name, exposed));
        Assert.Contains("architect_runs_queued", queried);
        Assert.Contains("architect_agent_tokens_total", queried);
        Assert.Contains("architect_agent_cost_USD_total", queried);
    }

    private static IEnumerable<string> PrometheusNames(Instrument instrument)
    {
        var name = instrument.Name.Replace('.', '_');
        name += instrument.Unit switch
        {
            null or "" => "",
            "s" => "_seconds",
            var unit when unit.StartsWith('{') => "",
            var unit => "_" + unit,
        };
        var type = instrument.GetType().GetGenericTypeDefinition();
        if (type == typeof(Counter<>))
        {
            return [name + "_total"];
        }

        return type == typeof(Histogram<>) ? [name + "_bucket", name + "_sum", name + "_count"] : [name];
    }

    [GeneratedRegex(@"\barchitect_[a-zA-Z_]+")]
    private static partial Regex MetricName();
}
