using System.Text.Json;
using System.Text.Json.Nodes;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Tests.Document;

public sealed class DocumentSchemaTests
{
    [Fact]
    public void SchemaOfDocument_IsGeneratedFromTheTypes()
    {
        var schema = DocumentJson.SchemaOfDocument().AsObject();

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema["$schema"]!.GetValue<string>());
        var properties = schema["properties"]!.AsObject();
        foreach (var section in SectionNames.All)
        {
            Assert.True(properties.ContainsKey(section), $"schema lacks section '{section}'");
        }

        var verdict = properties["gate"]!["anyOf"]?[0]?["properties"]?["verdict"] ?? properties["gate"]!["properties"]!["verdict"];
        Assert.Equal(["pass", "revise", "fail"], verdict!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Contains("author", properties["design"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_RoundTripsThroughJson()
    {
        var doc = await new DesignHarness().DesignAsync("# Notes app\nA team of 3 builds a notes app for 10k users.");

        var json = DocumentJson.Serialize(doc);
        var back = JsonSerializer.Deserialize<DesignDocument>(json, DocumentJson.Options)!;

        Assert.Equal(json, DocumentJson.Serialize(back));
        Assert.Contains("\"verdict\":\"pass\"", json, StringComparison.Ordinal);
        Assert.IsType<JsonObject>(JsonNode.Parse(json));
    }
}
