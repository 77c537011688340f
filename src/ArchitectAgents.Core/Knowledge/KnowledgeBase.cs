using System.Text.Json;

namespace ArchitectAgents.Core.Knowledge;

/// <summary>The knowledge shipped inside the assembly: technologies, controls and domain entities.</summary>
public sealed class KnowledgeBase
{
    private static readonly Lazy<KnowledgeBase> Shared = new(Load);
    private static readonly System.Text.Json.JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web);

    private KnowledgeBase(TechnologyCatalog technologies, ControlCatalog controls, EntityCatalog entities)
    {
        Technologies = technologies;
        Controls = controls;
        Entities = entities;
    }

    /// <summary>The embedded knowledge base, loaded once.</summary>
    public static KnowledgeBase Default => Shared.Value;

    /// <summary>Technologies with versions.</summary>
    public TechnologyCatalog Technologies { get; }

    /// <summary>Security and compliance controls.</summary>
    public ControlCatalog Controls { get; }

    /// <summary>Domain entities.</summary>
    public EntityCatalog Entities { get; }

    /// <summary>A technology by id, or null.</summary>
    public TechnologyInfo? Technology(string id) => Technologies.Technologies.FirstOrDefault(t => t.Id == id);

    /// <summary>An entity by name, or null.</summary>
    public EntityInfo? Entity(string name) => Entities.Entities.FirstOrDefault(e => e.Name == name);

    private static KnowledgeBase Load() => new(Read<TechnologyCatalog>("technologies"), Read<ControlCatalog>("controls"), Read<EntityCatalog>("entities"));

    private static T Read<T>(string name)
    {
        var resource = $"ArchitectAgents.Knowledge.{name}.json";
        using var stream = typeof(KnowledgeBase).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded knowledge file {resource} is missing from the build.");
        return JsonSerializer.Deserialize<T>(stream, ReadOptions)
            ?? throw new InvalidOperationException($"Embedded knowledge file {resource} is empty.");
    }
}
