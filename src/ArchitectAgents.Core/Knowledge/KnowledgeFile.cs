using System.Text.Json;

namespace ArchitectAgents.Core.Knowledge;

/// <summary>Reads one embedded knowledge file (Knowledge/Data/*.json).</summary>
internal static class KnowledgeFile
{
    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web);

    public static T Read<T>(string name)
    {
        var resource = $"ArchitectAgents.Knowledge.{name}.json";
        using var stream = typeof(KnowledgeFile).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded knowledge file {resource} is missing from the build.");
        return JsonSerializer.Deserialize<T>(stream, ReadOptions)
            ?? throw new InvalidOperationException($"Embedded knowledge file {resource} is empty.");
    }
}
