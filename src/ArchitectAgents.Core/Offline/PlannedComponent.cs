using ArchitectAgents.Core.Document;
using ArchitectAgents.Core.Knowledge;

namespace ArchitectAgents.Core.Offline;

/// <summary>The component plan: components, flows and the technologies they run on.</summary>
internal sealed class ComponentPlan
{
    public List<Component> Components { get; } = [];
    public List<Flow> Flows { get; } = [];
    public List<(TechnologyInfo Tech, string Purpose)> Technologies { get; } = [];

    /// <summary>The platform kit the plan was laid out on.</summary>
    public PlatformKit? Kit { get; set; }

    /// <summary>In a services split, the service that owns each of the brief's entities (by name), and the one that owns the rest.</summary>
    public Dictionary<string, string> EntityOwners { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The service that owns what no other does, in a services split; null otherwise.</summary>
    public string? DefaultOwner { get; set; }

    /// <summary>Devices, operating systems and protocols the brief names that the clients run on or talk in (Zebra TC52, Android, OData), not systems of their own.</summary>
    public List<string> ClientPlatforms { get; } = [];

    /// <summary>Capabilities from the catalogue that the requirements call for.</summary>
    public List<CapabilityUse> Capabilities { get; } = [];

    public Component Add(string id, string name, string kind, string responsibility, TechnologyInfo? tech = null, string? purpose = null)
    {
        var component = new Component { Id = id, Name = name, Kind = kind, Responsibility = responsibility, TechnologyId = tech?.Id };
        Components.Add(component);
        Use(tech, purpose ?? responsibility);
        return component;
    }

    public void Use(TechnologyInfo? tech, string purpose)
    {
        if (tech is not null && !Technologies.Any(t => t.Tech.Id == tech.Id))
        {
            Technologies.Add((tech, purpose));
        }
    }

    public void Connect(string from, string to, string label, bool async = false)
    {
        if (Components.Any(c => c.Id == from) && Components.Any(c => c.Id == to))
        {
            Flows.Add(new Flow { From = from, To = to, Label = label, Async = async });
        }
    }

    public bool Has(string id) => Components.Any(c => c.Id == id);
}
