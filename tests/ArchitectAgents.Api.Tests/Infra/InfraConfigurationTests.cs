using System.Reflection;
using System.Text.RegularExpressions;
using ArchitectAgents.Tests.Common;
using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace ArchitectAgents.Api.Tests.Infra;

/// <summary>
/// Containers cannot be built here, so the deployment files are checked for what can be checked: they parse, and
/// every setting they pass to the app is one the app reads (a misspelt key would be silently ignored at run time).
/// </summary>
public sealed partial class InfraConfigurationTests
{
    private static readonly string Infra = Path.Combine(RepoPaths.Root, "infra");
    private static readonly IConfigurationRoot AppSettings = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoPaths.Root, "appsettings.json")).Build();

    /// <summary>Setting names of every options type of the service (leaves a section may take beyond appsettings.json).</summary>
    private static readonly HashSet<string> OptionProperties = [.. new[] { typeof(Program).Assembly, typeof(ArchitectAgents.Runs.RunsRegistration).Assembly, typeof(ArchitectAgents.Models.ModelSettings).Assembly }
        .SelectMany(a => a.GetTypes())
        .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal) || t.Name.EndsWith("Settings", StringComparison.Ordinal))
        .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name))];

    [Fact]
    public void Compose_ParsesAndEveryAppSettingItPassesExists()
    {
        var compose = Load(Path.Combine(Infra, "docker-compose.yml"));

        var services = (Dictionary<object, object>)compose["services"];
        var nodes = services.Where(s => s.Value is Dictionary<object, object> d && d.ContainsKey("build")).ToList();
        Assert.Equal(4, nodes.Count);
        var roles = nodes.Select(n => Environment(n.Value)["Node__Role"]).Order().ToList();
        Assert.Equal(["api", "api", "worker", "worker"], roles);
        Assert.Contains("postgres", services.Keys.Cast<string>());
        Assert.Contains("otel-collector", services.Keys.Cast<string>());
        Assert.Contains("jaeger", services.Keys.Cast<string>());
        Assert.Contains("prometheus", services.Keys.Cast<string>());
        Assert.Contains("grafana", services.Keys.Cast<string>());
        foreach (var (_, node) in nodes)
        {
            foreach (var key in Environment(node).Keys)
            {
                AssertKnown((string)key, "docker-compose.yml");
            }
        }

        foreach (var file in new[] { "otel-collector.yaml", "prometheus.yml" })
        {
            Assert.NotEmpty(Load(Path.Combine(Infra, file)));
        }
    }

    [Fact]
    public void HelmChart_ParsesAndEveryAppSettingItPassesExists()
    {
        var chart = Path.Combine(Infra, "helm", "architect-agents");
        Assert.Equal("architect-agents", Load(Path.Combine(chart, "Chart.yaml"))["name"]);
        var values = Load(Path.Combine(chart, "values.yaml"));
        foreach (var key in ((Dictionary<object, object>)values["config"]).Keys.Cast<string>())
        {
            AssertKnown(key, "values.yaml");
        }

        var templates = Directory.GetFiles(Path.Combine(chart, "templates"));
        var text = string.Join("\n", templates.Select(File.ReadAllText));
        var names = EnvName().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains("ConnectionStrings__Runs", names);
        Assert.Contains("Node__Role", names);
        Assert.All(names, n => AssertKnown(n, "helm templates"));
        foreach (var kind in new[] { "Deployment", "PodDisruptionBudget", "HorizontalPodAutoscaler", "NetworkPolicy", "Secret", "Service" })
        {
            Assert.Contains($"kind: {kind}", text, StringComparison.Ordinal);
        }

        Assert.Contains("path: /health/ready", text, StringComparison.Ordinal);
        Assert.Contains("value: worker", text, StringComparison.Ordinal);
        Assert.Contains("value: api", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_CopiesPathsThatExist_RunsAsNonRootWithAHealthCheck()
    {
        var text = File.ReadAllText(Path.Combine(Infra, "Dockerfile"));

        foreach (Match copy in CopyLine().Matches(text))
        {
            foreach (var source in copy.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            {
                var pattern = Path.Combine(RepoPaths.Root, source.TrimEnd('/'));
                Assert.True(Directory.Exists(pattern) || File.Exists(pattern) || Directory.GetFiles(Path.GetDirectoryName(pattern)!, Path.GetFileName(pattern)).Length > 0, $"COPY {source} names nothing in the repository");
            }
        }

        Assert.Contains("USER app", text, StringComparison.Ordinal);
        Assert.Contains("HEALTHCHECK", text, StringComparison.Ordinal);
        foreach (Match env in DockerEnv().Matches(text))
        {
            AssertKnown(env.Groups[1].Value, "Dockerfile");
        }
    }

    private static void AssertKnown(string key, string where)
    {
        if (key.StartsWith("OTEL_", StringComparison.Ordinal) || key.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || key.StartsWith("DOTNET_", StringComparison.Ordinal))
        {
            return;
        }

        var path = key.Replace("__", ":", StringComparison.Ordinal);
        var parent = path.Contains(':', StringComparison.Ordinal) ? path[..path.LastIndexOf(':')] : "";
        var leaf = path[(path.LastIndexOf(':') + 1)..];
        var known = AppSettings.GetSection(path).Exists() || AppSettings[path] is not null
            || (parent.Length > 0 && AppSettings.GetSection(parent).Exists() && OptionProperties.Contains(leaf));
        Assert.True(known, $"{where} sets '{key}', which the app does not read");
    }

    private static Dictionary<object, object> Environment(object service) =>
        (Dictionary<object, object>)((Dictionary<object, object>)service)["environment"];

    private static Dictionary<object, object> Load(string path)
    {
        using var reader = new StringReader(File.ReadAllText(path));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    [GeneratedRegex(@"-\s+name:\s+([A-Za-z][A-Za-z0-9]*__[A-Za-z0-9_]+)")]
    private static partial Regex EnvName();

    [GeneratedRegex(@"^COPY\s+(?!--from)(.+)$", RegexOptions.Multiline)]
    private static partial Regex CopyLine();

    [GeneratedRegex(@"^\s*(?:ENV\s+)?([A-Za-z]+__[A-Za-z]+)=", RegexOptions.Multiline)]
    private static partial Regex DockerEnv();
}
